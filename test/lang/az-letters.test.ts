/**
 * Letters in Azerbaijani through the built CLI, in temporary workspaces whose cases are written in
 * Azerbaijani: every kind of letter, read back as text and (with pdftotext) as PDF; an Azerbaijani
 * update after an English communication; a workspace template for one language only; and a
 * language that does not exist, or that has no templates.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, config, read, REPO, snapshot, workspace } from '../helpers.js';
import { AZ_LETTERS, azFiles, EVENT, HEADLINE, LETTERHEAD, PERSON as PERSON_CASE } from './fixtures.js';

const flat = (s: string): string => s.replace(/\s+/g, ' ');

/** The letter `appeal new --dry-run` prints, as one line. */
function dry(dir: string, ...args: string[]): string {
  const r = appeal(dir, 'new', ...args, '--dry-run', '--format', 'txt');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return flat(r.stdout);
}

const PERSON = ['--case', 'qehremanli', '--date', '2019-01-10', '--lang', 'az'];

/** What the English templates write, and the Azerbaijani ones must not. */
const ENGLISH = [
  'Dear ',
  'Yours sincerely',
  'Respectfully',
  'Further to',
  'No.:',
  'Date:',
  'CC:',
  'The facts',
  'The latest',
  'We are writing',
  'We therefore',
  'We ask',
  'no later than',
  'Signed by',
  'Please',
  'Update No',
  'Communication',
  'Open Letter',
  'persecuted',
  'published in',
  'according to',
  'also written',
  ' should ',
  'Mr.',
  'Mrs.',
];

function expectNoEnglish(text: string): void {
  for (const phrase of ENGLISH) expect(text, phrase).not.toContain(phrase);
}

