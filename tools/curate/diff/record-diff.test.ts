import { describe, expect, it } from 'vitest';
import { labelFor } from './labels.ts';
import { diffRecords } from './record-diff.ts';
import { formatValue, sameAmount } from './values.ts';

describe('diffRecords', () => {
  it('reports nothing for equal records, whatever the key order', () => {
    expect(diffRecords({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('treats a quantity as one field, so value and unit change together', () => {
    const before = { scientificMetadata: { pass_energy: { value: 20, unit: 'eV' } } };
    const after = { scientificMetadata: { pass_energy: { value: 0.05, unit: 'keV' } } };
    expect(diffRecords(before, after)).toEqual([
      { op: 'change', pointer: '/scientificMetadata/pass_energy', old: { value: 20, unit: 'eV' }, new: { value: 0.05, unit: 'keV' } },
    ]);
  });

  it('walks nested groups of scientificMetadata and sampleCharacteristics down to quantities and plain values', () => {
    const before = {
      scientificMetadata: { analyser: { model: 'R4000', lens: { mode: 'Transmission', voltage: { value: 10, unit: 'V' } } } },
      sampleCharacteristics: { temperature: { min: 10, max: 20, unit: 'K' } },
    };
    const after = {
      scientificMetadata: { analyser: { model: 'R4000', lens: { mode: 'Angular30', voltage: { value: 10, unit: 'V' } }, slit: 'curved 0.5 mm' } },
      sampleCharacteristics: { temperature: { min: 10, max: 300, unit: 'K' } },
    };
    expect(diffRecords(before, after)).toEqual([
      { op: 'change', pointer: '/scientificMetadata/analyser/lens/mode', old: 'Transmission', new: 'Angular30' },
      { op: 'add', pointer: '/scientificMetadata/analyser/slit', new: 'curved 0.5 mm' },
      { op: 'change', pointer: '/sampleCharacteristics/temperature', old: { min: 10, max: 20, unit: 'K' }, new: { min: 10, max: 300, unit: 'K' } },
    ]);
  });

  it('compares arrays of scalars whole and arrays of objects item by item', () => {
    const before = { keywords: ['a', 'b'], creators: [{ name: 'A' }, { name: 'B' }] };
    const after = { keywords: ['a', 'b', 'c'], creators: [{ name: 'A' }, { name: 'B.', orcid: 'x' }, { name: 'C' }] };
    expect(diffRecords(before, after)).toEqual([
      { op: 'change', pointer: '/keywords', old: ['a', 'b'], new: ['a', 'b', 'c'] },
      { op: 'change', pointer: '/creators/1/name', old: 'B', new: 'B.' },
      { op: 'add', pointer: '/creators/1/orcid', new: 'x' },
      { op: 'add', pointer: '/creators/2/name', new: 'C' },
    ]);
  });

  it('lists every leaf of a new or removed record, with quantities whole', () => {
    const r = { pid: 'p', access: { status: 'public' }, scientificMetadata: { e: { value: 1, unit: 'eV' } } };
    expect(diffRecords(undefined, r).map((c) => [c.op, c.pointer])).toEqual([
      ['add', '/pid'],
      ['add', '/access/status'],
      ['add', '/scientificMetadata/e'],
    ]);
    expect(diffRecords(r, undefined).every((c) => c.op === 'remove' && c.new === undefined)).toBe(true);
  });

  it('escapes "/" and "~" in keys (RFC 6901)', () => {
    expect(diffRecords({ m: { 'a/b~c': 1 } }, { m: { 'a/b~c': 2 } })[0]?.pointer).toBe('/m/a~1b~0c');
  });

  it('reports a change of shape (group to quantity) as one change', () => {
    const c = diffRecords({ scientificMetadata: { t: { a: 1 } } }, { scientificMetadata: { t: { value: 1, unit: 'K' } } });
    expect(c).toEqual([{ op: 'change', pointer: '/scientificMetadata/t', old: { a: 1 }, new: { value: 1, unit: 'K' } }]);
  });
});

describe('formatValue and sameAmount', () => {
  it('reads quantities, ranges and lists as a person would', () => {
    expect(formatValue({ value: 20, unit: 'eV', name: 'Pass energy' })).toBe('20 eV');
    expect(formatValue({ min: 10, max: 300, unit: 'K' })).toBe('10–300 K');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue(undefined)).toBe('∅');
    expect(formatValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('knows when only the unit notation changed', () => {
    expect(sameAmount({ value: 1.2, unit: 'keV' }, { value: 1200, unit: 'eV' })).toBe(true);
    expect(sameAmount({ value: 1.2, unit: 'keV' }, { value: 1300, unit: 'eV' })).toBe(false);
    expect(sameAmount({ value: 1, unit: 'K' }, { value: 1, unit: 'eV' })).toBe(false);
  });
});

describe('labelFor', () => {
  const ctx = { titles: { datasetName: 'Dataset name', creators: 'Creators' }, profileNames: { 'analyser/model': 'Analyser model' } };

  it('prefers the profile name, then the quantity name, then the key path', () => {
    const rec = { scientificMetadata: { t: { value: 1, unit: 'K', name: 'Sample temperature' }, a: { b: 1 } } };
    expect(labelFor('/scientificMetadata/analyser/model', ctx, [rec])).toBe('Analyser model');
    expect(labelFor('/scientificMetadata/t', ctx, [undefined, rec])).toBe('Sample temperature');
    expect(labelFor('/scientificMetadata/a/b', ctx, [rec])).toBe('a › b');
  });

  it('uses schema titles for fixed fields and counts array items from 1', () => {
    expect(labelFor('/datasetName', ctx)).toBe('Dataset name');
    expect(labelFor('/creators/0/name', ctx)).toBe('Creators › #1 › name');
    expect(labelFor('/unknownField', ctx)).toBe('unknownField');
  });
});
