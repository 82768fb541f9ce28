/**
 * The schemas are the contract every tool reads, so they are tested three ways:
 * every example under `examples/<type>/valid` passes, every example under
 * `examples/<type>/invalid` fails for the reason its file name states (one
 * reason per file, SchemaStore-style negative tests), and every schema is
 * documented (title, description and examples on each property, and each
 * example is itself valid).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../tools/core/layout.ts';
import { DIMENSIONS } from '../tools/core/units.ts';

const here = dirname(fileURLToPath(import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const schemaFiles = readdirSync(here).filter((f) => f.endsWith('.schema.json')).sort();
const schemas = new Map(schemaFiles.map((f) => [f, readJson(join(here, f)) as Record<string, unknown>]));

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
for (const s of schemas.values()) ajv.addSchema(s);

const schemaId = (type: string): string => `https://shelfmark.dev/schemas/${type}.schema.json`;
const validatorFor = (type: string) => {
  const v = ajv.getSchema(schemaId(type));
  if (!v) throw new Error(`no schema ${schemaId(type)}`);
  return v;
};

const examplesDir = join(here, 'examples');
const listJson = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
};

/** `access-status` → `accessstatus`: compared against an instancePath with `/`, `_` and array indexes removed. */
const squash = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
const squashPath = (instancePath: string): string =>
  instancePath
    .split('/')
    .filter((seg) => seg !== '' && !/^\d+$/.test(seg))
    .join('')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
const camel = (kebab: string): string => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

interface Expectation {
  /** Acceptable Ajv keywords for the error that states the reason. */
  keywords: string[];
  /** For `required`: the property that must be reported missing. */
  missing?: string;
  /** The squashed instancePath must end with this. */
  at?: string;
}

/** Invalid examples whose names do not follow one of the generic patterns below. */
const SPECIAL: Record<string, Expectation> = {
  'dataset/embargoed-without-date': { keywords: ['required'], missing: 'embargoedUntil' },
  'dataset/raw-with-input-datasets': { keywords: ['not'], at: '' },
  'dataset/checksum-length-mismatch': { keywords: ['pattern'], at: 'filesdatafilelistchk' },
  'dataset/quantity-with-unknown-key': { keywords: ['additionalProperties'], at: 'scientificmetadataphotonenergy' },
  'dataset/slash-in-metadata-key': { keywords: ['propertyNames'], at: 'scientificmetadata' },
  'dataset/group-with-value-key': { keywords: ['not'], at: 'scientificmetadataanalyser' },
  'sample/quantity-with-unknown-key': { keywords: ['additionalProperties'], at: 'samplecharacteristicspurity' },
  'profile/dimension-and-unit': { keywords: ['not'], at: 'fields' },
  'profile/range-without-bounds': { keywords: ['required'], missing: 'min' },
  'config/proposal-pattern-without-named-group': { keywords: ['pattern'], at: 'ingestproposalpathpattern' },
  'annotation/without-content': { keywords: ['required'], missing: 'comment' },
};

/** What the file name of an invalid example promises. Undefined if the name follows no rule. */
export function expectationFor(type: string, stem: string): Expectation | undefined {
  const special = SPECIAL[`${type}/${stem}`];
  if (special) return special;
  let m: RegExpExecArray | null;
  if ((m = /^missing-(.+)$/.exec(stem)) || (m = /-without-(.+)$/.exec(stem)))
    return { keywords: ['required'], missing: camel(m[1]!) };
  if (stem === 'unknown-property') return { keywords: ['additionalProperties', 'unevaluatedProperties'] };
  if ((m = /^bad-(.+)-pattern$/.exec(stem))) return { keywords: ['pattern', 'format'], at: squash(m[1]!) };
  if ((m = /^(.+)-not-an?-(?:string|number|integer|boolean|array|object)$/.exec(stem))) return { keywords: ['type'], at: squash(m[1]!) };
  if ((m = /^wrong-(.+)$/.exec(stem))) return { keywords: ['enum', 'const'], at: squash(m[1]!) };
  if ((m = /^(.+)-above-maximum$/.exec(stem))) return { keywords: ['maximum', 'exclusiveMaximum'], at: squash(m[1]!) };
  if ((m = /^(.+)-below-minimum$/.exec(stem))) return { keywords: ['minimum', 'exclusiveMinimum'], at: squash(m[1]!) };
  if ((m = /^duplicate-(.+)$/.exec(stem))) return { keywords: ['uniqueItems'], at: squash(m[1]!) };
  if ((m = /^empty-(.+)$/.exec(stem))) return { keywords: ['minItems', 'minLength'], at: squash(m[1]!) };
  return undefined;
}

