/**
 * The files `appeal init` makes rather than copies from data/init/: the workspace's package.json,
 * which pins the exact version of the tool that made the workspace (so a local run and CI render
 * the same bytes), and the JSON Schemas that the `# yaml-language-server: $schema=...` line at the
 * top of each YAML file in data/init/ points to, for editors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchema } from './schema.js';
import { packageRoot } from '../paths.js';

export interface ToolPackage {
  /** The npm package's name: "appeal-letters". */
  name: string;
  /** Its version: "0.1.0". */
  version: string;
}

/** The name and version of the running tool, from its own package.json. */
export function toolPackage(): ToolPackage {
  const { name, version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as ToolPackage;
  return { name, version };
}

/**
 * The workspace's package.json: private, the tool as a devDependency at exactly `version` (no
 * range: `npm ci` and `npx appeal` then run the same version on every machine), and scripts for
 * the everyday commands.
 */
export function workspacePackageJson(name: string, version: string): string {
  const pkg = {
    private: true,
    description: 'Letters written with appeal: case files, the outgoing register and the letters issued',
    scripts: {
      validate: 'appeal validate',
      log: 'appeal log',
      recipients: 'appeal recipients',
    },
    devDependencies: { [name]: version },
    engines: { node: '>=20' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Where init writes each JSON Schema, relative to the workspace; the data/init YAML files point here. */
export const SCHEMA_PATHS = {
  case: '.appeal/schema/case.json',
  config: '.appeal/schema/config.json',
  entry: '.appeal/schema/entry.json',
} as const;

export interface GeneratedFile {
  /** Relative to the workspace, '/' separated. */
  path: string;
  text: string;
}

/** The JSON Schemas as `appeal schema case|config|entry` prints them. */
export function schemaFiles(): GeneratedFile[] {
  return (Object.keys(SCHEMA_PATHS) as (keyof typeof SCHEMA_PATHS)[]).map((which) => ({
    path: SCHEMA_PATHS[which],
    text: `${JSON.stringify(jsonSchema(which), null, 2)}\n`,
  }));
}

/** Everything init writes besides the copies of data/init/: package.json and the schemas. */
export function generatedInitFiles(tool: ToolPackage = toolPackage()): GeneratedFile[] {
  return [{ path: 'package.json', text: workspacePackageJson(tool.name, tool.version) }, ...schemaFiles()];
}
