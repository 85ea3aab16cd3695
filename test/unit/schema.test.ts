import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { root, examples } from '../helpers.js';
import { steps } from '../../src/steps/index.js';
import type { Field } from '../../src/steps/types.js';
import { keyOrder } from '../../src/generated/schema-facts.js';

type SchemaNode = { $ref?: string; enum?: string[]; type?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; definitions?: Record<string, SchemaNode> };

describe('the schema is the one source of the format', () => {
  let schema: SchemaNode;
  beforeAll(async () => {
    schema = JSON.parse(await readFile(path.join(root, 'schema/adopt.schema.json'), 'utf8')) as SchemaNode;
  });

  test('the generated types and facts are up to date (npm run build:types)', async () => {
    // @ts-expect-error the build script is plain JavaScript
    const build = (await import('../../scripts/build-schema.mjs')) as { renderTypes(): Promise<string>; renderSchemaFacts(): string; validatorTypes: string };
    expect(await readFile(path.join(root, 'src/generated/model.ts'), 'utf8')).toBe(await build.renderTypes());
    expect(await readFile(path.join(root, 'src/generated/schema-facts.ts'), 'utf8')).toBe(build.renderSchemaFacts());
    expect(await readFile(path.join(root, 'src/generated/validate.d.ts'), 'utf8')).toBe(build.validatorTypes);
  });

  test('every question of every step is a key of the schema, with the same choices', () => {
    const resolve = (node: SchemaNode): SchemaNode => (node.$ref ? schema.definitions![node.$ref.split('/').pop()!]! : node);
    const check = (fields: readonly Field[], node: SchemaNode, at: string) => {
      for (const field of fields) {
        const child = node.properties?.[field.key];
        expect([at, field.key, child !== undefined]).toEqual([at, field.key, true]);
        const resolved = resolve(child!);
        if (field.kind === 'group') check(field.fields, resolved, `${at}.${field.key}`);
        else if (field.kind === 'list') check(field.fields, resolve(resolved.items!), `${at}.${field.key}[]`);
        else if (field.kind === 'choice') expect([field.key, [...field.choices]]).toEqual([field.key, resolved.enum]);
        else if (field.kind === 'choices') expect([field.key, [...field.choices]]).toEqual([field.key, resolve(resolved.items!).enum]);
      }
    };
    for (const step of steps) check(step.fields, schema, '');
  });

  test('the canonical key order is the order of the schema, which follows the steps of the method', () => {
    expect(keyOrder['']).toEqual(['version', 'language', 'project', 'lead', 'keyUsers', 'needs', 'research', 'poc', 'deployment', 'training', 'evaluation', 'practices']);
    expect(keyOrder['needs']).toEqual(['objectives', 'audiences', 'budget', 'schedule', 'maturity', 'interface', 'risks']);
  });

  test('the examples start with a modeline to the schema shipped beside them, in the repository and in the package', async () => {
    for (const file of Object.values(examples)) {
      const first = (await readFile(file, 'utf8')).split('\n')[0]!;
      expect(first).toBe('# yaml-language-server: $schema=../../schema/adopt.schema.json');
      const target = path.resolve(path.dirname(file), first.split('$schema=')[1]!);
      expect(target).toBe(path.join(root, 'schema/adopt.schema.json'));
    }
  });
});
