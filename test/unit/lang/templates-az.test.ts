/**
 * The Azerbaijani templates (templates/az/): they compile as the built-in templates do, use only
 * what the English templates use from the letter's context, and render a communication and an
 * update of seed 000 in Azerbaijani, with no English phrase left and no name inflected.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinTemplatesDir, dataDir } from '../../../src/paths.js';
import { formatAzDate } from '../../../src/domain/dates.js';
import { escapeDeep, parseMarkup } from '../../../src/render/markup.js';
import { COMPILE_OPTIONS, templateSource } from '../../../src/render/template.js';
import { renderText } from '../../../src/write/text.js';

const enDir = join(builtinTemplatesDir(), 'en');
const azDir = join(builtinTemplatesDir(), 'az');
const hbs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.hbs'));
const text = (dir: string, file: string) => templateSource({ partial: file.startsWith('_') }, readFileSync(join(dir, file), 'utf8'));

/** The context paths a template reads ("person.name", "circulation.lead", "@root.source"). */
function paths(source: string): Set<string> {
  const out = new Set<string>();
  const helpers = new Set(['if', 'unless', 'each', 'with', 'join', 'eq']);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; original?: string; path?: { original?: string }; name?: unknown } & Record<string, unknown>;
    if (n.type === 'PathExpression' && n.original && !helpers.has(n.original)) out.add(n.original);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && !(n.type === 'PartialStatement' && key === 'name')) visit(value);
  };
  visit(Handlebars.parse(source));
  return out;
}

/** The az templates, ready to render as template.ts compiles the built-in ones. */
function azRender(kind: string): (context: object) => string {
  const hb = Handlebars.create();
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
  for (const f of hbs(azDir).filter((f) => f.startsWith('_')))
    hb.registerPartial(f.slice(1, -4), hb.compile(text(azDir, f), COMPILE_OPTIONS));
  return hb.compile(text(azDir, `${kind}.hbs`), COMPILE_OPTIONS);
}

const az = parse(readFileSync(join(dataDir(), 'lang', 'az.yaml'), 'utf8')) as {
  status: Record<string, string>;
  labels: Record<string, string>;
};

/** Seed 000 as an Azerbaijani letter: the context compose.ts builds, with Azerbaijani data. */
function context(kind: 'communication' | 'update'): Record<string, unknown> {
  const data = {
    reference: '475/2007',
    date: formatAzDate('2007-12-23'),
    letterhead: ['Dünya Azərbaycanlılarının Hüquqlarını Müdafiə Komitəsi'],
    signatory: { name: 'Böyük Rəsuloğlu', title: 'Dünya Azərbaycanlılarının Hüquqlarını Müdafiə Komitəsinin sədri' },
    cc: ['Cənab Dayk və xanım Harrison, Amnesty International, London', 'UNESCO və müxtəlif kütləvi informasiya vasitələri'],
    addressees: [
      {
        name: 'BMT-nin İnsan Hüquqları üzrə Ali Komissarlığı, Cenevrə',
        address: ['Palais des Nations', 'CH-1211 Geneva 10'],
        circulate: true,
      },
    ],
    circulation: {
      lead: 'Baş katibin insan hüquqları müdafiəçiləri üzrə Xüsusi Nümayəndəsi',
      others: ['Özbaşına Həbslər üzrə İşçi Qrup', 'Azlıqlar məsələləri üzrə Müstəqil Ekspert'],
    },
    salutation: 'Hörmətli xanımlar və cənablar,',
    person: {
      name: 'Seid Metinpur',
      fullName: 'cənab Seid Metinpur',
      aliases: ['Seyid Metinpur'],
      descriptor: 'Cənubi Azərbaycanın tanınmış insan hüquqları müdafiəçisi',
      statusPhrase: az.status['detained'],
    },
    headline: 'Cənubi Azərbaycanlı vicdan məhbusu',
    persecutor: 'İran hakimiyyəti',
    previous:
      kind === 'update'
        ? { label: az.labels['update']!.replace('{n}', '2'), reference: '473/2007', date: formatAzDate('2007-12-12') }
        : undefined,
    events: [
      {
        date: formatAzDate('2007-12-17'),
        text: 'Ailələrə nəhayət həbsdəki yaxınları ilə görüşməyə icazə verilib.',
        source: 'Haqqimiz',
        see: [
          { label: az.labels['communication'], name: 'cənab və xanım Səfəri', reference: '463/2007', date: formatAzDate('2007-09-07') },
        ],
      },
    ],
    source: 'Haqqimiz',
    closing: ['Bütün bu qurbanların özbaşına azadlıqdan məhrum edildiyinə şübhə yoxdur.'],
  };
  return { ...escapeDeep(data), kind, update: kind === 'update' ? 3 : undefined };
}

function letter(kind: 'communication' | 'update'): string {
  const blocks = parseMarkup(azRender(kind)(context(kind)));
  return renderText(
    { meta: { reference: '475/2007', date: '2007-12-23', title: '', author: '', keywords: [], language: 'az' }, blocks },
    10_000,
  );
}

