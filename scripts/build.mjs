// Builds dist/: the CLI bundled into a few files (startup time is spent resolving and compiling
// modules, so one bundle with lazily loaded chunks starts far faster than hundreds of files), and
// the built-in templates precompiled, so that a letter from them needs only Handlebars' runtime.
// Type checking is `tsc --noEmit`, run before this by `npm run build`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod's `z` namespace exports every language of its messages (`z.locales`), about half of zod's
 * code, all parsed at start-up. appeal words its own messages and keeps zod's English default for
 * the few it passes on, so the bundle holds English only.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
    }));
  },
};
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outdir: dist,
  entryNames: 'appeal',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules only when a PDF is written (pdfkit reads its own data files).
  external: ['pdfkit', 'fontkit', 'bidi-js', 'dejavu-fonts-ttf'],
  // Some dependencies are CommonJS and call require().
  banner: { js: "import { createRequire as __appealRequire } from 'node:module'; const require = __appealRequire(import.meta.url);" },
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});

// The built-in templates, precompiled by the same code that compiles a workspace's templates.
const tool = join(dist, 'tools', 'precompile.mjs');
await build({
  entryPoints: [join(root, 'src/render/precompile.ts')],
  outfile: tool,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { precompileBuiltins } = await import(pathToFileURL(tool).href);
mkdirSync(join(dist, 'templates'), { recursive: true });
writeFileSync(join(dist, 'templates', 'builtin.js'), precompileBuiltins(join(root, 'templates')));
rmSync(join(dist, 'tools'), { recursive: true });

// The built-in data as JSON, read at start-up several times faster than the YAML it comes from.
mkdirSync(join(dist, 'data'), { recursive: true });
for (const sub of ['', 'lang']) {
  mkdirSync(join(dist, 'data', sub), { recursive: true });
  for (const file of readdirSync(join(root, 'data', sub)).filter((f) => f.endsWith('.yaml'))) {
    const data = parse(readFileSync(join(root, 'data', sub, file), 'utf8'));
    writeFileSync(join(dist, 'data', sub, file.replace(/\.yaml$/, '.json')), JSON.stringify(data));
  }
}
await import('./build-pdf.mjs'); // dist/vendor/pdfkit.cjs: pdfkit without the modules a letter never uses
