#!/usr/bin/env node
// npm run bench: how fast appeal is, every row of issue 12's target table, measured side by side
// with `node -e 0` in one run on this machine.
//
//   node scripts/bench.mjs [--rounds N] [--only ROW[,ROW...]] [--quick] [--list] [--against DIR] [--typst]
//
// Each round runs every row once, in an order rotated from round to round, and each measurement
// of a row is paired with a `node -e 0` run just before it: the figure is the median of the
// per-round ratios (or, for batch rows, of the per-round cost of a letter), with min and max, so a
// busy moment of the machine (other processes on the same cores) hits a row and its baseline alike.
// Workspaces are made in a temp folder from the repository's example (appeal.yaml, cases/,
// register/) and from synthesized cases; a run that writes gets a fresh copy every round. They
// are all removed at the end, none during the rounds: on ext4 without a journal (as on this
// project's CI machines) every file created in the seconds after many files were deleted pays
// for each freed inode it skips, and a batch of 1,000 PDF letters run just after the previous
// row's 3,000 files were removed took 1-2 ms a letter more (system time 1.9 s instead of 0.5).
//
// --only takes row ids or prefixes (`--only batch`, `--only txt,pdf`); --quick is 5 rounds and
// leaves out the 1,000-case rows; --list prints the rows. --against DIR measures every row a second
// time, in the same rounds, with the build of another checkout (DIR/bin/appeal.js): before and after.
// --keep leaves the workspaces in the temp folder (named on stderr), to profile a row by hand.
// --typst adds the typst peer's rows (see "the typst peer" below), each beside its appeal row in
// the table and in the rounds; --only takes a typst row with its peer (`--only pdf` measures
// `pdf` and `typst-pdf`) or by its own id (`--only typst` measures the typst rows alone).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'appeal.js');

// ---- options ----------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick');
const rounds = Number(value('--rounds') ?? process.env.BENCH_ROUNDS ?? (quick ? 5 : 11));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds wants a whole number, not ${value('--rounds')}`);
const against = value('--against');
const only = value('--only')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

// ---- workspaces -------------------------------------------------------------------------------
const scratch = mkdtempSync(join(tmpdir(), 'appeal-bench-'));
if (!flag('--keep')) process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let made = 0;
const freshDir = (what) => join(scratch, `${what}-${made++}`);

/** A copy of the repository's example workspace (or of `from`). */
function copyOf(from, what = 'ws') {
  const dir = freshDir(what);
  mkdirSync(dir);
  for (const f of ['appeal.yaml', 'cases', 'register', 'out', 'signatories'])
    if (existsSync(join(from, f))) cpSync(join(from, f), join(dir, f), { recursive: true });
  return dir;
}

/**
 * A case of about a page and a half of letter: events in English, Azerbaijani, Russian and (one
 * case in four) Persian, so the PDF path shapes every script the product promises.
 */
function synthCase(i) {
  const day = (d) => `2020-01-${String(d).padStart(2, '0')}`;
  const persian =
    i % 4 === 0
      ? `  - date: ${day(20)}\n    text: خانواده آقای ${i} می‌گویند که او در زندان اوین است و از بیماری رنج می‌برد. They ask for a doctor.\n    source: Haqqimiz\n`
      : '';
  return (
    `person:\n  name: Person ${i} Example\n  honorific: Mr.\n  aliases: [Persona ${i}]\n  descriptor: a teacher and human rights defender\n  status: detained\n` +
    `headline: A prisoner of conscience\npersecutor: the authorities\n` +
    `concerns: [human-rights-defenders, arbitrary-detention, health, torture]\nevents:\n` +
    `  - date: ${day(1 + (i % 9))}\n    text: >-\n      Mr. Person ${i} Example was arrested at his home at night by plain-clothes officers who showed no warrant,\n      and taken to an unknown place; his family learnt of his detention only three days later, from a former detainee.\n    source: Haqqimiz\n` +
    `  - date: ${day(11)}\n    text: Cənab ${i} həbs edildi; ailəsi onun səhhətindən çox narahatdır və vəkilinə görüşməyə icazə verilmir. His lawyer was refused a visit.\n    source: Haqqimiz\n` +
    `  - date: ${day(12 + (i % 7))}\n    text: Семья сообщила, что его перевели в тюрьму Эвин и что он объявил голодовку. The family was not told why.\n    source: Haqqimiz\n` +
    persian +
    `closing:\n` +
    `  - >-\n    We are deeply concerned for the physical and psychological integrity of Mr. Person ${i} Example, who is held\n    without charge and without access to a lawyer of his choosing, and we fear that he is at risk of torture.\n` +
    `  - We ask you to intervene urgently with the authorities for his immediate and unconditional release.\n`
  );
}

/** A workspace of n synthesized cases and an empty register. */
function synthWorkspace(n) {
  const dir = copyOf(root, `cases${n}`);
  rmSync(join(dir, 'cases'), { recursive: true });
  rmSync(join(dir, 'register'), { recursive: true });
  mkdirSync(join(dir, 'cases'));
  mkdirSync(join(dir, 'register'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'cases', `p${i}.yaml`), synthCase(i));
  return dir;
}

const BATCH = ['batch', '--to', 'un-rapporteurs', '--date', '2020-02-01'];
const LETTER = ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'];

// ---- running ----------------------------------------------------------------------------------
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// Without GNU time, a preloaded module reports the peak resident memory on exit.
const rssHook = join(scratch, 'rss-hook.cjs');
writeFileSync(
  rssHook,
  "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

/** Runs node with `args` in `cwd`: wall time in ms, and the peak memory in MB when asked. */
function run(args, cwd, { rss = false } = {}) {
  let cmd = process.execPath;
  let full = args;
  const rssFile = join(scratch, 'rss.txt');
  const env = { ...process.env };
  if (rss && timeBin) {
    cmd = timeBin;
    full = ['-f', '%M', '-o', rssFile, process.execPath, ...args];
  } else if (rss) {
    full = ['--require', rssHook, ...args];
    env.BENCH_RSS_FILE = rssFile;
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} (in ${cwd}) exited ${r.status}: ${r.stderr}`);
  // GNU time and maxRSS both report KiB.
  const mb = rss ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  return { ms, mb };
}

