/** An Azerbaijani workspace for the tests of letters in Azerbaijani: case text, signatories and letterheads in Azerbaijani. */
import { config } from '../helpers.js';

/** The eight letters of Azerbaijani Latin that English lacks. */
export const AZ_LETTERS = ['ə', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü', 'ç'];

/** Letterhead lines that hold all of them between them. */
export const LETTERHEAD = ['Dünya Azərbaycanlılarının Hüquqlarını Müdafiə Komitəsi', 'İdarə: Bakı, Ağstafa və Göyçay şöbələri'];

/** An event that holds all of them. */
export const EVENT = 'Üç aydır İstintaq təcridxanasında saxlanılan jurnalist ağır şəraitdədir; bədənində işgəncə izləri görünür.';

/** A headline (printed in bold) that holds all of them. */
export const HEADLINE = 'İşgəncə görmüş, ağır xəstə jurnalist üçün ədalət';

/** One person with a description, another spelling, a place of detention, two sources, demands and a deadline. */
export const PERSON = [
  'person:',
  '  name: Elvin Qəhrəmanlı',
  '  honorific: Mr.',
  '  aliases: [Elvin Gahramanli]',
  '  descriptor: Gəncədə yaşayan müstəqil jurnalist',
  '  status: detained',
  '  detention: Bakı İstintaq Təcridxanası',
  '  consent: public',
  `headline: ${HEADLINE}`,
  'persecutor: Azərbaycan hakimiyyəti',
  'concerns: [expression, arbitrary-detention]',
  'events:',
  '  - date: 2019-01-05',
  `    text: ${EVENT}`,
  '    source: Meydan TV',
  '  - date: 2019-01-08',
  '    text: Üç gün ərzində ona heç bir həkim çağırılmamışdır.',
  '    source: {person: onun vəkili}',
  'body:',
  '  - Hesab edirik ki, jurnalistin həbsi onun peşə fəaliyyəti ilə bağlıdır.',
  'demands:',
  '  - Jurnalistə qarşı irəli sürülmüş ittihamlar ləğv edilməlidir.',
  '  - who: Ədliyyə Nazirliyi',
  '    text: müstəqil həkimlərin onu müayinə etməsini təmin etməlidir',
  '    by: 2019-02-01',
  'deadline: 2019-03-01',
  '',
].join('\n');

/** Two persons, one source. */
export const GROUP = [
  'persons:',
  '  - name: Tofiq Ağayev',
  '    honorific: Mr.',
  '    descriptor: müxalifət partiyasının üzvü',
  '    status: detained',
  '    consent: public',
  '  - name: Leyla Şükürova',
  '    honorific: Mrs.',
  '    status: sentenced',
  '    consent: public',
  'headline: Dinc aksiyaya görə həbs edilmiş fəallar',
  'persecutor: Azərbaycan hakimiyyəti',
  'concerns: [assembly-and-association, arbitrary-detention]',
  'signed-by: [fealler]',
  'events:',
  '  - date: 2019-10-19',
  '    text: Bakıda keçirilən dinc aksiyanın iştirakçıları polis tərəfindən saxlanılmışdır.',
  '    source: Turan',
  'body:',
  '  - Biz, Azərbaycan vətəndaş cəmiyyəti fəalları, dinc toplaşma azadlığının pozulmasını pisləyirik.',
  'demands:',
  '  - who: BMT-nin İşgəncələr Əleyhinə Komitəsi',
  '    text: Azərbaycana faktaraşdırıcı missiya göndərməlidir',
  '    by: 2019-12-31',
  '  - Saxlanılan bütün fəallar azadlığa buraxılmalıdır.',
  'deadline: 2020-01-31',
  '',
].join('\n');

/** About no one by name. */
export const THEMATIC = [
  'subject: Koronavirus pandemiyası dövründə İranda siyasi məhbuslar',
  'headline: İranda siyasi məhbusların həyatı təhlükədədir',
  'persecutor: İran hakimiyyəti',
  'concerns: [iran, health]',
  'signed-by: [platforma]',
  'events:',
  '  - date: 2020-03-20',
  '    text: Bir sıra həbsxanalarda iğtişaşlar baş vermiş, çoxlu məhbus qaçmağa cəhd etmişdir.',
  '    source: Radio Fərda',
  'body:',
  '  - İranın səhiyyə sistemi belə geniş böhrana tab gətirə bilmir.',
  'demands:',
  '  - Siyasi məhbuslar ən azı müvəqqəti olaraq azadlığa buraxılmalıdır.',
  '',
].join('\n');

export const COALITION = [
  'name: Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması',
  'letterhead: [Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması]',
  'members:',
  '  - Azərbaycan Tələbələr Hərəkatı',
  '  - Cənubi Azərbaycan Demokratik Partiyası',
  '',
].join('\n');

export const ACTIVISTS = ['name: Azərbaycan vətəndaş cəmiyyəti fəalları', 'count: 20-dən çox hüquq müdafiəçisi və ictimai xadim', ''].join(
  '\n',
);

/** A workspace that writes in Azerbaijani by --lang, with the cases above; `extra` adds or replaces files. */
export function azFiles(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'appeal.yaml': config({
      organisation: `organisation:\n  name: ${LETTERHEAD[0]}\n  letterhead:\n${LETTERHEAD.map((l) => `    - ${JSON.stringify(l)}\n`).join('')}`,
      signatory: 'signatory:\n  name: Böyük Rəsuloğlu\n  title: Komitənin sədri\n',
      output: 'output:\n  dir: out\n  formats: [txt, pdf]\n',
    }),
    'cases/qehremanli.yaml': PERSON,
    'cases/fealler.yaml': GROUP,
    'cases/mehbuslar.yaml': THEMATIC,
    'signatories/platforma.yaml': COALITION,
    'signatories/fealler.yaml': ACTIVISTS,
    ...extra,
  };
}