describe('every kind of letter in Azerbaijani', () => {
  const dir = workspace(azFiles());

  it('a communication about one person: the case of the person, described and not inflected, the facts each with its source', () => {
    const text = dry(dir, ...PERSON, '--to', 'un-rapporteurs');
    expect(text).toContain(`${LETTERHEAD[0]} ${LETTERHEAD[1]} № 1/2019 Tarix: 10 yanvar 2019-cu il`);
    expect(text).toContain(
      'Xahiş edirik, bu müraciəti aşağıdakı mandat sahibinə çatdırasınız: Fikir və ifadə azadlığı hüququnun təşviqi və müdafiəsi ' +
        'üzrə Xüsusi Məruzəçi; müraciət həmçinin aşağıdakı mandat sahibləri üçün maraq kəsb edir: • Özbaşına Həbslər üzrə İşçi Qrup',
    );
    expect(text).toContain(`Elvin Qəhrəmanlı ${HEADLINE} Hörmətli xanımlar və cənablar,`);
    expect(text).toContain(
      'Bu məktubla Sizin diqqətinizi cənab Elvin Qəhrəmanlı (Elvin Gahramanli kimi də yazılır) ilə bağlı işə cəlb etmək istərdik. ' +
        'Elvin Qəhrəmanlı — Azərbaycan hakimiyyəti tərəfindən özbaşına təqib olunan Gəncədə yaşayan müstəqil jurnalist. ' +
        'Elvin Qəhrəmanlı həbsdə saxlanılır. Saxlanıldığı yer: Bakı İstintaq Təcridxanası.',
    );
    // Two sources: each fact says its own, after it.
    expect(text).toContain(
      `Faktlar aşağıdakılardır: • 5 yanvar 2019-cu il: ${EVENT} (etibarlı mənbə olan Meydan TV tərəfindən dərc edilmiş məlumata görə) ` +
        '• 8 yanvar 2019-cu il: Üç gün ərzində ona heç bir həkim çağırılmamışdır. (onun vəkili tərəfindən verilən məlumata görə)',
    );
    expect(text).toContain(
      'Sizdən xahiş edirik ki, cənab Elvin Qəhrəmanlı ilə bağlı məsələni aidiyyəti dövlət orqanları qarşısında qaldırasınız və onun ' +
        'hüquqlarının qorunmasına kömək göstərəsiniz. Diqqətinizə görə əvvəlcədən təşəkkür edirik. Hörmətlə, Böyük Rəsuloğlu Komitənin sədri',
    );
    expectNoEnglish(text);
  });

  it('a communication about two persons, and one about a theme: the sentences for several and for none', () => {
    const two = dry(dir, '--case', 'fealler', '--to', 'un-rapporteurs', '--date', '2019-10-28', '--lang', 'az');
    expect(two).toContain(
      'Bu məktubla Sizin diqqətinizi cənab Tofiq Ağayev və xanım Leyla Şükürova ilə bağlı işə cəlb etmək istərdik. ' +
        'Tofiq Ağayev — müxalifət partiyasının üzvü. Onlar Azərbaycan hakimiyyəti tərəfindən özbaşına təqib olunurlar. ' +
        'Tofiq Ağayev həbsdə saxlanılır. Leyla Şükürova məhkum edilmişdir.',
    );
    // One source for every fact: named once, above them.
    expect(two).toContain(
      'Faktlar, etibarlı mənbə olan Turan tərəfindən dərc edilmiş məlumata görə, aşağıdakılardır: • 19 oktyabr 2019-cu il: Bakıda',
    );
    expect(two).toContain('qaldırasınız və onların hüquqlarının qorunmasına');
    // The subject line joins the names in Azerbaijani.
    expect(two).toContain('Tofiq Ağayev və Leyla Şükürova Dinc aksiyaya görə həbs edilmiş fəallar');
    expect(two).toContain('Hörmətlə, Azərbaycan vətəndaş cəmiyyəti fəalları İmzalayanlar: 20-dən çox hüquq müdafiəçisi və ictimai xadim.');
    expectNoEnglish(two);

    const theme = dry(dir, '--case', 'mehbuslar', '--to', 'un-rapporteurs', '--date', '2020-03-31', '--lang', 'az');
    expect(theme).toContain(
      'Bu məktubla Sizin diqqətinizi Koronavirus pandemiyası dövründə İranda siyasi məhbuslar ilə bağlı vəziyyətə cəlb etmək istərdik. ' +
        'Özbaşına təqiblər İran hakimiyyəti tərəfindən həyata keçirilir. Faktlar,',
    );
    expect(theme).toContain('qaldırasınız və zərər çəkmiş şəxslərin hüquqlarının qorunmasına');
    expectNoEnglish(theme);
  });

  it('an open letter: the addressees and the subject in the title, the date, the body, the demands, the coalition', () => {
    const text = dry(dir, '--case', 'mehbuslar', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-31', '--lang', 'az');
    expect(text).toContain(
      'Açıq məktub Kimə: BMT-nin Baş katibi cənab António Guterres və BMT İnsan Hüquqları Şurasının üzv dövlətləri ' +
        'Mövzu: Koronavirus pandemiyası dövründə İranda siyasi məhbuslar',
    );
    expect(text).toContain(
      '31 mart 2020-ci il Zati-aliləri, İranın səhiyyə sistemi belə geniş böhrana tab gətirə bilmir. Faktlar, etibarlı mənbə olan ' +
        'Radio Fərda tərəfindən dərc edilmiş məlumata görə, aşağıdakılardır:',
    );
    expect(text).toContain(
      'Siyasi məhbuslar ən azı müvəqqəti olaraq azadlığa buraxılmalıdır. Dərin hörmətlə, Azərbaycan Siyasi Quruluşlarının ' +
        'Əməkdaşlıq Platforması • Azərbaycan Tələbələr Hərəkatı • Cənubi Azərbaycan Demokratik Partiyası',
    );
    expect(text).not.toContain('№'); // an open letter has no reference line
    expectNoEnglish(text);
  });

  it('an appeal: the addressees in Azerbaijani, numbered demands each with its deadline, the deadline of all, the signatories counted', () => {
    const text = dry(dir, '--case', 'fealler', '--to', 'torture-bodies', '--kind', 'appeal', '--date', '2019-10-28', '--lang', 'az');
    expect(text).toContain('№ 1/2019 Tarix: 28 oktyabr 2019-cu il BMT-nin İşgəncələr Əleyhinə Komitəsi');
    expect(text).toContain('Komitənin hörmətli üzvləri, Biz, Azərbaycan vətəndaş cəmiyyəti fəalları,');
    expect(text).toContain(
      'Buna görə də aşağıdakı tələbləri irəli sürürük: 1) BMT-nin İşgəncələr Əleyhinə Komitəsi Azərbaycana faktaraşdırıcı missiya ' +
        'göndərməlidir. Son müddət: 31 dekabr 2019-cu il. 2) Saxlanılan bütün fəallar azadlığa buraxılmalıdır. ' +
        'Xahiş edirik ki, bu addımlar 31 yanvar 2020-ci il tarixindən gec olmayaraq atılsın. Dərin hörmətlə,',
    );
    expect(text).toContain('İmzalayanlar: 20-dən çox hüquq müdafiəçisi və ictimai xadim.');
    expectNoEnglish(text);
  });

  it('a letter of concern to the President: his name and office in Azerbaijani, no word of persecution, demands, the closing', () => {
    const text = dry(dir, ...PERSON, '--to', 'president-azerbaijan', '--kind', 'concern');
    expect(text).toContain(
      'Azərbaycan Respublikasının Prezidenti cənab İlham Əliyev Azərbaycan Respublikası Prezidentinin Administrasiyası ' +
        'İstiqlaliyyət küçəsi 19, Bakı AZ1066, Azərbaycan',
    );
    expect(text).toContain(
      'Hörmətli cənab Prezident, Bu məktubla cənab Elvin Qəhrəmanlı (Elvin Gahramanli kimi də yazılır) ilə bağlı dərin ' +
        'narahatlığımızı Sizin diqqətinizə çatdırmaq istərdik. Elvin Qəhrəmanlı — Gəncədə yaşayan müstəqil jurnalist. ' +
        'Hesab edirik ki, jurnalistin həbsi onun peşə fəaliyyəti ilə bağlıdır. Faktlar aşağıdakılardır:',
    );
    expect(text).not.toContain('təqib'); // written to the authorities: the persecutor is not named
    expect(text).toContain(
      'Buna görə də hörmətlə aşağıdakıları xahiş edirik: 1) Jurnalistə qarşı irəli sürülmüş ittihamlar ləğv edilməlidir. ' +
        '2) Ədliyyə Nazirliyi müstəqil həkimlərin onu müayinə etməsini təmin etməlidir. Son müddət: 1 fevral 2019-cu il. ' +
        'Xahiş edirik ki, bu addımlar 1 mart 2019-cu il tarixindən gec olmayaraq atılsın. ' +
        'Fürsətdən istifadə edərək, Sizə ən yüksək ehtiramımızı bildiririk. Dərin hörmətlə, Böyük Rəsuloğlu',
    );
    expectNoEnglish(text);
  });

  it('an update: numbered, citing the last letter by its date, number and label', () => {
    const ws = workspace(azFiles());
    expect(appeal(ws, 'new', ...PERSON, '--to', 'un-rapporteurs', '--date', '2019-01-06').code).toBe(0);
    const text = dry(ws, ...PERSON, '--to', 'un-rapporteurs');
    expect(text).toContain(
      '6 yanvar 2019-cu il tarixli, 1/2019 nömrəli məktubumuzun (Müraciət) davamı olaraq, cənab Elvin Qəhrəmanlı (Elvin Gahramanli ' +
        'kimi də yazılır) ilə bağlı, onun insan hüquqlarının qorunması məqsədilə, Sizə Əlavə məlumat № 1 təqdim olunur. ' +
        'Elvin Qəhrəmanlı — Azərbaycan hakimiyyəti tərəfindən özbaşına təqib olunan Gəncədə yaşayan müstəqil jurnalist. ' +
        'Son hadisələr, onun vəkili tərəfindən verilən məlumata görə, aşağıdakılardır: • 8 yanvar 2019-cu il: Üç gün ərzində',
    );
    expect(text).not.toContain(EVENT); // reported by the communication
    expectNoEnglish(text);
  });

  it('with dated-events: false, as in English, no event opens with its date', () => {
    const ws = workspace(azFiles({ 'appeal.yaml': config({ letters: 'letters:\n  dated-events: false\n' }) }));
    const text = dry(ws, ...PERSON, '--to', 'un-rapporteurs');
    expect(text).toContain(`Faktlar aşağıdakılardır: • ${EVENT} (etibarlı mənbə`);
    expect(text).toContain('• Üç gün ərzində ona heç bir həkim çağırılmamışdır.');
    expect(text).not.toContain('5 yanvar 2019-cu il:');
  });

  it('in the language appeal.yaml names, without --lang', () => {
    const ws = workspace(
      azFiles({ 'appeal.yaml': config({ dates: "language: az\ndates:\n  format: d MMMM yyyy-{ci} 'il'\n  locale: az\n" }) }),
    );
    const r = appeal(ws, 'new', '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-10', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ language: 'az' });
    expect(flat(read(ws, 'out/2019/1-qehremanli-communication.txt'))).toContain('№ 1/2019 Tarix: 10 yanvar 2019-cu il');
  });
});