const nodeZero = (cwd) => run(['-e', '0'], cwd).ms;

// ---- rows -------------------------------------------------------------------------------------
// kind 'ratio': a fresh process, figure = time / time of `node -e 0` just before it.
// kind 'batch': figure = (T(n cases) - T(1 case)) / (n - 1) ms a letter, start-up not counted;
//               peak memory of the n-case run.
// kind 'ms':    a fresh process whose target is in seconds; figure = ms, ratio shown too.
const rows = [];
const example = () => (example.dir ??= copyOf(root, 'example'));
const ws = new Map();
const synth = (n) => ws.get(n) ?? ws.set(n, synthWorkspace(n)).get(n);

rows.push({ id: 'version', what: '`--version`', kind: 'ratio', target: '', args: ['--version'], cwd: () => example() });
rows.push({
  id: 'validate-example',
  what: '`validate`, the example workspace',
  kind: 'ratio',
  target: '',
  args: ['validate'],
  cwd: () => example(),
});
rows.push({
  id: 'txt',
  what: 'text letter, fresh process (`new --dry-run --format txt`)',
  kind: 'ratio',
  target: '<= 2x',
  args: [...LETTER, '--dry-run', '--format', 'txt'],
  cwd: () => example(),
});
rows.push({
  id: 'quickstart',
  what: "README's quick start (`new --dry-run`, txt and pdf configured)",
  kind: 'ratio',
  target: '<= 2.5x',
  args: [...LETTER, '--dry-run'],
  cwd: () => example(),
});
rows.push({
  id: 'pdf',
  what: 'PDF letter written, fresh process (`new --format pdf`)',
  kind: 'ratio',
  target: '<= 3.5x',
  args: [...LETTER, '--format', 'pdf'],
  cwd: () => copyOf(example(), 'pdf'),
  fresh: true,
});
rows.push({
  id: 'txtpdf',
  what: 'text and PDF letter written, fresh process (`new --format txt,pdf`)',
  kind: 'ratio',
  target: '<= 4x',
  args: [...LETTER, '--format', 'txt,pdf'],
  cwd: () => copyOf(example(), 'txtpdf'),
  fresh: true,
});
for (const n of quick ? [200] : [200, 1000]) {
  for (const format of ['pdf', 'txt']) {
    rows.push({
      id: `batch-${format}-${n}`,
      what: `\`batch\` of ${n.toLocaleString('en')} ${format === 'pdf' ? 'PDF' : 'text'} letters, per letter`,
      kind: 'batch',
      n,
      target: n === 1000 ? (format === 'pdf' ? '<= 5 ms; <= 200 MB' : '<= 1.5 ms') : '',
      args: [...BATCH, '--all', '--format', format],
      setup: () => [synth(1), synth(n)],
    });
  }
}
/** A workspace of n cases after a batch wrote a letter (txt and pdf) on each: n entries, 2n letters. */
function issuedWorkspace(n) {
  const key = `issued${n}`;
  if (!ws.has(key)) {
    const dir = copyOf(synth(n), key);
    run([cli, ...BATCH, '--all', '--format', 'txt,pdf'], dir);
    ws.set(key, dir);
  }
  return ws.get(key);
}
for (const n of quick ? [200] : [200, 1000]) {
  rows.push({
    id: `validate-${n}`,
    what: `\`validate\`, ${n.toLocaleString('en')} cases`,
    kind: 'ms',
    target: n === 1000 ? '<= 300 ms' : '',
    args: ['validate'],
    cwd: () => synth(n),
  });
  rows.push({
    id: `validate-${n}-issued`,
    what: `\`validate\`, ${n.toLocaleString('en')} cases + ${n.toLocaleString('en')} register entries + ${(2 * n).toLocaleString('en')} letters`,
    kind: 'ms',
    target: n === 1000 ? '<= 600 ms' : '',
    args: ['validate'],
    cwd: () => issuedWorkspace(n),
  });
}

