// Builds dist/: the CLI bundled into a few CommonJS files (startup time is spent resolving and
// compiling modules, so one bundle with lazily loaded chunks starts far faster than hundreds of
// files, and src/cli/start.ts runs them with a V8 code cache), the built-in templates precompiled,
// so that a letter from them needs only Handlebars' runtime, and the built-in data as JSON.
// Type checking is `tsc --noEmit`, run before this by `npm run build`.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
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
/**
 * commander requires child_process at load, for subcommands that are executables of their own
 * (appeal has none): with it come net, dgram and their bindings, 15 internal modules compiled at
 * every start. Here it is required on the first spawn instead.
 */
const commanderSpawnsLazily = {
  name: 'commander-spawns-lazily',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`commander-spawns-lazily: ${args.path} no longer has: ${eager}`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

// The built-in templates, precompiled by the same code that compiles a workspace's templates, put
// in the bundle in place of src/render/builtin-templates.ts (a chunk loaded when a letter is).
const tools = join(dist, 'tools');
const tool = join(tools, 'precompile.mjs');
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
const builtinTemplates = precompileBuiltins(join(root, 'templates'));
rmSync(tools, { recursive: true, force: true });
const precompiled = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]builtin-templates\.ts$/ }, () => ({ contents: builtinTemplates, loader: 'js' }));
  },
};

/** Every locale of date-fns, each a lazily loaded chunk, in place of src/domain/date-locales.ts. */
const localeDir = join(root, 'node_modules', 'date-fns', 'locale');
const localeCodes = readdirSync(localeDir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.slice(0, -'.js'.length))
  // The codes src/domain/dates.ts accepts; cdn.js is every locale at once.
  .filter((code) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,4})?$/.test(code) && code !== 'cdn');
const dateLocales = {
  name: 'date-locales',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]domain[\\/]date-locales\.ts$/ }, () => ({
      contents: `export const dateLocales = {\n${localeCodes.map((c) => `  ${JSON.stringify(c)}: () => import(${JSON.stringify(`date-fns/locale/${c}`)}),`).join('\n')}\n};\n`,
      loader: 'js',
    }));
  },
};

/**
 * The CLI as CommonJS files (src/cli/start.ts runs them with a V8 code cache): esbuild splits
 * only ES modules, so the bundle is split as ES modules, then each file is turned into CommonJS,
 * import() into require (vm.Script has no import()) and import.meta.url into the file's URL.
 */
const MODULE_URL = '__appealModuleUrl';
const split = await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outdir: dist,
  entryNames: 'appeal',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules only when a PDF is written (pdfkit reads its own data files).
  external: ['pdfkit', 'fontkit', 'bidi-js', 'dejavu-fonts-ttf'],
  define: { 'import.meta.url': MODULE_URL },
  plugins: [zodEnglishOnly, precompiled, dateLocales, commanderSpawnsLazily],
  write: false,
  logLevel: 'warning',
});
for (const out of split.outputFiles) {
  const { code, warnings } = await transform(out.text, {
    format: 'cjs',
    loader: 'js',
    target: 'node20',
    supported: { 'dynamic-import': false },
    // A third less to read, hash and hand to V8 at each start (text letter -2% instructions); names
    // are kept, so that the stack of an internal error still says where it was.
    minifyWhitespace: true,
    minifySyntax: true,
    banner: out.text.includes(MODULE_URL) ? `var ${MODULE_URL} = require('node:url').pathToFileURL(__filename).href;` : '',
  });
  // e.g. "import.meta" is not available: it would be {} at run time.
  if (warnings.length) throw new Error(`${out.path}: ${warnings.map((w) => w.text).join('; ')}`);
  mkdirSync(dirname(out.path), { recursive: true });
  writeFileSync(out.path, code);
}

// The loader that runs them (bin/appeal.js calls it).
await build({
  entryPoints: [join(root, 'src/cli/start.ts')],
  outfile: join(dist, 'start.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

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

/**
 * A first code cache for this Node (src/cli/start.ts), from the runs that matter most for start-up:
 * a text letter, the quick start's dry run and a PDF letter, in a copy of the example workspace (the example
 * itself is never written to). Left out of the npm package (package.json `files`): it fits only
 * this Node, and a user's first run writes their own.
 */
const training = mkdtempSync(join(tmpdir(), 'appeal-train-'));
try {
  for (const f of ['appeal.yaml', 'cases', 'register', 'signatories']) cpSync(join(root, f), join(training, f), { recursive: true });
  const letter = ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--dry-run'];
  // And a PDF letter written (in the copy), for pdfkit's bundle (src/write/pdf/deps.ts).
  const written = letter.filter((a) => a !== '--dry-run');
  for (const args of [[...letter, '--format', 'txt'], letter, [...written, '--format', 'pdf']]) {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'appeal.js'), ...args], { cwd: training, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the training run \`appeal ${args.join(' ')}\` failed: ${r.stderr}`);
  }
} finally {
  rmSync(training, { recursive: true, force: true });
}