describe('an Azerbaijani letter after an English one, and back', () => {
  it('cites the English communication under its Azerbaijani label, and an English update cites the Azerbaijani one in English', () => {
    const third = '  - date: 2019-01-11\n    text: Jurnalist ilk dəfə vəkili ilə görüşmüşdür.\n    source: Meydan TV\nbody:';
    const dir = workspace(azFiles({ 'cases/qehremanli.yaml': PERSON_CASE.replace('body:', third) }));
    const en = appeal(dir, 'new', '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-06', '--format', 'txt');
    expect(en.code).toBe(0);
    expect(read(dir, 'out/2019/1-qehremanli-communication.txt')).toContain('We are writing to bring to your attention');

    const az = appeal(dir, 'new', ...PERSON, '--to', 'un-rapporteurs', '--format', 'txt', '--json');
    expect(az.stderr).toBe('');
    expect(JSON.parse(az.stdout)).toMatchObject({ reference: '2/2019', kind: 'update', update: 1, language: 'az' });
    expect(flat(read(dir, 'out/2019/2-qehremanli-update-1.txt'))).toContain(
      '6 yanvar 2019-cu il tarixli, 1/2019 nömrəli məktubumuzun (Müraciət) davamı olaraq,',
    );
    expect(read(dir, 'register/2.yaml')).toContain('language: az');

    // A third letter, in English: the Azerbaijani update is cited in English.
    const again = dry(dir, '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-12', '--kind', 'update');
    expect(again).toContain('Further to our Update No 1 (Ref. 2/2019, Date 10 January 2019), please find enclosed Update No 2');
    expect(again).toContain('Jurnalist ilk dəfə vəkili ilə görüşmüşdür.');
  });
});

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const pdftotext = (file: string): string[] => {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.split('\f').slice(0, -1); // one text per page; the last form feed ends the document
};