// ---- the typst peer (--typst) ----------------------------------------------------------------
// Issue 12's class to reach: the same letters set by a native typesetter, typst, through the npm
// package @myriaddreamin/typst-ts-node-compiler. It is not a dependency of appeal: --typst installs
// it once into a folder of the temp dir (reused by later runs) and nothing else downloads it.
// scripts/bench-typst.mjs sets appeal's text letters of the peer row's workspace (the letter of
// the `pdf` row from the same `new --dry-run --format txt`, the batch's letters from `batch --all
// --format txt` on the same cases) with scripts/bench-typst.typ, DejaVu from dejavu-fonts-ttf.
const TYPST = '@myriaddreamin/typst-ts-node-compiler';
const TYPST_VERSION = '0.7.0';
const typst = flag('--typst') ? { dir: join(tmpdir(), `appeal-bench-typst-${TYPST_VERSION}`), version: '' } : undefined;

/** Installs the typst compiler into typst.dir unless it is there and loads; typst's own version. */
function installTypst() {
  const probe = () =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `const req = require('node:module').createRequire(process.argv[1] + '/package.json');
         if (req('${TYPST}/package.json').version !== '${TYPST_VERSION}') throw new Error('not ${TYPST_VERSION}');
         const c = req('${TYPST}').NodeCompiler.create();
         console.log(c.query({ mainFileContent: '#metadata(str(sys.version)) <v>' }, { selector: '<v>', field: 'value' })[0]);`,
        typst.dir,
      ],
      { encoding: 'utf8' },
    );
  let p = probe();
  if (p.status !== 0) {
    rmSync(typst.dir, { recursive: true, force: true });
    mkdirSync(typst.dir, { recursive: true });
    // npm's report goes to stderr, with ours: stdout is the table.
    process.stderr.write(`installing ${TYPST}@${TYPST_VERSION} into ${typst.dir} (once)\n`);
    const pkg = `${TYPST}@${TYPST_VERSION}`;
    const npm = spawnSync('npm', ['install', '--prefix', typst.dir, '--no-save', '--no-audit', '--no-fund', pkg], {
      stdio: ['ignore', 2, 2],
    });
    if (npm.status !== 0) throw new Error(`npm install --prefix ${typst.dir} ${pkg} failed (${npm.error ?? `exit ${npm.status}`})`);
    p = probe();
    if (p.status !== 0) throw new Error(`${pkg} in ${typst.dir} does not load: ${p.stderr}`);
  }
  return p.stdout.trim();
}

