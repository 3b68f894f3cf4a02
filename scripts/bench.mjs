#!/usr/bin/env node
// npm run bench: how fast appeal is, measured side by side in one run on this machine.
//
//   txt   `appeal new --dry-run --format txt` in a fresh process, as a ratio to `node -e 0`
//   pdf   `appeal new --format pdf` (a PDF letter rendered and written) in a fresh process, as a ratio
//   200   one process writing 200 PDF letters (`appeal batch --all --format pdf`): time per letter,
//         (T(200 cases) - T(1 case)) / 199, so start-up is not counted
//
// Rounds interleave the commands, so a busy moment of the machine hits all of them alike; the
// figures are medians. Targets on a 2-core machine: txt <= 2x, pdf <= 3x, 200 letters < 10 ms each.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'appeal.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const scratch = mkdtempSync(join(tmpdir(), 'appeal-bench-'));

/** A copy of the repository's example workspace. */
function example() {
  const dir = mkdtempSync(join(scratch, 'ws-'));
  for (const f of ['appeal.yaml', 'cases', 'register']) cpSync(join(root, f), join(dir, f), { recursive: true });
  return dir;
}

/** A workspace of n cases, each with two events, one in Azerbaijani and one in Russian. */
function manyCases(n) {
  const dir = example();
  rmSync(join(dir, 'cases'), { recursive: true });
  rmSync(join(dir, 'register'), { recursive: true });
  mkdirSync(join(dir, 'cases'));
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, 'cases', `p${i}.yaml`),
      `person:\n  name: Person ${i}\n  honorific: Mr.\n  status: detained\nheadline: A prisoner of conscience\npersecutor: the authorities\n` +
        `concerns: [human-rights-defenders, arbitrary-detention, health]\nevents:\n` +
        `  - date: 2020-01-0${1 + (i % 9)}\n    text: Cənab ${i} həbs edildi; ailəsi onun səhhətindən narahatdır. He was arrested at home and taken to an unknown place.\n    source: Haqqimiz\n` +
        `  - date: 2020-01-1${i % 9}\n    text: Семья сообщила, что его перевели в тюрьму Эвин. The family was not told why.\n    source: Haqqimiz\n` +
        `closing:\n  - We ask you to intervene urgently for the release of Person ${i}.\n`,
    );
  }
  return dir;
}

function time(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ws = example();
const letter = ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'];
const runs = { node: [], txt: [], pdf: [] };
for (let i = 0; i < rounds; i++) {
  runs.node.push(time(['-e', '0'], ws));
  runs.txt.push(time([cli, ...letter, '--dry-run', '--format', 'txt'], ws));
  // A real PDF letter, written and recorded; each round in a fresh copy so it is the same letter.
  const fresh = example();
  runs.pdf.push(time([cli, ...letter, '--format', 'pdf'], fresh));
}
const node = median(runs.node);
const txt = median(runs.txt);
const pdf = median(runs.pdf);

const batch = ['batch', '--to', 'un-rapporteurs', '--all', '--format', 'pdf', '--date', '2020-02-01'];
const perLetter = [];
for (let i = 0; i < 3; i++) {
  const one = time([cli, ...batch], manyCases(1));
  const many = time([cli, ...batch], manyCases(200));
  perLetter.push((many - one) / 199);
}

const row = (what, ms, ratio, target) => `${what.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms ${ratio.padStart(8)}   target ${target}`;
console.log(`appeal bench: ${rounds} rounds, medians, on ${process.platform} node ${process.version}`);
console.log(row('node -e 0', node, '1.00x', ''));
console.log(row('appeal new --dry-run --format txt', txt, `${(txt / node).toFixed(2)}x`, '<= 2x'));
console.log(row('appeal new --format pdf (fresh process)', pdf, `${(pdf / node).toFixed(2)}x`, '<= 3x'));
console.log(
  `${'200 PDF letters in one process, per letter'.padEnd(44)} ${median(perLetter).toFixed(1).padStart(6)} ms             target < 10 ms`,
);
rmSync(scratch, { recursive: true, force: true });
