import { describe, expect, it } from 'vitest';
import { formatValue, MAX_ARRAY_ITEMS, metadataRows, metadataText } from './metadata-table.ts';

describe('metadataRows', () => {
  const rows = metadataRows({
    photon_energy: { value: 520, unit: 'eV', name: 'Photon energy' },
    range: { min: 10, max: 515.5, unit: 'eV' },
    analyser: { name: 'R3000', lens_mode: { value: 'HighMag', name: 'Lens mode' } },
    region: 'Ag3d',
  });

  it('shows a quantity with its human name, key, value and unit', () => {
    expect(rows[0]).toEqual({ key: 'photon_energy', label: 'Photon energy', depth: 0, group: false, value: '520', unit: 'eV' });
  });
  it('shows a range as min – max', () => {
    expect(rows[1]).toMatchObject({ key: 'range', label: 'range', value: '10 – 515.5', unit: 'eV' });
  });
  it('nests a group: a heading row, then its entries one level deeper', () => {
    expect(rows[2]).toMatchObject({ key: 'analyser', group: true, depth: 0, label: 'analyser' });
    expect(rows[3]).toMatchObject({ key: 'analyser/name', value: 'R3000', depth: 1 });
    expect(rows[4]).toMatchObject({ key: 'analyser/lens_mode', label: 'Lens mode', value: 'HighMag', depth: 1 });
  });
  it('shows a plain value', () => {
    expect(rows[5]).toMatchObject({ key: 'region', value: 'Ag3d', unit: '' });
  });
  it('returns nothing for a missing tree', () => {
    expect(metadataRows(undefined)).toEqual([]);
  });
});

describe('formatValue', () => {
  it('cuts long arrays and counts them', () => {
    const v = formatValue(Array.from({ length: 20 }, (_, i) => i));
    expect(v.split(', ').length).toBe(MAX_ARRAY_ITEMS + 1);
    expect(v).toContain('(20 values)');
  });
  it('writes booleans as words and trims float noise', () => {
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(0.1 + 0.2)).toBe('0.3');
  });
});

describe('metadataText', () => {
  it('holds keys, names and values for search', () => {
    const t = metadataText({ pass_energy: { value: 50, unit: 'eV', name: 'Pass energy' } });
    expect(t).toContain('pass_energy');
    expect(t).toContain('Pass energy');
    expect(t).toContain('50');
  });
});