/** The text of page 1 drawn in a bold font (pdfjs-dist names each item's font). */
async function boldText(file: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  await page.getOperatorList(); // loads the fonts into commonObjs
  const out: string[] = [];
  for (const item of (await page.getTextContent()).items) {
    if (!('str' in item) || !item.str) continue;
    const font = page.commonObjs.get(item.fontName) as { name?: string };
    if (/-Bold$/.test(font.name ?? '')) out.push(item.str);
  }
  await doc.destroy();
  return out;
}

describe.runIf(hasPdftotext)('Azerbaijani letters as PDF, read back with pdftotext', () => {
  it('every kind: ə ğ ı İ ö ş ü ç in the letterhead, in bold and in the body, as the text letter has them', async () => {
    const dir = workspace(azFiles());
    const kinds: [string, string[]][] = [
      ['communication', ['--to', 'un-rapporteurs']],
      ['concern', ['--to', 'president-azerbaijan', '--kind', 'concern']],
      ['appeal', ['--to', 'torture-bodies', '--kind', 'appeal']],
      ['open-letter', ['--to', 'un-open-letter', '--kind', 'open-letter']],
    ];
    for (const text of [LETTERHEAD.join(' '), HEADLINE, EVENT]) for (const letter of AZ_LETTERS) expect(text, letter).toContain(letter);
    for (const [kind, args] of kinds) {
      const r = appeal(dir, 'new', '--case', 'qehremanli', '--lang', 'az', '--date', '2019-01-10', ...args, '--json');
      expect(r.stderr, kind).toBe('');
      const files = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => join(dir, f.path));
      const pdf = files.find((f) => f.endsWith('.pdf'))!;
      const text = flat(pdftotext(pdf).join(' '));
      for (const line of LETTERHEAD) expect(text, `${kind}: letterhead`).toContain(line);
      expect(text, `${kind}: body`).toContain(EVENT);
      expect(text, `${kind}: headline`).toContain(kind === 'open-letter' ? 'Açıq məktub Kimə:' : HEADLINE);
      // The words of the text letter, and no more Azerbaijani letters lost on the way.
      const txt = flat(
        readFileSync(
          files.find((f) => f.endsWith('.txt'))!,
          'utf8',
        ),
      );
      for (const letter of AZ_LETTERS) expect(text.split(letter).length, `${kind}: ${letter}`).toBe(txt.split(letter).length);

      const bold = await boldText(pdf);
      expect(bold.slice(0, 2), `${kind}: the letterhead is bold`).toEqual(LETTERHEAD);
      expect(bold, `${kind}: the headline is bold`).toContain(kind === 'open-letter' ? 'Açıq məktub' : HEADLINE);
    }
  });

  it('a letter of more than one page: each later page opens with "№ 1/2019 · 10 yanvar 2019-cu il · səhifə N/M"', () => {
    const events = Array.from({ length: 45 }, (_, i) =>
      [`  - date: 2019-01-0${1 + (i % 9)}`, `    text: Hadisə ${i + 1}. ${EVENT}`, '    source: Meydan TV'].join('\n'),
    );
    const dir = workspace(
      azFiles({
        'cases/uzun.yaml': [
          'person:',
          '  name: Elvin Qəhrəmanlı',
          '  status: detained',
          `headline: ${HEADLINE}`,
          'concerns: [expression]',
          'events:',
          ...events,
          '',
        ].join('\n'),
      }),
    );
    const r = appeal(dir, 'new', '--case', 'uzun', '--to', 'un-rapporteurs', '--lang', 'az', '--date', '2019-01-10', '--format', 'pdf');
    expect(r.stderr).toBe('');
    const pages = pdftotext(join(dir, 'out/2019/1-uzun-communication.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.slice(1).forEach((page, i) => {
      expect(page.trimStart().split('\n')[0]).toBe(`№ 1/2019 · 10 yanvar 2019-cu il · səhifə ${i + 2}/${pages.length}`);
    });
    expect(pages[0]).not.toContain('səhifə');
    const all = flat(pages.join(' '));
    for (let i = 1; i <= 45; i++) expect(all).toContain(`Hadisə ${i}. ${EVENT}`);
  });
});