describe('templates/az', () => {
  it('has every template and partial the English built-in templates have', () => {
    expect(hbs(azDir).sort()).toEqual(hbs(enDir).sort());
  });

  it.each(hbs(azDir))('%s compiles, and reads nothing from the context that the English one does not', (file) => {
    const azPaths = paths(text(azDir, file));
    const enPaths = new Set(hbs(enDir).flatMap((f) => [...paths(text(enDir, f))]));
    expect([...azPaths].filter((p) => !enPaths.has(p))).toEqual([]);
  });

  it.each(hbs(azDir))('%s leaves no English phrase', (file) => {
    const source = readFileSync(join(azDir, file), 'utf8').replace(/\{\{[^}]*\}\}/g, ' ');
    for (const word of ['Dear', 'Yours', 'Please', 'Further', 'No.:', 'Date:', 'CC:', 'Source', 'see our', 'The facts', 'We ']) {
      expect(source, word).not.toContain(word);
    }
  });
});

describe('an Azerbaijani communication (seed 000)', () => {
  const out = letter('communication');

  it('heads the letter with the number, the Azerbaijani date and the mandates', () => {
    expect(out).toContain('№ 475/2007\n\nTarix: 23 dekabr 2007-ci il\n');
    expect(out).toContain(
      'Xahiş edirik, bu müraciəti aşağıdakı mandat sahibinə çatdırasınız: Baş katibin insan hüquqları müdafiəçiləri üzrə Xüsusi Nümayəndəsi; müraciət həmçinin aşağıdakı mandat sahibləri üçün maraq kəsb edir:',
    );
    expect(out).toContain('Özbaşına Həbslər üzrə İşçi Qrup');
    expect(out).toMatch(/Surəti: Cənab Dayk və xanım Harrison, Amnesty International, London\n {8}UNESCO/);
    expect(out).toContain('Hörmətli xanımlar və cənablar,');
  });

  it('names the person without inflecting the name', () => {
    expect(out).toContain(
      'Bu məktubla Sizin diqqətinizi cənab Seid Metinpur (digər yazılışı: Seyid Metinpur) ilə bağlı işə cəlb etmək istərdik. ' +
        'Seid Metinpur — İran hakimiyyəti tərəfindən özbaşına təqib olunan Cənubi Azərbaycanın tanınmış insan hüquqları müdafiəçisi. ' +
        'O, həbsdə saxlanılır.',
    );
  });

  it('lists the facts with their source and cross-references', () => {
    expect(out).toContain('Haqqimiz adlı etibarlı mənbədə dərc edilmiş faktlar aşağıdakılardır:');
    expect(out).toContain(
      '17 dekabr 2007-ci il: Ailələrə nəhayət həbsdəki yaxınları ilə görüşməyə icazə verilib. (bax: cənab və xanım Səfəri ilə bağlı məktubumuz — Müraciət, № 463/2007, 7 sentyabr 2007-ci il)',
    );
    expect(out).not.toContain('(mənbə:'); // one source for every fact: named once, above
  });

  it('asks, and closes with "Hörmətlə," and the signature', () => {
    expect(out).toContain(
      'Sizdən xahiş edirik ki, cənab Seid Metinpur ilə bağlı məsələni aidiyyəti dövlət orqanları qarşısında qaldırasınız',
    );
    expect(out).toMatch(/Hörmətlə,\n\n\nBöyük Rəsuloğlu\nDünya Azərbaycanlılarının Hüquqlarını Müdafiə Komitəsinin sədri\n?$/);
  });
});

describe('an Azerbaijani update (seed 000)', () => {
  const out = letter('update');

  it('cites the previous letter by its date, number and label, and numbers the update', () => {
    expect(out).toContain(
      '12 dekabr 2007-ci il tarixli, 473/2007 nömrəli məktubumuzun (Əlavə məlumat № 2) davamı olaraq, cənab Seid Metinpur ilə bağlı, onun insan hüquqlarının qorunması məqsədilə, Əlavə məlumat № 3 təqdim olunur. ' +
        'Seid Metinpur — İran hakimiyyəti tərəfindən özbaşına təqib olunan Cənubi Azərbaycanın tanınmış insan hüquqları müdafiəçisi.',
    );
    expect(out).toContain('Haqqimiz adlı etibarlı mənbədə dərc edilmiş son hadisələr aşağıdakılardır:');
  });

  it('says "(mənbə: ...)" after each event when the sources differ', () => {
    const ctx = context('update');
    const blocks = parseMarkup(azRender('update')({ ...ctx, source: undefined }));
    const plain = renderText({ meta: { reference: '', date: '', title: '', author: '', keywords: [], language: 'az' }, blocks }, 10_000);
    expect(plain).toContain('Son hadisələr aşağıdakılardır:');
    expect(plain).toContain('(mənbə: Haqqimiz)');
  });

  it('describes a person with no description by the persecutor alone, and no one at all otherwise', () => {
    const ctx = context('communication') as { person: Record<string, unknown> };
    const none = { ...ctx, person: { ...ctx.person, descriptor: undefined } };
    const blocks = parseMarkup(azRender('communication')(none));
    const plain = renderText({ meta: { reference: '', date: '', title: '', author: '', keywords: [], language: 'az' }, blocks }, 10_000);
    expect(plain).toContain(
      'ilə bağlı işə cəlb etmək istərdik. Seid Metinpur İran hakimiyyəti tərəfindən özbaşına təqib olunur. O, həbsdə saxlanılır.',
    );
    const bare = parseMarkup(azRender('communication')({ ...none, persecutor: undefined }));
    const plain2 = renderText(
      { meta: { reference: '', date: '', title: '', author: '', keywords: [], language: 'az' }, blocks: bare },
      10_000,
    );
    expect(plain2).toContain('ilə bağlı işə cəlb etmək istərdik. Seid Metinpur həbsdə saxlanılır.');
  });
});
