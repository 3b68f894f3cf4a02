/** The files init generates: the workspace's package.json that pins the tool, and the JSON Schemas. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedInitFiles, SCHEMA_PATHS, schemaFiles, toolPackage, workspacePackageJson } from '../../src/commands/init-files.js';
import { jsonSchema } from '../../src/commands/schema.js';
import { REPO } from '../helpers.js';

describe('workspacePackageJson', () => {
  it('pins the tool at exactly the given version, as a private devDependency', () => {
    const text = workspacePackageJson('appeal-letters', '1.2.3');
    const pkg = JSON.parse(text) as {
      private: boolean;
      devDependencies: Record<string, string>;
      dependencies?: unknown;
      scripts: Record<string, string>;
    };
    expect(pkg.private).toBe(true);
    expect(pkg.devDependencies).toEqual({ 'appeal-letters': '1.2.3' });
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.scripts.validate).toBe('appeal validate');
    expect(text.endsWith('}\n')).toBe(true);
    expect(workspacePackageJson('appeal-letters', '1.2.3')).toBe(text);
    expect(workspacePackageJson('appeal-letters', '1.2.4')).not.toBe(text);
  });
});

describe('toolPackage', () => {
  it("is the repository's own package.json name and version", () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(toolPackage()).toEqual({ name: pkg.name, version: pkg.version });
    expect(toolPackage().name).toBe('appeal-letters');
  });
});

describe('generatedInitFiles', () => {
  it('are the package.json of the running tool and one JSON Schema per kind of file', () => {
    const files = generatedInitFiles({ name: 'appeal-letters', version: '0.9.0' });
    expect(files.map((f) => f.path)).toEqual(['package.json', SCHEMA_PATHS.case, SCHEMA_PATHS.config, SCHEMA_PATHS.entry]);
    expect(JSON.parse(files[0]!.text)).toMatchObject({ devDependencies: { 'appeal-letters': '0.9.0' } });
    for (const which of ['case', 'config', 'entry'] as const) {
      const file = schemaFiles().find((f) => f.path === SCHEMA_PATHS[which])!;
      expect(JSON.parse(file.text)).toEqual(JSON.parse(JSON.stringify(jsonSchema(which))));
    }
  });
});

/** Every YAML file under data/init/, as its path in a new workspace. */
function initYamlFiles(): string[] {
  const root = join(REPO, 'data', 'init');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.ya?ml$/.test(name) && !abs.includes(join('.github', 'workflows'))) out.push(relative(root, abs).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

describe('the yaml-language-server line of each YAML file init writes', () => {
  it('opens the file and names the schema of its kind, relative to where the file lands', () => {
    const files = initYamlFiles();
    expect(files).toEqual(['appeal.yaml', 'cases/example.yaml']);
    for (const file of files) {
      const first = readFileSync(join(REPO, 'data', 'init', file), 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, `${file}: ${first}`).not.toBeNull();
      const target = posix.normalize(posix.join(posix.dirname(file), m![1]!));
      expect(target).toBe(file === 'appeal.yaml' ? SCHEMA_PATHS.config : SCHEMA_PATHS.case);
    }
  });
});
