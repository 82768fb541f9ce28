import { describe, expect, it } from 'vitest';
import { datasetYear, markdownToPlainText, mediaTypeOf, metadataLeaves, orcidUrl, rorUrl } from './common.ts';

describe('markdownToPlainText', () => {
  it('drops markup, keeps link text and separates blocks', () => {
    const md = '# Ag 3d\n\nSpectrum of **Ag** with [fit](https://x.example) and `code`.\n\n- one\n- two\n\n<script>alert(1)</script>';
    expect(markdownToPlainText(md)).toBe('Ag 3d\n\nSpectrum of Ag with fit and code.\n\none\n\ntwo');
  });

  it('reads plain prose the same with or without the parser', () => {
    // The second text has one Markdown character (a "*"), so it goes through remark.
    const prose = 'Spectra at 520 eV (hv), T = 20 K.\nSecond line, same paragraph.\n\n\nNext paragraph; ratio 3:1.';
    expect(markdownToPlainText(prose)).toBe('Spectra at 520 eV (hv), T = 20 K.\nSecond line, same paragraph.\n\nNext paragraph; ratio 3:1.');
    expect(markdownToPlainText(`${prose} *`)).toBe(`${markdownToPlainText(prose)} *`);
  });
});

describe('metadataLeaves', () => {
  it('flattens quantities, ranges, plain values and groups with their paths', () => {
    expect(
      metadataLeaves({
        pass_energy: { value: 50, unit: 'eV', name: 'Pass energy' },
        window: { min: 1, max: 2, unit: 'eV' },
        analyser: { model: 'R3000', slit: { value: 0.2, unit: 'mm' } },
        sweeps: 3,
        tags: ['a', 'b'],
      }),
    ).toEqual([
      { key: 'pass_energy', name: 'Pass energy', value: 50, unit: 'eV' },
      { key: 'window', min: 1, max: 2, unit: 'eV' },
      { key: 'analyser/model', value: 'R3000' },
      { key: 'analyser/slit', value: 0.2, unit: 'mm' },
      { key: 'sweeps', value: 3 },
      { key: 'tags', value: ['a', 'b'] },
    ]);
  });
});

describe('identifier URLs and years', () => {
  it('normalises ORCID and ROR spellings', () => {
    expect(orcidUrl('0000-0002-1825-0097')).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(orcidUrl('https://orcid.org/0000-0002-1825-0097')).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(rorUrl('05bp8ka05')).toBe('https://ror.org/05bp8ka05');
    expect(rorUrl('https://ror.org/05bp8ka05')).toBe('https://ror.org/05bp8ka05');
  });

  it('dates a dataset by the end of its embargo, else its creation', () => {
    expect(datasetYear({ pid: 'p', creationTime: '2023-12-31T23:00:00-05:00' })).toBe('2023');
    expect(datasetYear({ pid: 'p', creationTime: '2023-01-01T00:00:00Z', access: { status: 'public', embargoedUntil: '2026-01-01' } })).toBe('2026');
  });

  it('knows the media types of facility formats', () => {
    expect(mediaTypeOf('scan/p45-1168.NXS')).toBe('application/x-hdf5');
    expect(mediaTypeOf('README')).toBeUndefined();
  });
});
