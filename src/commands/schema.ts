/** `appeal schema`: JSON Schema of the data contract, generated from the zod schemas. */
import * as z from 'zod/mini';
import { caseSchema, configSchema, entrySchema } from '../load/schema.js';
import { printJson } from './common.js';

export function jsonSchema(which: 'case' | 'config' | 'entry'): unknown {
  const schema = which === 'case' ? caseSchema : which === 'config' ? configSchema : entrySchema;
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title:
      which === 'case'
        ? 'appeal case file (cases/<id>.yaml)'
        : which === 'config'
          ? 'appeal workspace (appeal.yaml)'
          : 'appeal register entry (register/<n>.yaml)',
  };
}

export type SchemaName = 'case' | 'config' | 'entry';

export function schemaCommand(which: SchemaName): void {
  printJson(jsonSchema(which));
}
