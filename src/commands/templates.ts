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

/** The built-in template of a kind or partial in a language, whatever the workspace has. */
function builtinOf(lang: string, name: string, partial: boolean): TemplateFile | undefined {
  const file = `${partial ? '_' : ''}${name}.hbs`;
  const abs = join(builtinTemplatesDir(), lang, file);
  return existsSync(abs) ? { name, file, lang, partial, builtin: true, shown: `templates/${lang}/${file} (built in)`, abs } : undefined;
}

/** The names of a language's built-in templates: kinds, and partials as _header. */
function builtinNames(lang: string): string[] {
  const dir = join(builtinTemplatesDir(), lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => f.slice(0, -'.hbs'.length))
    .sort();
}

export interface TemplatesEjectOptions extends GlobalOptions {
  lang?: string;
  /** The built-in language to copy from, to start a new language (default: --lang). */
  from?: string;
}

/** Copies the built-in template of a kind (or a partial: `_header`) into the workspace, never over a file. */
export async function templatesEjectCommand(kind: string, opts: TemplatesEjectOptions): Promise<void> {
  const ws = await openWorkspaceFor(opts);
  const lang = opts.lang ?? ws.config.language;
  const from = opts.from ?? lang;
  const partial = kind.startsWith('_');
  const wanted = partial ? kind.slice(1) : kind;
  const source = builtinOf(from, wanted, partial);
  if (!source) {
    const langs = builtinLanguages();
    const names = builtinNames(from);
    const why = langs.includes(from)
      ? `there is no built-in template '${kind}' in '${from}': the built-in ones are ${names.join(', ')}.${didYouMean(kind, names)}`
      : `there are no built-in templates in '${from}': the built-in languages are ${langs.join(', ')}. ` +
        `To start a new language from one of them, add --from ${langs.includes('en') ? 'en' : langs[0]}.`;
    throw new AppealError({ key: langs.includes(from) ? undefined : opts.from ? '--from' : '--lang', message: why });
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
  process.stdout.write(`created ${shown}: edit it; it now writes the '${wanted}' ${partial ? 'partial' : 'letters'} in '${lang}'.\n`);
}
