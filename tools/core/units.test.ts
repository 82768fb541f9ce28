import { describe, expect, it } from 'vitest';
import { convert, DIMENSIONS, dimensionOf, hasDimension, parseUnit, sameDimension } from './units.ts';

describe('parseUnit', () => {
  it.each([
    ['eV', 'energy'],
    ['keV', 'energy'],
    ['mbar', 'pressure'],
    ['Torr', 'pressure'],
    ['torr', 'pressure'],
    ['Pa', 'pressure'],
    ['deg', 'angle'],
    ['°', 'angle'],
    ['mrad', 'angle'],
    ['um', 'length'],
    ['µm', 'length'], // micro sign U+00B5
    ['μm', 'length'], // Greek mu U+03BC
    ['Å', 'length'],
    ['angstrom', 'length'],
    ['counts', 'count'],
    ['cts', 'count'],
    ['K', 'temperature'],
    ['degC', 'temperature'],
    ['°C', 'temperature'],
    ['fs', 'time'],
    ['Hz', 'frequency'],
    ['mA', 'current'],
    ['kV', 'voltage'],
    ['mg', 'mass'],
    ['Da', 'mass'],
    ['%', 'dimensionless'],
    ['a.u.', 'dimensionless'],
    ['', 'dimensionless'],
    ['mT', 'magnetic_field'],
    ['G', 'magnetic_field'],
    ['mW', 'power'],
    ['mm^2', 'area'],
    ['µm²', 'area'],
    ['mL', 'volume'],
    ['cm^3', 'volume'],
  ])('reads %j as %s', (text, dim) => {
    const r = parseUnit(text);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(dimensionOf(text)).toBe(dim);
  });

  it('rejects what is not a unit, with a reason', () => {
    for (const bad of ['eVV', 'furlongs per fortnight', '5 eV', 'eV)', 'kev']) {
      const r = parseUnit(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
    }
  });

  it('gives a valid unit without a named dimension no name', () => {
    const r = parseUnit('mm/s');
    expect(r.ok).toBe(true);
    expect(dimensionOf('mm/s')).toBeUndefined();
  });

  it('memoises by string', () => {
    expect(parseUnit('keV')).toBe(parseUnit('keV'));
  });

  it('names every dimension it exports', () => {
    expect(DIMENSIONS).toHaveLength(16);
    expect(hasDimension('eV', 'energy')).toBe(true);
    expect(hasDimension('eV', 'length')).toBe(false);
    expect(hasDimension('eVV', 'energy')).toBe(false);
  });
});

describe('convert', () => {
  it('converts within a dimension, including offsets', () => {
    expect(convert(1, 'keV', 'eV')).toBeCloseTo(1000);
    expect(convert(1, 'Torr', 'mbar')).toBeCloseTo(1.33322, 4);
    expect(convert(0, 'degC', 'K')).toBeCloseTo(273.15);
    expect(convert(1, 'µm', 'nm')).toBeCloseTo(1000);
    expect(convert(50, '%', '')).toBeCloseTo(0.5);
    expect(convert(1, 'Å', 'nm')).toBeCloseTo(0.1);
  });
  it('refuses to convert across dimensions', () => {
    expect(convert(1, 'eV', 'mm')).toBeUndefined();
    expect(convert(1, 'counts', '')).toBeUndefined();
    expect(convert(1, 'eVV', 'eV')).toBeUndefined();
    expect(sameDimension('mbar', 'Torr')).toBe(true);
    expect(sameDimension('mbar', 'K')).toBe(false);
  });
});

describe('one source of truth for dimension names', () => {
  it('the profile schema allows exactly the dimensions units.ts knows', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../schemas/profile.schema.json', import.meta.url), 'utf8'));
    expect([...schema.$defs.dimension.enum].sort()).toEqual([...DIMENSIONS].sort());
  });
});
