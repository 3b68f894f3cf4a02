/**
 * Templates: one Handlebars file per kind of letter (templates/update.hbs, ...), and partials
 * shared between them (templates/_header.hbs is the partial 'header'). A workspace's own
 * templates/ folder overrides the built-in files of the same name and may add kinds.
 * Compiled with noEscape (letters are not HTML); case text is data, never compiled.
 *
 * The built-in templates are precompiled when the package is built (dist/templates/builtin.js),
 * so a letter from them needs only Handlebars' small runtime; the compiler is loaded only for a
 * workspace that has templates of its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HelperDelegate } from 'handlebars';
import { AppealError, type Problem } from '../errors.js';
import { builtinTemplatesDir, packageRoot } from '../paths.js';

export interface TemplateFile {
  /** 'update' for update.hbs; 'header' for the partial _header.hbs. */
  name: string;
  /** File name: 'update.hbs', '_header.hbs'. */
  file: string;
  partial: boolean;
  builtin: boolean;
  /** As shown in messages: 'templates/update.hbs' or 'templates/update.hbs (built in)'. */
  shown: string;
  abs: string;
}

/** The template files in force: the workspace's own over the built-in ones. */
export function templateFiles(workspaceRoot: string): Map<string, TemplateFile> {
  const files = new Map<string, TemplateFile>();
  const scan = (dir: string, builtin: boolean) => {
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.hbs')) continue;
      const partial = file.startsWith('_');
      const name = file.slice(partial ? 1 : 0, -'.hbs'.length);
      const shown = `templates/${file}${builtin ? ' (built in)' : ''}`;
      files.set(file, { name, file, partial, builtin, shown, abs: join(dir, file) });
    }
  };
  scan(builtinTemplatesDir(), true);
  // In appeal's own repository, the example workspace's templates/ are the built-in ones.
  const own = join(workspaceRoot, 'templates');
  if (resolve(own) !== resolve(builtinTemplatesDir())) scan(own, false);
  return files;
}

/** Kinds of letter a template exists for. */
export function templateKinds(files: Map<string, TemplateFile>): string[] {
  return [...files.values()].filter((f) => !f.partial).map((f) => f.name);
}

/**
 * The text Handlebars compiles. A one-line partial is used inside a line ({{> described}}), so
 * its final newline is not part of it.
 */
export function templateSource(file: Pick<TemplateFile, 'partial'>, text: string): string {
  const inline = text.replace(/\r?\n$/, '');
  return file.partial && !inline.includes('\n') ? inline : text;
}

export const COMPILE_OPTIONS = { noEscape: true } as const;

function parseProblem(file: TemplateFile, e: Error): Problem {
  const m = /line (\d+)/.exec(e.message);
  const first = e.message.split('\n').filter((l) => l.trim() && !/^[-^ ]*$/.test(l) && !/^\.\.\./.test(l));
  return {
    file: file.shown,
    line: m ? Number(m[1]) : undefined,
    col: m ? 1 : undefined,
    message: `the template does not compile: ${first.slice(-1)[0] ?? e.message}. Check the {{...}} expressions on this line.`,
  };
}

const HELPERS: Record<string, HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''),
};

export type Render = (context: object) => string;

type Spec = object;

/** The precompiled built-in templates, by file name; undefined when running unbuilt. */
async function builtinSpecs(): Promise<Record<string, Spec> | undefined> {
  const path = join(packageRoot, 'dist', 'templates', 'builtin.js');
  if (!existsSync(path)) return undefined;
  return ((await import(pathToFileURL(path).href)) as { default: Record<string, Spec> }).default;
}

/**
 * The template of `kind` with every partial, ready to render; problems name the template file
 * and line.
 */
export async function compileTemplate(workspaceRoot: string, kind: string): Promise<Render> {
  const files = templateFiles(workspaceRoot);
  const main = [...files.values()].find((f) => !f.partial && f.name === kind);
  if (!main) {
    throw new AppealError({
      key: '--kind',
      message: `there is no template for letters of kind '${kind}': the kinds with a template are ${templateKinds(files).join(', ')}. Add templates/${kind}.hbs to the workspace to write them.`,
    });
  }
  const used = [...files.values()].filter((f) => f.partial || f === main);
  const specs = used.every((f) => f.builtin) ? await builtinSpecs() : undefined;

  let template: (context: object) => string;
  if (specs) {
    // The runtime has the same API as the full package, less the compiler.
    const mod = (await import('handlebars/runtime.js')) as unknown as { default: typeof import('handlebars') };
    const runtime = mod.default.create();
    runtime.registerHelper(HELPERS);
    for (const f of used) if (f.partial) runtime.registerPartial(f.name, runtime.template(specs[f.file] as never));
    template = runtime.template(specs[main.file] as never);
  } else {
    const hb = (await import('handlebars')).default.create();
    hb.registerHelper(HELPERS);
    const problems: Problem[] = [];
    const sources = new Map<TemplateFile, string>();
    for (const f of used) {
      const text = templateSource(f, readFileSync(f.abs, 'utf8'));
      try {
        hb.parse(text); // reports syntax errors now, with their line
        sources.set(f, text);
      } catch (e) {
        problems.push(parseProblem(f, e as Error));
      }
    }
    if (problems.length) throw new AppealError(problems);
    for (const f of used) if (f.partial) hb.registerPartial(f.name, hb.compile(sources.get(f)!, COMPILE_OPTIONS));
    template = hb.compile(sources.get(main)!, COMPILE_OPTIONS);
  }
  return (context) => {
    try {
      return template(context);
    } catch (e) {
      throw new AppealError({ file: main.shown, message: `the template failed: ${(e as Error).message}.` });
    }
  };
}

/** Parses every template of a workspace: for `appeal validate`. */
export async function checkTemplates(workspaceRoot: string): Promise<Problem[]> {
  const hb = (await import('handlebars')).default;
  const problems: Problem[] = [];
  for (const f of templateFiles(workspaceRoot).values()) {
    if (f.builtin) continue;
    try {
      hb.parse(readFileSync(f.abs, 'utf8'));
    } catch (e) {
      problems.push(parseProblem(f, e as Error));
    }
  }
  return problems;
}
