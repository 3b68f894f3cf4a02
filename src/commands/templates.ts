/**
 * `appeal templates list`: every template in force, by language, built in or the workspace's own.
 * `appeal templates eject KIND [--lang L]`: a copy of a built-in template in the workspace, to edit.
 */
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppealError } from '../errors.js';
import { makeFolder } from '../folders.js';
import { builtinTemplatesDir } from '../paths.js';
import { builtinLanguages, templateFiles, type TemplateFile } from '../render/template.js';
import { didYouMean } from '../suggest.js';
import { openWorkspaceFor, printJson, type GlobalOptions } from './common.js';

/** The languages with templates: built in, and the workspace's own folders under templates/. */
function languagesOf(root: string): string[] {
  const langs = new Set(builtinLanguages());
  const own = join(root, 'templates');
  if (existsSync(own)) for (const d of readdirSync(own)) if (statSync(join(own, d)).isDirectory()) langs.add(d);
  return [...langs].sort();
}

export interface TemplatesListOptions extends GlobalOptions {
  json?: boolean;
}

export async function templatesListCommand(opts: TemplatesListOptions): Promise<void> {
  const ws = await openWorkspaceFor(opts);
  const rows = languagesOf(ws.root).flatMap((lang) =>
    [...templateFiles(ws.root, lang).values()]
      .sort((a, b) => Number(a.partial) - Number(b.partial) || a.name.localeCompare(b.name))
      .map((f: TemplateFile) => ({ lang, name: f.name, partial: f.partial, builtin: f.builtin, file: f.shown.replace(' (built in)', '') })),
  );
  if (opts.json) return printJson(rows);
  const width = Math.max(...rows.map((r) => r.name.length + (r.partial ? 1 : 0)));
  for (const r of rows) {
    const name = r.partial ? `_${r.name}` : r.name;
    process.stdout.write(`${r.lang.padEnd(4)} ${name.padEnd(width)}  ${r.file}${r.builtin ? ' (built in)' : ''}\n`);
  }
}

/** The built-in template of a kind or partial, even where the workspace overrides it. */
function builtinOf(lang: string, name: string, partial: boolean): TemplateFile | undefined {
  const file = join(builtinTemplatesDir(), lang, `${partial ? '_' : ''}${name}.hbs`);
  return existsSync(file)
    ? { name, file: `${partial ? '_' : ''}${name}.hbs`, lang, partial, builtin: true, shown: '', abs: file }
    : undefined;
}

function builtinNames(lang: string): string[] {
  const dir = join(builtinTemplatesDir(), lang);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.hbs'))
        .map((f) => f.slice(0, -'.hbs'.length))
        .sort()
    : [];
}

export interface TemplatesEjectOptions extends GlobalOptions {
  lang?: string;
}

/** Copies the built-in template of a kind (or a partial: `_header`) into the workspace, never over a file. */
export async function templatesEjectCommand(kind: string, opts: TemplatesEjectOptions): Promise<void> {
  const ws = await openWorkspaceFor(opts);
  const lang = opts.lang ?? ws.config.language;
  const builtin = [...templateFiles(ws.root, lang).values()].filter((f) => f.builtin || existsSync(f.abs));
  const wanted = kind.startsWith('_') ? kind.slice(1) : kind;
  const source = [...templateFiles('/nonexistent-workspace', lang).values()].find(
    (f) => f.name === wanted && f.partial === kind.startsWith('_'),
  );
  if (!source) {
    const names = builtin.filter((f) => f.builtin).map((f) => (f.partial ? `_${f.name}` : f.name));
    const langs = builtinLanguages();
    const why = langs.includes(lang)
      ? `there is no built-in template '${kind}' in '${lang}': the built-in ones are ${names.join(', ')}.${didYouMean(kind, names)}`
      : `there are no built-in templates in '${lang}': the built-in languages are ${langs.join(', ')}.`;
    throw new AppealError({ key: langs.includes(lang) ? undefined : '--lang', message: why });
  }
  const target = join(ws.root, 'templates', lang, source.file);
  const shown = `templates/${lang}/${source.file}`;
  if (existsSync(target)) {
    throw new AppealError({
      file: shown,
      message: 'this template is already in the workspace: edit it there, or delete it first to eject the built-in one again.',
    });
  }
  makeFolder(dirname(target));
  copyFileSync(source.abs, target);
  process.stdout.write(
    `created ${shown}: edit it; it now writes the '${wanted}' ${source.partial ? 'partial' : 'letters'} in '${lang}'.\n`,
  );
}
