import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill, isPublic, joinList, label, languageCodes, useWorkspaceLanguages } from '../../../src/plan/phrases.js';
import { tempDir } from '../../helpers.js';

describe('phrases from data/phrases.yaml', () => {
  it('joins names as a sentence does', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['Mr. A'])).toBe('Mr. A');
    expect(joinList(['Mr. A', 'Mrs. B'])).toBe('Mr. A and Mrs. B');
    expect(joinList(['Mr. A', 'Mrs. B', 'Mr. C'])).toBe('Mr. A, Mrs. B and Mr. C');
  });

  it('keeps items that hold a comma apart', () => {
    expect(joinList(['Mr. A, a blogger', 'Mrs. B'])).toBe('Mr. A, a blogger, and Mrs. B');
    expect(joinList(['Mr. A, a blogger', 'Mrs. B, a lawyer', 'Mr. C'])).toBe('Mr. A, a blogger; Mrs. B, a lawyer; and Mr. C');
  });

  it('fills the placeholders it knows and leaves the others', () => {
    expect(fill('according to {name}', { name: 'her lawyer' })).toBe('according to her lawyer');
    expect(fill('{label} Ref: {reference}', { label: 'Update No 2' })).toBe('Update No 2 Ref: {reference}');
  });

  it('labels every built-in kind, and a workspace kind by its name', () => {
    expect(label('update', 3)).toBe('Update No 3');
    expect(label('open-letter')).toBe('Open Letter');
    expect(label('concern')).toBe('Letter of Concern');
    expect(label('press-release')).toBe('Press release');
  });

  it('knows which kinds are published', () => {
    expect(['open-letter', 'appeal', 'concern'].every(isPublic)).toBe(true);
    expect(['communication', 'update', 'memo'].some(isPublic)).toBe(false);
  });
});

describe('the languages of a workspace', () => {
  it('are listed once per workspace (a batch asks for every letter), and again for another workspace', () => {
    const one = tempDir('appeal-lang-');
    const two = tempDir('appeal-lang-');
    mkdirSync(join(one, 'lang'));
    writeFileSync(join(one, 'lang', 'xx.yaml'), '');
    useWorkspaceLanguages(one);
    expect(languageCodes()).toContain('xx');
    expect(languageCodes()).toContain('en');
    // A run never changes its languages: a file added meanwhile is not read again.
    writeFileSync(join(one, 'lang', 'yy.yaml'), '');
    expect(languageCodes()).not.toContain('yy');
    useWorkspaceLanguages(two);
    expect(languageCodes()).not.toContain('xx');
    useWorkspaceLanguages(one);
    expect(languageCodes()).toEqual(expect.arrayContaining(['xx', 'yy']));
  });
});
