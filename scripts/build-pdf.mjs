// Builds dist/vendor/pdfkit.cjs: pdfkit bundled into one CommonJS file, with the modules a letter
// never uses replaced by stubs that throw a clear error if ever reached. Requiring pdfkit from
// node_modules costs about 200 ms in a fresh process, most of it in modules appeal does not use:
// fontkit (appeal hands pdfkit its own font objects: src/write/pdf/internals.ts), AES (@noble/ciphers
// builds its tables at load: encrypted PDFs), png-js (images) and linebreak (pdfkit's own line
// wrapping: appeal places every run with lineBreak: false). src/write/pdf/deps.ts loads this file
// when it is there, else pdfkit from node_modules (the same bytes, slower).
// pdfkit's PDF/A colour profile (data/sRGB_IEC61966_2_1.icc beside pdfkit's own file) is not
// copied: appeal writes no PDF/A.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const STUBS = {
  fontkit:
    "exports.create = function () { throw new Error('appeal: pdfkit is given font objects, not font files (fontkit is left out of the bundle)'); };",
  '@noble/ciphers/aes': "exports.cbc = exports.ecb = function () { throw new Error('appeal: PDF encryption is left out of the bundle'); };",
  'png-js': "module.exports = class { constructor() { throw new Error('appeal: PNG images are left out of the bundle'); } };",
  linebreak:
    "module.exports = class { constructor() { throw new Error('appeal: pdfkit line wrapping is left out; draw with lineBreak: false'); } };",
};

const stubs = {
  name: 'pdfkit-stubs',
  setup(b) {
    b.onResolve({ filter: /^(fontkit|@noble\/ciphers\/aes|png-js|linebreak)$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({ contents: STUBS[a.path], loader: 'js' }));
  },
};

mkdirSync(join(root, 'dist', 'vendor'), { recursive: true });
await build({
  stdin: { contents: "module.exports = require('pdfkit');", resolveDir: root, loader: 'js' },
  outfile: join(root, 'dist', 'vendor', 'pdfkit.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [stubs],
  logLevel: 'warning',
});
