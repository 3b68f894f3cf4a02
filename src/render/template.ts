/**
 * Templates: one Handlebars file per kind of letter and language (templates/en/update.hbs, ...),
 * and partials shared between them (templates/en/_header.hbs is the partial 'header'). A
 * workspace's own templates/ overrides the built-in files and may add kinds: a file in
 * templates/<lang>/ serves that language, a file directly in templates/ serves every language.
 * Compiled with noEscape (letters are not HTML); case text is data, never compiled.
 *
 * The built-in templates are precompiled when the package is built (into the bundle, in place of
 * render/builtin-templates.ts), so a letter from them needs only Handlebars' small runtime; the
 * compiler is loaded only for a workspace that has templates of its own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HelperDelegate } from 'handlebars';
import { AppealError, type Problem } from '../errors.js';
import { readText } from '../load/source.js';
import { builtinTemplatesDir } from '../paths.js';

export interface TemplateFile {
  /** 'update' for update.hbs; 'header' for the partial _header.hbs. */
  name: string;
  /** File name: 'update.hbs', '_header.hbs'. */
  file: string;
  /** The language folder it is in ('en'), or undefined for a workspace file that serves all. */
  lang?: string;
  partial: boolean;
  builtin: boolean;
  /** As shown in messages: 'templates/az/update.hbs' or 'templates/en/update.hbs (built in)'. */
  shown: string;
  abs: string;
}

/** The languages that have built-in templates: the folders of templates/. */
export function builtinLanguages(): string[] {
  const dir = builtinTemplatesDir();
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort();
}

function scan(dir: string, builtin: boolean, lang: string | undefined, into: Map<string, TemplateFile>): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    const partial = file.startsWith('_');
    const name = file.slice(partial ? 1 : 0, -'.hbs'.length);
    const rel = lang ? `templates/${lang}/${file}` : `templates/${file}`;
    into.set(file, { name, file, lang, partial, builtin, shown: `${rel}${builtin ? ' (built in)' : ''}`, abs: join(dir, file) });
  }
}

/** The listings made so far in this run, by workspace root and language (see templateFiles). */
const listed = new Map<string, Map<string, TemplateFile>>();

/**
 * The template files in force for a language: the built-in ones of that language, then the
 * workspace's files for every language, then the workspace's own for that language. Listed once
 * per run (a batch asks for every letter): a run never changes the templates it uses.
 */
export function templateFiles(workspaceRoot: string, lang = 'en'): Map<string, TemplateFile> {
  const key = `${resolve(workspaceRoot)}\0${lang}`;
  let files = listed.get(key);
  if (!files) listed.set(key, (files = listTemplateFiles(workspaceRoot, lang)));
  return files;
}

function listTemplateFiles(workspaceRoot: string, lang: string): Map<string, TemplateFile> {
  const files = new Map<string, TemplateFile>();
  scan(join(builtinTemplatesDir(), lang), true, lang, files);
  const own = join(workspaceRoot, 'templates');
  scan(own, false, undefined, files);
  // In appeal's own repository, the example workspace's templates/<lang>/ are the built-in ones.
  if (resolve(own) !== resolve(builtinTemplatesDir())) scan(join(own, lang), false, lang, files);
  return files;
}

/** Kinds of letter a template exists for. */
export function templateKinds(files: Map<string, TemplateFile>): string[] {
  return [...files.values()].filter((f) => !f.partial).map((f) => f.name);
}