const matches = (e: ErrorObject, x: Expectation): boolean =>
  x.keywords.includes(e.keyword) &&
  (x.missing === undefined || (e.params as { missingProperty?: string }).missingProperty === x.missing) &&
  (x.at === undefined || squashPath(e.instancePath).endsWith(x.at));

const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
const brief = (errors: readonly ErrorObject[]): string =>
  errors.map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''}`).join('\n');

describe('schemas compile', () => {
  it('has one schema per record type plus common', () => {
    expect(schemaFiles).toEqual([...RECORD_TYPES.map((t) => `${t}.schema.json`), 'common.schema.json'].sort());
  });

  it.each(schemaFiles)('%s has an $id matching its file name and declares draft 2020-12', (file) => {
    const s = schemas.get(file)!;
    expect(s.$id).toBe(`https://shelfmark.dev/schemas/${file}`);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.getSchema(s.$id as string)).toBeTypeOf('function');
  });

  it('the profile dimension list is exactly the one in tools/core/units.ts', () => {
    const dims = ((schemas.get('profile.schema.json')!.$defs as Record<string, { enum: string[] }>).dimension).enum;
    expect(dims).toEqual([...DIMENSIONS]);
  });
});

describe.each(RECORD_TYPES)('%s examples', (type) => {
  const validFiles = listJson(join(examplesDir, type, 'valid'));
  const invalidFiles = listJson(join(examplesDir, type, 'invalid'));

  it('has at least 2 valid and 4 invalid examples', () => {
    expect(validFiles.length).toBeGreaterThanOrEqual(2);
    expect(invalidFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(validFiles)('valid/%s passes', (file) => {
    const validate = validatorFor(type);
    const ok = validate(readJson(join(examplesDir, type, 'valid', file)));
    expect(ok, brief(validate.errors ?? [])).toBe(true);
  });

  it.each(invalidFiles)('invalid/%s fails for the reason its name states, and only there', (file) => {
    const stem = file.slice(0, -'.json'.length);
    const expected = expectationFor(type, stem);
    expect(expected, `name "${stem}" follows no rule in schemas.test.ts; rename it or add it to SPECIAL`).toBeDefined();
    const validate = validatorFor(type);
    expect(validate(readJson(join(examplesDir, type, 'invalid', file)))).toBe(false);
    const errors = validate.errors ?? [];
    const hit = errors.find((e) => matches(e, expected!));
    expect(hit, `no ${expected!.keywords.join('/')} error${expected!.at ? ` at …${expected!.at}` : ''}${expected!.missing ? ` for ${expected!.missing}` : ''}; got:\n${brief(errors)}`).toBeDefined();
    // A second, unrelated mistake would hide behind the first: every error must
    // sit on the path to or below the one the file is about (combinator noise
    // from anyOf/oneOf branches stays on that path), and at that very spot no
    // other property may be missing or unknown.
    // (When anyOf/oneOf branches were tried at that spot, each branch reports its own misses.)
    const branched = errors.some((e) => e.instancePath === hit!.instancePath && ['anyOf', 'oneOf'].includes(e.keyword));
    const stray = errors.filter(
      (e) =>
        !related(e.instancePath, hit!.instancePath) ||
        (!branched &&
          e.instancePath === hit!.instancePath &&
          e.keyword === hit!.keyword &&
          ['required', 'additionalProperties'].includes(e.keyword) &&
          JSON.stringify(e.params) !== JSON.stringify(hit!.params)),
    );
    expect(stray, `other errors besides the one the name states:\n${brief(stray)}`).toEqual([]);
  });
});

describe('the rule that reads invalid example names', () => {
  it('maps names to the keyword and place they promise', () => {
    expect(expectationFor('dataset', 'missing-pid')).toEqual({ keywords: ['required'], missing: 'pid' });
    expect(expectationFor('dataset', 'raw-without-instrument-id')).toEqual({ keywords: ['required'], missing: 'instrumentId' });
    expect(expectationFor('dataset', 'wrong-access-status')).toEqual({ keywords: ['enum', 'const'], at: 'accessstatus' });
    expect(expectationFor('dataset', 'no-rule-here')).toBeUndefined();
  });

  it('catches an example that fails somewhere else', () => {
    const validate = validatorFor('dataset');
    const record = readJson(join(examplesDir, 'dataset', 'valid', 'raw-public.json')) as Record<string, unknown>;
    // Named "wrong-access-status", but the access status is fine and the pid is missing instead.
    delete record.pid;
    expect(validate(record)).toBe(false);
    const x = expectationFor('dataset', 'wrong-access-status')!;
    expect((validate.errors ?? []).some((e) => matches(e, x))).toBe(false);
  });
});

/** Every subschema that defines properties, with its JSON pointer; constraint-only branches are skipped. */
function* propertyOwners(node: unknown, pointer: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* propertyOwners(v, `${pointer}/${i}`);
    return;
  }
  if (!isObject(node)) return;
  if (isObject(node.properties)) yield [pointer, node.properties];
  for (const [k, v] of Object.entries(node)) {
    // `if`/`then`/`else`/`not` only narrow properties declared elsewhere; `examples`/`default` hold data.
    if (['if', 'then', 'else', 'not', 'examples', 'default', 'const', 'enum'].includes(k)) continue;
    yield* propertyOwners(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

describe.each(schemaFiles)('%s is documented', (file) => {
  const schema = schemas.get(file)!;
  const owners = [...propertyOwners(schema, '')];
  const props = owners.flatMap(([ptr, ps]) =>
    Object.entries(ps).map(([name, sub]) => [`${ptr}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, sub] as const),
  );
  const defs = Object.entries((schema.$defs ?? {}) as Record<string, unknown>).map(([n, d]) => [`/$defs/${n}`, d] as const);

  it('every property and every definition has title, description and a non-empty examples array', () => {
    const undocumented = [...props, ...defs]
      .filter(([, s]) => !isObject(s) || typeof s.title !== 'string' || typeof s.description !== 'string' || !Array.isArray(s.examples) || s.examples.length === 0)
      .map(([p]) => p);
    expect(undocumented).toEqual([]);
    expect(props.length + defs.length).toBeGreaterThan(0);
  });

  it('every example given in the schema is valid for the subschema that gives it', () => {
    const id = schema.$id as string;
    const wrong: string[] = [];
    const all = [...props, ...defs, ...(file === 'common.schema.json' ? [] : ([['', schema]] as const))];
    for (const [ptr, s] of all) {
      if (!isObject(s) || !Array.isArray(s.examples)) continue;
      const validate = ajv.getSchema(`${id}#${ptr}`);
      if (!validate) {
        wrong.push(`${ptr}: cannot compile`);
        continue;
      }
      for (const ex of s.examples) if (!validate(ex)) wrong.push(`${ptr}: ${JSON.stringify(ex)} → ${brief(validate.errors ?? [])}`);
    }
    expect(wrong).toEqual([]);
  });
});
