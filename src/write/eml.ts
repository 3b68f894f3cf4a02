/**
 * `--format eml`: a letter as an RFC 5322 message that opens as a draft in a mail client, ready to
 * send: To the recipients' e-mail addresses, the text letter as the body, the PDF attached. The
 * bytes depend on the input only: the Date header comes from the letter's date, and the
 * Message-ID and MIME boundary from a hash of the reference and the content. The MIME encoding
 * itself (RFC 2047 headers, quoted-printable or base64 bodies) is nodemailer's.
 */
import { createHash } from 'node:crypto';
import MimeNode from 'nodemailer/lib/mime-node';

export interface EmlRecipient {
  /** As the letter names it: "The Office of the High Commissioner for Human Rights, Geneva". */
  name: string;
  /** From the directory; a recipient without one is not sent the message but named in its text. */
  email?: string;
}

export interface EmlInput {
  /** The organisation, when appeal.yaml gives its e-mail; else the mail client fills in From. */
  from?: { name: string; email: string };
  recipients: EmlRecipient[];
  /** See emlSubject(): "475/2007: Seid Metinpur, Update No 3". */
  subject: string;
  /** The letter's date, yyyy-mm-dd. */
  date: string;
  /** The text letter, UTF-8, as written to the .txt file. */
  text: string;
  /** The PDF letter, attached under this file name ("475-metinpur-update-3.pdf"). */
  pdf?: { bytes: Uint8Array; fileName: string };
  /** A stable seed for the Message-ID and boundary: the letter's reference. */
  seed: string;
}

export interface EmlMessage {
  bytes: Uint8Array;
  /** The recipients with no e-mail address, named at the top of the body: for the caller to report. */
  notSent: EmlRecipient[];
}

/** "475/2007: Seid Metinpur, Update No 3": the reference, the person or subject, the kind of letter. */
export function emlSubject(reference: string, about: string, label: string): string {
  return `${reference}: ${[about, label].filter((s) => s.trim()).join(', ')}`;
}

/** The sentence that heads the body when some recipients have no e-mail address. */
export function notSentNotice(notSent: EmlRecipient[]): string {
  return `Not sent by e-mail: ${notSent.map((r) => r.name).join('; ')} (no e-mail address in the directory: send it by post or fax).`;
}

/** The RFC 5322 date of a letter dated `iso` (yyyy-mm-dd): noon UTC, the same day in nearly every time zone. */
export function emlDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`emlDate: '${iso}' is not yyyy-mm-dd`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return d.toUTCString().replace('GMT', '+0000');
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export async function buildEml(input: EmlInput): Promise<EmlMessage> {
  const withEmail = input.recipients.filter((r) => r.email);
  const notSent = input.recipients.filter((r) => !r.email);
  const body = (notSent.length ? `${notSentNotice(notSent)}\n\n` : '') + input.text;

  const hash = createHash('sha256');
  for (const part of [input.seed, input.from?.name, input.from?.email, input.subject, input.date, body]) hash.update(`${part ?? ''}\0`);
  for (const r of withEmail) hash.update(`${r.name}\0${r.email}\0`);
  if (input.pdf) hash.update(input.pdf.fileName).update('\0').update(input.pdf.bytes);
  const digest = hash.digest('hex');
  const domain = input.from?.email.split('@').pop() || 'appeal.invalid';

  const root = new MimeNode(input.pdf ? 'multipart/mixed' : 'text/plain; charset=utf-8', {
    baseBoundary: digest.slice(0, 24),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  // Date and Message-ID given, so that nothing comes from the clock or from chance.
  root.setHeader('Date', emlDate(input.date));
  root.setHeader('Message-ID', `<${digest.slice(24, 56)}@${domain}>`);
  if (input.from) root.setHeader('From', { name: input.from.name, address: input.from.email });
  if (withEmail.length)
    root.setHeader(
      'To',
      withEmail.map((r) => ({ name: r.name, address: r.email! })),
    );
  root.setHeader('Subject', input.subject);
  // Opens as a draft (Outlook, Thunderbird, Apple Mail): the user sends it from their own account.
  root.setHeader('X-Unsent', '1');

  const textNode = input.pdf ? root.createChild('text/plain; charset=utf-8') : root;
  textNode.setContent(crlf(body));
  if (input.pdf) {
    const attachment = root.createChild('application/pdf', { filename: input.pdf.fileName });
    attachment.setHeader('Content-Transfer-Encoding', 'base64');
    attachment.setContent(Buffer.from(input.pdf.bytes));
  }
  const bytes = await root.build();
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), notSent };
}
