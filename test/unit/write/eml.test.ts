/** `--format eml`: the message parsed back by a real mail parser (mailparser), header by header. */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildEml, emlDate, emlSubject, type EmlInput } from '../../../src/write/eml.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A PDF-like file holding every byte value, long enough for many base64 lines. */
const pdfBytes = (() => {
  const b = new Uint8Array(10_000);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7 + (i >> 8)) & 0xff;
  b.set(Buffer.from('%PDF-1.7\n'), 0);
  return b;
})();

const TEXT = [
  'No.: 475/2007                                   Date: 23 December 2007',
  '',
  'Dear Sir or Madam,',
  '',
  "Further to our Update No 2 (Ref. 473/2007), we inform you that Mr. Metinpur's family — in Təbriz and Ərdəbil — was allowed a visit.",
  '',
  'Boyuk Resuloglu',
  '',
].join('\n');

const input = (over: Partial<EmlInput> = {}): EmlInput => ({
  from: { name: 'Committee for the Defence of the Rights of World Azerbaijanis', email: 'info@cdrwa.example.org' },
  recipients: [
    { name: 'The Office of the High Commissioner for Human Rights, Geneva', email: 'urgent-action@ohchr.org' },
    { name: 'The UN Committee against Torture' },
    { name: 'The European Committee for the Prevention of Torture (CPT)', email: 'cptdoc@coe.int' },
  ],
  subject: emlSubject('475/2007', 'Seid Metinpur', 'Update No 3'),
  date: '2007-12-23',
  text: TEXT,
  pdf: { bytes: pdfBytes, fileName: '475-metinpur-update-3.pdf' },
  seed: '475/2007',
  ...over,
});

const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value);

describe('emlSubject and emlDate', () => {
  it('say the reference, the person and the kind; the date at noon UTC', () => {
    expect(emlSubject('475/2007', 'Seid Metinpur', 'Update No 3')).toBe('475/2007: Seid Metinpur, Update No 3');
    expect(emlSubject('1/2024', 'Example Person', '')).toBe('1/2024: Example Person');
    expect(emlDate('2007-12-23')).toBe('Sun, 23 Dec 2007 12:00:00 +0000');
    expect(emlDate('2024-02-29')).toBe('Thu, 29 Feb 2024 12:00:00 +0000');
  });
});