describe('templates and languages of a workspace', () => {
  it('a workspace template in templates/az/ changes the Azerbaijani letters of its kind, not the English ones', () => {
    const dir = workspace(
      azFiles({
        'templates/az/update.hbs':
          '{{> header}}\n\nBizim öz şablonumuz: {{label}}, {{previous.label}} № {{previous.reference}}.\n\n{{> signature}}\n',
      }),
    );
    expect(appeal(dir, 'new', ...PERSON, '--to', 'un-rapporteurs', '--date', '2019-01-06').code).toBe(0);
    const az = dry(dir, ...PERSON, '--to', 'un-rapporteurs');
    expect(az).toContain('Hörmətli xanımlar və cənablar, Bizim öz şablonumuz: Əlavə məlumat № 1, Müraciət № 1/2019. Hörmətlə,');
    expect(az).not.toContain('davamı olaraq');
    const en = dry(dir, '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-10');
    expect(en).toContain('Further to our Communication (Ref. 1/2019, Date 6 January 2019), please find enclosed Update No 1');
    expect(en).not.toContain('öz şablonumuz');
    // The other Azerbaijani kinds are the built-in ones still.
    expect(dry(dir, ...PERSON, '--to', 'un-rapporteurs', '--kind', 'communication')).toContain('Bu məktubla Sizin diqqətinizi');
  });

  it('an unknown language: exit 1, the languages there are and the files to create, nothing written', () => {
    const dir = workspace(azFiles());
    const before = snapshot(dir);
    const r = appeal(dir, 'new', '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-10', '--lang', 'fr');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("there is no language 'fr': the languages are az, en.");
    expect(r.stderr).toContain('create lang/fr.yaml (a translated copy of data/lang/en.yaml) and templates/fr/ in the workspace');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a language of the workspace without templates: exit 1, the template to create, nothing written', () => {
    const xx = readFileSync(join(REPO, 'data', 'lang', 'az.yaml'), 'utf8').replace(/^ {2}code: az$/m, '  code: xx');
    const dir = workspace(azFiles({ 'lang/xx.yaml': xx }));
    const before = snapshot(dir);
    const r = appeal(dir, 'new', '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-10', '--lang', 'xx');
    expect(r.stderr).toContain("there is no template for letters of kind 'communication' in language 'xx'");
    expect(r.stderr).toContain('Add templates/xx/communication.hbs to the workspace');
    expect(r.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);

    // With the template (and the partials it calls), the language writes letters.
    mkdirSync(join(dir, 'templates', 'xx'), { recursive: true });
    for (const f of ['communication.hbs', '_header.hbs', '_letterhead.hbs', '_described.hbs', '_event.hbs', '_signature.hbs'])
      copyFileSync(join(REPO, 'templates', 'az', f), join(dir, 'templates', 'xx', f));
    const ok = appeal(dir, 'new', '--case', 'qehremanli', '--to', 'un-rapporteurs', '--date', '2019-01-10', '--lang', 'xx', '--json');
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toMatchObject({ language: 'xx' });
  });
});
