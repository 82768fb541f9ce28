import { describe, expect, it } from 'vitest';
import { baseRecords } from '../catalog/test-catalog.ts';
import { closest } from './error-map.ts';
import { parseJsonText } from './json-source.ts';
import { compiledSchemas, validateAgainstSchema } from './schema-validator.ts';

function check(type: Parameters<typeof validateAgainstSchema>[0], record: unknown) {
  const src = parseJsonText(JSON.stringify(record, null, 2), 'r.json');
  return validateAgainstSchema(type, src.value, src);
}

describe('schemas', () => {
  it('all load and compile, one validator per record type', () => {
    const { validators, problems } = compiledSchemas();
    expect(problems).toEqual([]);
    expect([...validators.keys()].sort()).toEqual(
      ['annotation', 'config', 'dataset', 'instrument', 'profile', 'proposal', 'publication', 'sample', 'technique'],
    );
  });
  it('accept the test catalogue records', () => {
    const records = baseRecords();
    for (const [type, record] of Object.entries(records)) expect(check(type as 'dataset', record), type).toEqual([]);
  });
});

describe('error map', () => {
  it('turns a missing property into one sentence with its place', () => {
    const { datasetName: _, ...rest } = baseRecords().dataset;
    const f = check('dataset', rest);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'schema/required', pointer: '/datasetName', message: 'missing required property "datasetName"', line: 1 });
    expect(f[0]!.expected).toMatch(/^a "datasetName" property: title such as /);
  });

  it('describes a property required by an if/then from the top-level schema', () => {
    const { instrumentId: _, ...rest } = baseRecords().dataset;
    const [f] = check('dataset', rest);
    expect(f).toMatchObject({ pointer: '/instrumentId', message: 'missing required property "instrumentId"' });
    expect(f?.expected).toMatch(/^a "instrumentId" property: instrument id such as "/);
  });

  it('suggests the property that was meant', () => {
    const { datasetName, ...rest } = baseRecords().dataset;
    const f = check('dataset', { ...rest, datasetNme: datasetName });
    expect(f.map((x) => x.code).sort()).toEqual(['schema/additionalProperties', 'schema/required']);
    expect(f.find((x) => x.code === 'schema/additionalProperties')?.fix).toBe('Did you mean "datasetName"? Rename it.');
  });

  it('collapses a failed anyOf over metadata entries into the branch that nearly matched', () => {
    const d = baseRecords().dataset;
    const sm = d.scientificMetadata as Record<string, unknown>;
    sm.pass_energy = { value: 50, unit: 'eV', nmae: 'Pass energy' }; // a quantity with a typo
    sm.range = { min: 1, max: 'ten' }; // a range with a bad end
    sm.group = { inner: { value: 1, unit: 5 } }; // a group holding a bad quantity
    const f = check('dataset', d);
    expect(f.map((x) => [x.pointer, x.message])).toEqual([
      ['/scientificMetadata/pass_energy/nmae', 'unknown property "nmae" in "pass_energy"'],
      ['/scientificMetadata/range/max', '"max" must be a number, not the string "ten"'],
      ['/scientificMetadata/group/inner/unit', '"unit" must be a string, not the number 5'],
    ]);
    for (const x of f) expect(x.line).toBeGreaterThan(1);
  });

  it('lists the allowed types when no branch fits at all', () => {
    const d = baseRecords().dataset;
    (d.scientificMetadata as Record<string, unknown>).nothing = null;
    const [f] = check('dataset', d);
    expect(f?.pointer).toBe('/scientificMetadata/nothing');
    expect(f?.message).toMatch(/^"nothing" must be an object or a string or a number or a boolean or an array, not null$/);
  });

  it('names enum values and the near miss', () => {
    const [f] = check('dataset', { ...baseRecords().dataset, type: 'Raw' });
    expect(f).toMatchObject({ pointer: '/type', message: '"Raw" is not an allowed value of "type"', fix: 'Did you mean "raw"?' });
  });

  it('uses the schema title and example for a pattern', () => {
    const [f] = check('proposal', { ...baseRecords().proposal, pi: { name: 'A', orcid: '0000-0002-1825' } });
    expect(f).toMatchObject({ pointer: '/pi/orcid', message: '"0000-0002-1825" is not an ORCID iD' });
    expect(f?.expected).toContain('such as "0000-0002-1825-0097"');
  });
});

describe('closest', () => {
  it('finds near misses only', () => {
    expect(closest('datasetNam', ['datasetName', 'description'])).toBe('datasetName');
    expect(closest('zzz', ['datasetName'])).toBeUndefined();
  });
});