describe('buildEml', () => {
  it('has every header a draft needs, the text letter as body and the PDF attached, byte for byte', async () => {
    const { bytes, notSent } = await buildEml(input());
    const mail = await simpleParser(Buffer.from(bytes));
    expect(mail.subject).toBe('475/2007: Seid Metinpur, Update No 3');
    expect(mail.date?.toISOString()).toBe('2007-12-23T12:00:00.000Z');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@cdrwa\.example\.org>$/);
    expect(addresses(mail.from)).toEqual([
      { name: 'Committee for the Defence of the Rights of World Azerbaijanis', address: 'info@cdrwa.example.org' },
    ]);
    expect(addresses(mail.to)).toEqual([
      { name: 'The Office of the High Commissioner for Human Rights, Geneva', address: 'urgent-action@ohchr.org' },
      { name: 'The European Committee for the Prevention of Torture (CPT)', address: 'cptdoc@coe.int' },
    ]);
    expect(mail.cc).toBeUndefined();
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect((mail.headers.get('content-type') as { value: string }).value).toBe('multipart/mixed');

    expect(notSent).toEqual([{ name: 'The UN Committee against Torture' }]);
    const body = (mail.text ?? '').replace(/\r\n/g, '\n');
    expect(body.startsWith('Not sent by e-mail: The UN Committee against Torture (')).toBe(true);
    expect(body).toContain(`\n\n${TEXT}`);

    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.filename).toBe('475-metinpur-update-3.pdf');
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.contentDisposition).toBe('attachment');
    expect(pdf!.size).toBe(pdfBytes.length);
    expect(sha(pdf!.content)).toBe(sha(pdfBytes));
  });

  it('is RFC 5322 on the wire: CRLF lines of at most 78 characters, the PDF in base64 lines of 76', async () => {
    const raw = Buffer.from((await buildEml(input())).bytes).toString('latin1');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = raw.split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect([...raw].every((c) => c.charCodeAt(0) < 0x80)).toBe(true); // 7-bit clean
    const start = lines.findIndex((l) => /^Content-Disposition: attachment/i.test(l)) + 2;
    const b64 = lines
      .slice(
        start,
        lines.findIndex((l, i) => i > start && l.startsWith('--')),
      )
      .filter((l) => l);
    expect(b64.slice(0, -1).every((l) => l.length === 76)).toBe(true);
    expect(Buffer.from(b64.join(''), 'base64').equals(Buffer.from(pdfBytes))).toBe(true);
  });

  it('is the same bytes for the same input, and another Message-ID and boundary for another letter', async () => {
    const a = Buffer.from((await buildEml(input())).bytes);
    expect(Buffer.from((await buildEml(input())).bytes).equals(a)).toBe(true);
    const other = Buffer.from((await buildEml(input({ seed: '476/2007' }))).bytes).toString('latin1');
    const id = (s: string) => /^Message-ID: (.*)$/m.exec(s)![1];
    const boundary = (s: string) => /boundary="([^"]+)"/.exec(s)![1];
    expect(id(other)).not.toBe(id(a.toString('latin1')));
    expect(boundary(other)).not.toBe(boundary(a.toString('latin1')));
    const changed = Buffer.from((await buildEml(input({ text: `${TEXT}P.S.\n` }))).bytes).toString('latin1');
    expect(id(changed)).not.toBe(id(a.toString('latin1')));
  });

  it('encodes a subject and names that are not ASCII (RFC 2047), and they parse back as written', async () => {
    const { bytes } = await buildEml(
      input({
        subject: emlSubject('12/2024', 'Ərdəbil Məmmədov', 'Yeniləmə № 2'),
        recipients: [{ name: 'Ministère de la Justice, Tâbriz', email: 'justice@example.org' }],
        from: { name: 'Cənubi Azərbaycan Komitəsi', email: 'info@example.org' },
      }),
    );
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    const mail = await simpleParser(Buffer.from(bytes));
    expect(mail.subject).toBe('12/2024: Ərdəbil Məmmədov, Yeniləmə № 2');
    expect(addresses(mail.to)).toEqual([{ name: 'Ministère de la Justice, Tâbriz', address: 'justice@example.org' }]);
    expect(addresses(mail.from)).toEqual([{ name: 'Cənubi Azərbaycan Komitəsi', address: 'info@example.org' }]);
  });

  it('without a PDF, an address or a From: one text part, no To, the client fills in From', async () => {
    const { bytes, notSent } = await buildEml(
      input({ pdf: undefined, from: undefined, recipients: [{ name: 'The UN Committee against Torture' }] }),
    );
    const mail = await simpleParser(Buffer.from(bytes));
    expect(notSent).toEqual([{ name: 'The UN Committee against Torture' }]);
    expect(mail.to).toBeUndefined();
    expect(mail.from).toBeUndefined();
    expect(mail.attachments).toEqual([]);
    expect((mail.headers.get('content-type') as { value: string; params: Record<string, string> }).value).toBe('text/plain');
    expect(mail.messageId).toMatch(/@appeal\.invalid>$/);
    expect(mail.text?.replace(/\r\n/g, '\n')).toContain(TEXT);
  });

  it('with every recipient reachable by e-mail, the body is the letter alone', async () => {
    const { bytes, notSent } = await buildEml(input({ recipients: [{ name: 'OHCHR', email: 'urgent-action@ohchr.org' }] }));
    expect(notSent).toEqual([]);
    const mail = await simpleParser(Buffer.from(bytes));
    expect(mail.text?.replace(/\r\n/g, '\n')).toBe(TEXT);
  });
});
