import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppealError } from '../../../src/errors.js';
import { LIMITS, readText } from '../../../src/load/source.js';
import { tempDir } from '../../helpers.js';

/** The message readText throws for a file, or its text. */
function read(abs: string): string {
  try {
    return readText(abs, 'cases/x.yaml', 'YAML');
  } catch (e) {
    if (!(e instanceof AppealError)) throw e;
    expect(e.problems[0]!.file).toBe('cases/x.yaml');
    return `error: ${e.problems[0]!.message}`;
  }
}

// readText opens a file once for its size and bytes; a file that will not open keeps the words
// it always had (those of stat).
describe('readText', () => {
  const tmp = tempDir('appeal-read-');

  it('reads UTF-8 text', () => {
    writeFileSync(join(tmp, 'ok.yaml'), 'name: Ağa Əliyev, Шахла\n');
    expect(read(join(tmp, 'ok.yaml'))).toBe('name: Ağa Əliyev, Шахла\n');
  });

  it('names a missing file as the stat call did', () => {
    expect(read(join(tmp, 'missing.yaml'))).toMatch(/^error: cannot use this \(ENOENT\): /);
  });

  it('refuses a file over the limit before reading it', () => {
    writeFileSync(join(tmp, 'big.yaml'), Buffer.alloc(LIMITS.fileBytes + 1, 0x61));
    expect(read(join(tmp, 'big.yaml'))).toMatch(/^error: this file is 1\.0 MB; appeal reads files of up to 1 MB/);
  });

  it('says what a folder is', () => {
    mkdirSync(join(tmp, 'folder.yaml'));
    expect(read(join(tmp, 'folder.yaml'))).toMatch(/^error: cannot .*\(EISDIR\)/);
  });

  it('refuses UTF-16 and invalid UTF-8', () => {
    writeFileSync(join(tmp, 'u16.yaml'), Buffer.from([0xff, 0xfe, 0x61, 0]));
    writeFileSync(join(tmp, 'bad.yaml'), Buffer.from([0x61, 0xc3, 0x28]));
    expect(read(join(tmp, 'u16.yaml'))).toMatch(/^error: this file is not UTF-8 text/);
    expect(read(join(tmp, 'bad.yaml'))).toMatch(/^error: this file is not valid UTF-8 text/);
  });

  // Every file is read into one buffer: each text is its own file's, however long the one before.
  it('reads each file whole into the shared buffer, the next one shorter, one at the limit, one with a BOM', () => {
    const long = 'a'.repeat(5000) + '\n';
    writeFileSync(join(tmp, 'long.yaml'), long);
    writeFileSync(join(tmp, 'short.yaml'), 'b: 1\n');
    writeFileSync(join(tmp, 'limit.yaml'), Buffer.alloc(LIMITS.fileBytes, 0x63));
    writeFileSync(join(tmp, 'bom.yaml'), '\ufeff\ufeffname: x\n');
    expect(read(join(tmp, 'long.yaml'))).toBe(long);
    expect(read(join(tmp, 'short.yaml'))).toBe('b: 1\n');
    expect(read(join(tmp, 'limit.yaml'))).toBe('c'.repeat(LIMITS.fileBytes));
    expect(read(join(tmp, 'short.yaml'))).toBe('b: 1\n');
    // One byte order mark is dropped, as TextDecoder did; a second is text.
    expect(read(join(tmp, 'bom.yaml'))).toBe('\ufeffname: x\n');
  });

  it('refuses overlong forms and surrogates as invalid UTF-8', () => {
    writeFileSync(join(tmp, 'overlong.yaml'), Buffer.from([0x61, 0xc0, 0xaf]));
    writeFileSync(join(tmp, 'surrogate.yaml'), Buffer.from([0x61, 0xed, 0xa0, 0x80]));
    expect(read(join(tmp, 'overlong.yaml'))).toMatch(/^error: this file is not valid UTF-8 text/);
    expect(read(join(tmp, 'surrogate.yaml'))).toMatch(/^error: this file is not valid UTF-8 text/);
  });
});