/** Every kind of letter with a template in any language: what the register accepts. */
export function allKinds(workspaceRoot: string): string[] {
  const langs = new Set(builtinLanguages());
  const own = join(workspaceRoot, 'templates');
  if (existsSync(own)) for (const d of readdirSync(own)) if (statSync(join(own, d)).isDirectory()) langs.add(d);
  const kinds = new Set<string>();
  for (const lang of langs) for (const k of templateKinds(templateFiles(workspaceRoot, lang))) kinds.add(k);
  return [...kinds].sort();
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

/** The precompiled built-in templates, by file name; undefined when running unbuilt. */
async function builtinSpecs(): Promise<Record<string, object> | undefined> {
  return (await import('./builtin-templates.js')).builtinSpecs;
}

/** The templates compiled so far in this run, by workspace root, language and kind. */
const compiled = new Map<string, Promise<Render>>();

/**
 * The template of `kind` with every partial, ready to render; problems name the template file
 * and line. Compiled once per run: later letters of a batch reuse it (or its error).
 */
export function compileTemplate(workspaceRoot: string, kind: string, lang = 'en'): Promise<Render> {
  const key = `${resolve(workspaceRoot)}\0${lang}\0${kind}`;
  let render = compiled.get(key);
  if (!render) compiled.set(key, (render = compileNow(workspaceRoot, kind, lang)));
  return render;
}

async function compileNow(workspaceRoot: string, kind: string, lang: string): Promise<Render> {
  const files = templateFiles(workspaceRoot, lang);
  const main = [...files.values()].find((f) => !f.partial && f.name === kind);
  if (!main) {
    const kinds = templateKinds(files);
    throw new AppealError({
      key: '--kind',
      message: kinds.length
        ? `there is no template for letters of kind '${kind}' in language '${lang}': the kinds with a template in '${lang}' are ` +
          `${kinds.join(', ')}. Add templates/${lang}/${kind}.hbs (or templates/${kind}.hbs, for every language) ` +
          'to the workspace to write them.'
        : `there is no template for letters of kind '${kind}' in language '${lang}': no template is written in '${lang}' yet. ` +
          `Add templates/${lang}/${kind}.hbs to the workspace, translated from templates/en/${kind}.hbs, with the ` +
          `partials it calls (templates/${lang}/_header.hbs, ...), or templates/${kind}.hbs for every language.`,
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
    const spec = (f: TemplateFile) => specs[`${f.lang}/${f.file}`] as never;
    for (const f of used) if (f.partial) runtime.registerPartial(f.name, runtime.template(spec(f)));
    template = runtime.template(spec(main));
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

/** Helpers Handlebars has itself. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  name?: { original?: unknown };
  path?: { original?: unknown };
  params?: AstNode[];
  hash?: { pairs: { value: AstNode }[] };
  program?: { body: AstNode[] };
  inverse?: { body: AstNode[] };
  body?: AstNode[];
}

/** The partials and helpers a parsed template calls that do not exist. */
function unknownNames(f: TemplateFile, ast: AstNode, partials: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const helpers = new Set([...BUILT_IN_HELPERS, ...Object.keys(HELPERS)]);
  const at = (n: AstNode) => ({ file: f.shown, line: n.loc?.start.line, col: (n.loc?.start.column ?? 0) + 1 });
  const walk = (n: AstNode | undefined): void => {
    if (!n) return;
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && typeof n.name?.original === 'string') {
      const name = n.name.original;
      if (!partials.has(name)) {
        const known = [...partials].sort().join(', ');
        problems.push({
          ...at(n),
          message: `there is no partial '${name}': the partials are ${known}. Add templates/_${name}.hbs, or correct the name.`,
        });
      }
    }
    const isCall =
      n.type === 'SubExpression' || ((n.type === 'MustacheStatement' || n.type === 'BlockStatement') && (n.params?.length || n.hash));
    if (isCall && typeof n.path?.original === 'string' && !helpers.has(n.path.original)) {
      problems.push({
        ...at(n),
        message: `there is no helper '${n.path.original}': the helpers are ${[...helpers].join(', ')}. Correct the name.`,
      });
    }
    n.params?.forEach(walk);
    n.hash?.pairs.forEach((p) => walk(p.value));
    [...(n.body ?? []), ...(n.program?.body ?? []), ...(n.inverse?.body ?? [])].forEach(walk);
  };
  walk(ast);
  return problems;
}

/** Parses every template of a workspace, and checks the partials and helpers it calls: for `appeal validate`. */
export async function checkTemplates(workspaceRoot: string): Promise<Problem[]> {
  // The compiler (~15 ms to load) only when the workspace has templates of its own to parse.
  let hb: typeof import('handlebars') | undefined;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const lang of builtinLanguages()) {
    const files = templateFiles(workspaceRoot, lang);
    const partials = new Set([...files.values()].filter((f) => f.partial).map((f) => f.name));
    for (const f of files.values()) {
      if (f.builtin || seen.has(f.abs)) continue;
      seen.add(f.abs);
      hb ??= (await import('handlebars')).default;
      try {
        problems.push(...unknownNames(f, hb.parse(readText(f.abs, f.shown, 'template')) as unknown as AstNode, partials));
      } catch (e) {
        if (e instanceof AppealError) problems.push(...e.problems);
        else problems.push(parseProblem(f, e as Error));
      }
    }
  }
  return problems;
}
