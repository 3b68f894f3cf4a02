// pdfkit and fontkit bundled by esbuild into one CommonJS file, with the modules a letter never
// uses replaced by stubs that throw a clear error if ever reached: brotli (WOFF2 fonts), AES
// (encrypted PDFs), png-js (PNG images) and linebreak (pdfkit's own line wrapping: appeal draws
// with lineBreak: false). A PDF letter rendered through it was byte-identical (issue 12).
// pdfkit reads data/sRGB_IEC61966_2_1.icc next to its own file for PDF/A: a real build must keep
// that path (copy the file, or define the URL).
//   node scripts/prototypes/pdfkit-bundle.mjs   (builds into a temp folder; times require in fresh processes)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export const STUBS = {
  'brotli/decompress.js':
    "module.exports = function () { throw new Error('appeal: WOFF2 fonts are not supported; use a TTF or OTF file'); };",
  '@noble/ciphers/aes': "module.exports = { cbc() { throw new Error('appeal: PDF encryption is left out of the bundle'); } };",
  'png-js': "module.exports = class { constructor() { throw new Error('appeal: PNG images are left out of the bundle'); } };",
  linebreak:
    "module.exports = class { constructor() { throw new Error('appeal: pdfkit line wrapping is left out; draw with lineBreak: false'); } };",
};

/** The esbuild plugin that puts the stubs in place of those modules. */
export const stubs = {
  name: 'pdfkit-stubs',
  setup(b) {
    b.onResolve({ filter: /^(brotli\/decompress\.js|@noble\/ciphers\/aes|png-js|linebreak)$/ }, (a) => ({
      path: a.path,
      namespace: 'stub',
    }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({ contents: STUBS[a.path], loader: 'js' }));
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'pdfkit-bundle-'));
  const entry = join(dir, 'entry.cjs');
  writeFileSync(entry, "module.exports = { PDFDocument: require('pdfkit'), fontkit: require('fontkit') };\n");
  const nodePaths = [join(process.cwd(), 'node_modules')];
  const common = { entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', target: 'node20', nodePaths, logLevel: 'error' };
  await build({ ...common, outfile: join(dir, 'plain.cjs') });
  await build({ ...common, outfile: join(dir, 'stubbed.cjs'), plugins: [stubs] });
  const require = createRequire(import.meta.url);
  const modules = [require.resolve('fontkit'), require.resolve('pdfkit')];
  const variants = { node_modules: modules, bundled: [join(dir, 'plain.cjs')], 'bundled, stubbed': [join(dir, 'stubbed.cjs')] };
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < 11; round++) {
    for (const [name, files] of Object.entries(variants)) {
      const code = `const t = performance.now(); ${files.map((f) => `require(${JSON.stringify(f)});`).join(' ')} process.stdout.write(String(performance.now() - t));`;
      times[name].push(Number(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })));
    }
  }
  for (const [name, t] of Object.entries(times))
    console.log(`${name.padEnd(18)} require ${t.sort((a, b) => a - b)[5].toFixed(1)} ms (median of 11)`);
  rmSync(dir, { recursive: true, force: true });
}
