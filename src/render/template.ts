/**
 * Templates: one Handlebars file per kind of letter (templates/update.hbs, ...), and partials
 * shared between them (templates/_header.hbs is the partial 'header'). A workspace's own
 * templates/ folder overrides the built-in files of the same name and may add kinds.
 * Compiled with noEscape (letters are not HTML); case text is data, never compiled.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { AppealError, type Problem } from '../errors.js';
import { builtinTemplatesDir } from '../paths.js';

export interface TemplateFile {
  /** 'update' for update.hbs; 'header' for the partial _header.hbs. */
  name: string;
  partial: boolean;
  /** As shown in messages: 'templates/update.hbs' or 'templates/update.hbs (built in)'. */
  shown: string;
  abs: string;
}

/** The template files in force: the workspace's own over the built-in ones. */
export function templateFiles(workspaceRoot: string): Map<string, TemplateFile> {
  const files = new Map<string, TemplateFile>();
  const scan = (dir: string, suffix: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const partial = f.startsWith('_');
      const name = f.slice(partial ? 1 : 0, -'.hbs'.length);
      files.set(`${partial ? '_' : ''}${name}`, { name, partial, shown: `templates/${f}${suffix}`, abs: join(dir, f) });
    }
  };
  scan(builtinTemplatesDir(), ' (built in)');
  scan(join(workspaceRoot, 'templates'), '');
  return files;
}

/** Kinds of letter a template exists for. */
export function templateKinds(files: Map<string, TemplateFile>): string[] {
  return [...files.values()].filter((f) => !f.partial).map((f) => f.name);
}

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

function helpers(hb: typeof Handlebars) {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
}

export type Render = (context: object) => string;

/**
 * Compiles the template of `kind` with every partial; problems name the template file and line.
 */
export function compileTemplate(workspaceRoot: string, kind: string): Render {
  const files = templateFiles(workspaceRoot);
  const hb = Handlebars.create();
  helpers(hb);
  const problems: Problem[] = [];
  for (const f of files.values()) {
    if (!f.partial) continue;
    try {
      const text = readFileSync(f.abs, 'utf8');
      hb.parse(text); // reports syntax errors now, with their line
      // A one-line partial is used inside a line ({{> described}}): its final newline is not part of it.
      const inline = text.replace(/\r?\n$/, '');
      hb.registerPartial(f.name, inline.includes('\n') ? text : inline); // compiled on first use, with noEscape
    } catch (e) {
      problems.push(parseProblem(f, e as Error));
    }
  }
  const main = files.get(kind);
  if (!main) {
    throw new AppealError({
      key: '--kind',
      message: `there is no template for letters of kind '${kind}': the kinds with a template are ${templateKinds(files).join(', ')}. Add templates/${kind}.hbs to the workspace to write them.`,
    });
  }
  const source = readFileSync(main.abs, 'utf8');
  try {
    hb.parse(source); // reports syntax errors now, with their line
  } catch (e) {
    problems.push(parseProblem(main, e as Error));
  }
  if (problems.length) throw new AppealError(problems);
  const template = hb.compile(source, { noEscape: true });
  return (context) => {
    try {
      return template(context);
    } catch (e) {
      throw new AppealError({ file: main.shown, message: `the template failed: ${(e as Error).message}.` });
    }
  };
}

/** Compiles every template of a workspace: for `appeal validate`. */
export function checkTemplates(workspaceRoot: string): Problem[] {
  const problems: Problem[] = [];
  for (const f of templateFiles(workspaceRoot).values()) {
    try {
      Handlebars.parse(readFileSync(f.abs, 'utf8'));
    } catch (e) {
      problems.push(parseProblem(f, e as Error));
    }
  }
  return problems;
}