/** A folder with `in/`, appeal's text letters: of the `pdf` row's dry run, or of a batch of n cases. */
function typstLetters(n) {
  const key = `typst-letters-${n}`;
  if (!ws.has(key)) {
    const dir = freshDir(key);
    mkdirSync(join(dir, 'in'), { recursive: true });
    if (n === 'pdf') {
      const r = spawnSync(process.execPath, [cli, ...LETTER, '--dry-run', '--format', 'txt'], { cwd: example(), encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`the text letter of the pdf row: ${r.stderr}`);
      writeFileSync(join(dir, 'in', 'letter.txt'), r.stdout);
    } else {
      const batch = copyOf(synth(n), `typst-batch${n}`);
      run([cli, ...BATCH, '--all', '--format', 'txt'], batch);
      const txt = readdirSync(join(batch, 'out'), { recursive: true }).filter((f) => f.endsWith('.txt'));
      if (txt.length !== n) throw new Error(`the batch of ${n} cases wrote ${txt.length} text letters`);
      for (const f of txt) cpSync(join(batch, 'out', f), join(dir, 'in', basename(f)));
    }
    ws.set(key, dir);
  }
  return ws.get(key);
}

/** A fresh folder for a typst run: the letters in `in/`, the PDFs written to `out/`. */
function typstRun(letters) {
  const dir = freshDir('typst');
  cpSync(join(letters, 'in'), join(dir, 'in'), { recursive: true });
  mkdirSync(join(dir, 'out'));
  return dir;
}

if (typst) {
  const beside = (peer, row) =>
    rows.splice(rows.findIndex((r) => r.id === peer) + 1, 0, {
      ...row,
      peer,
      target: `peer of \`${peer}\``,
      cli: join(root, 'scripts', 'bench-typst.mjs'),
      args: [typst.dir, 'in', 'out'],
    });
  beside('pdf', {
    id: 'typst-pdf',
    what: 'typst peer: the same PDF letter written, fresh process',
    kind: 'ratio',
    prepare: () => typstLetters('pdf'),
    cwd: () => typstRun(typstLetters('pdf')),
    fresh: true,
  });
  for (const n of quick ? [200] : [200, 1000])
    beside(`batch-pdf-${n}`, {
      id: `typst-batch-${n}`,
      what: `typst peer: the same ${n.toLocaleString('en')} PDF letters in one process, per letter`,
      kind: 'batch',
      n,
      setup: () => [typstLetters(1), typstLetters(n)],
      copy: typstRun,
    });
}

if (flag('--list')) {
  for (const r of rows) console.log(`${r.id.padEnd(24)} ${r.what}`);
  process.exit(0);
}
// A typst row comes with its peer (`--only pdf` is `pdf` and `typst-pdf`), or by its own id.
const named = (id) => only.some((o) => id === o || id.startsWith(`${o}-`));
const chosen = only ? rows.filter((r) => named(r.id) || (r.peer && named(r.peer))) : rows;
if (chosen.length === 0) throw new Error(`--only ${only} matches no row; rows: ${rows.map((r) => r.id).join(', ')}`);
for (const r of chosen) r.cli ??= cli;
if (against) {
  const other = join(against, 'bin', 'appeal.js');
  if (!existsSync(other)) throw new Error(`--against ${against}: no bin/appeal.js there (build it first)`);
  chosen.splice(
    0,
    chosen.length,
    ...chosen.flatMap((r) => (r.peer ? [r] : [r, { ...r, id: `${r.id} (against)`, what: `${r.what} [${against}]`, cli: other }])),
  );
}

// ---- measuring --------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

process.stderr.write(`appeal bench: ${chosen.length} rows, ${rounds} rounds, workspaces in ${scratch}\n`);
if (typst && chosen.some((r) => r.peer)) typst.version = installTypst();
// Workspaces made before timing starts (a batch-written one takes a while).
for (const r of chosen) {
  if (r.setup) r.setup();
  else if (r.prepare) r.prepare();
  else if (!r.fresh) r.cwd();
}

const results = new Map(chosen.map((r) => [r.id, { node: [], ms: [], ratio: [], perLetter: [], mb: [] }]));
const started = Date.now();
for (let round = 0; round < rounds; round++) {
  const order = chosen.map((_, i) => chosen[(i + round) % chosen.length]);
  for (const r of order) {
    const res = results.get(r.id);
    if (r.kind === 'batch') {
      const [one, many] = r.setup().map((dir) => (r.copy ?? copyOf)(dir, 'batch'));
      const base = nodeZero(one);
      const t1 = run([r.cli, ...r.args], one, { rss: true });
      const tn = run([r.cli, ...r.args], many, { rss: true });
      res.node.push(base);
      res.ms.push(tn.ms);
      res.perLetter.push((tn.ms - t1.ms) / (r.n - 1));
      res.mb.push(tn.mb);
    } else {
      const cwd = r.cwd();
      const base = nodeZero(cwd);
      const t = run([r.cli, ...r.args], cwd).ms;
      res.node.push(base);
      res.ms.push(t);
      res.ratio.push(t / base);
    }
  }
  process.stderr.write(`  round ${round + 1}/${rounds} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

// ---- the table --------------------------------------------------------------------------------
const f0 = (x) => x.toFixed(0);
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const span = (xs, f, unit = '') => `${f(Math.min(...xs))}${unit} - ${f(Math.max(...xs))}${unit}`;
const allNode = [...results.values()].flatMap((r) => r.node);

const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
const lines = [];
lines.push(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${availableParallelism()} cores (${cpu}), ${process.platform}, Node ${process.version}; ` +
    `\`node -e 0\` ${f0(median(allNode))} ms (median); ${rounds} rounds, each row paired with a \`node -e 0\` run beside it; ` +
    `load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}.`,
);
lines.push('');
lines.push('| what | median | min - max | time (median) | target |');
lines.push('|---|---|---|---|---|');
for (const r of chosen) {
  const res = results.get(r.id);
  if (r.kind === 'batch') {
    lines.push(
      `| ${r.what} | **${f1(median(res.perLetter))} ms** | ${span(res.perLetter, f1, ' ms')} | ${f0(median(res.ms))} ms in all, peak ${f0(median(res.mb))} MB | ${r.target} |`,
    );
  } else if (r.kind === 'ms') {
    lines.push(
      `| ${r.what} | **${f0(median(res.ms))} ms** | ${span(res.ms, f0, ' ms')} | ${f2(median(res.ratio))}x \`node -e 0\` | ${r.target} |`,
    );
  } else {
    lines.push(`| ${r.what} | **${f2(median(res.ratio))}x** | ${span(res.ratio, f2, 'x')} | ${f0(median(res.ms))} ms | ${r.target} |`);
  }
}
lines.push('');
lines.push(
  'Ratios: median of per-round (row time / `node -e 0` time). Batch: per letter = (time for n cases - time for 1 case) / (n - 1), ' +
    `start-up not counted; peak memory of the n-case run (${timeBin ? 'GNU time %M' : 'process.resourceUsage().maxRSS'}).`,
);
if (typst?.version)
  lines.push(
    '',
    `typst peer: ${TYPST} ${TYPST_VERSION} (typst ${typst.version}), run by scripts/bench-typst.mjs on the text letters appeal wrote ` +
      "for the peer row's workspace, each set by scripts/bench-typst.typ (A4, 25 mm margins, DejaVu Serif 11 pt and DejaVu Sans " +
      "from dejavu-fonts-ttf, no system font) and written as PDF; in a batch, typst's cache is evicted after each letter " +
      '(`evictCache(10)`, as the package advises).',
  );
console.log(lines.join('\n'));
