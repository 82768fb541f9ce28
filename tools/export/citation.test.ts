import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { datasetToCsl, formatCitations, formatReference, publicationToCsl } from './citation.ts';
import { config, datasetView, publicationView, rawDataset } from './fixtures/records.ts';

describe('datasetToCsl', () => {
  it('builds a CSL dataset item with authors, year, publisher and landing page', () => {
    expect(datasetToCsl(datasetView)).toEqual({
      id: '20240017/ses-0001',
      type: 'dataset',
      title: 'Ag 3d core level of a sputtered Ag(111) crystal',
      author: [
        { family: 'Halvorsen', given: 'Ingrid' },
        { family: 'Lindgren', given: 'Maja' },
        { family: 'Berg', given: 'Johan' },
      ],
      issued: { 'date-parts': [[2025]] },
      publisher: 'Nordlys Synchrotron',
      URL: 'https://data.nordlys-synchrotron.example/datasets/20240017/ses-0001/',
      keyword: 'silver,core level,reference',
    });
  });

  it('names the facility as author when the record names no one', () => {
    const csl = datasetToCsl({ dataset: { pid: '20.500.12345/1/x', creationTime: '2024-01-01T00:00:00Z' }, config });
    expect(csl.author).toEqual([{ literal: 'Nordlys Synchrotron' }]);
  });
});

describe('formatCitations', () => {
  const c = formatCitations(publicationToCsl(publicationView));

  it('writes BibTeX that reads back to the same title, DOI and authors', () => {
    expect(c.bibtex).toMatch(/^@misc\{/);
    const back = new Cite(c.bibtex).format('data', { format: 'object' }) as Record<string, unknown>[];
    expect(back[0]).toMatchObject({
      title: 'Silver reference spectra, March 2024',
      DOI: '10.5072/shelfmark.4k7q-2m9d',
      author: [
        { family: 'Halvorsen', given: 'Ingrid' },
        { family: 'Lindgren', given: 'Maja' },
      ],
    });
  });

  it('writes RIS as a DATA record', () => {
    expect(c.ris).toMatch(/^TY {2}- DATA$/m);
    expect(c.ris).toMatch(/^DO {2}- 10\.5072\/shelfmark\.4k7q-2m9d$/m);
    expect(c.ris).toMatch(/^AU {2}- Halvorsen, Ingrid$/m);
    expect(c.ris).toMatch(/^ER {2}- ?$/m);
  });

  it('writes CSL-JSON that parses to the item', () => {
    expect(JSON.parse(c.cslJson)).toEqual([publicationToCsl(publicationView)]);
  });

  it('formats a reference in the DataCite order: creators (year). title. publisher. DOI', () => {
    expect(formatReference(publicationToCsl(publicationView))).toBe(
      'Halvorsen, I., & Lindgren, M. (2025). Silver reference spectra, March 2024 (Version 2) [Dataset]. Nordlys Synchrotron. https://doi.org/10.5072/shelfmark.4k7q-2m9d',
    );
  });

  it('keeps markup in titles as text', () => {
    const csl = datasetToCsl({ ...datasetView, dataset: { ...rawDataset, datasetName: 'Ag </script> & {braces}' } });
    const out = formatCitations(csl);
    expect(formatReference(csl)).toContain('Ag </script> & {braces}');
    const back = new Cite(out.bibtex).format('data', { format: 'object' }) as { title: string }[];
    expect(back[0]?.title).toBe('Ag </script> & {braces}');
  });

  it('formats exactly as new Cite([csl]).format does, which it skips for speed', () => {
    const odd = datasetToCsl({
      ...datasetView,
      dataset: {
        ...rawDataset,
        datasetName: 'Ünïcode {braces} & $math$ _under_ 50% #1 ~tilde',
        creators: [{ name: 'José de la Cruz', givenName: 'José', familyName: 'de la Cruz' }, { name: 'ACME & Co.' }],
        keywords: ['a', 'b; c'],
      },
    });
    for (const csl of [odd, datasetToCsl(datasetView), publicationToCsl(publicationView)]) {
      const cite = new Cite([csl]);
      const c = formatCitations(csl);
      expect(c.bibtex).toBe(`${String(cite.format('bibtex')).trim()}\n`);
      expect(c.ris).toBe(`${String(cite.format('ris')).trim()}\n`);
    }
  });
});

describe('snapshots', () => {
  it('dataset BibTeX', async () => {
    await expect(formatCitations(datasetToCsl(datasetView)).bibtex).toMatchFileSnapshot('__snapshots__/dataset.bib');
  });
  it('dataset RIS', async () => {
    await expect(formatCitations(datasetToCsl(datasetView)).ris).toMatchFileSnapshot('__snapshots__/dataset.ris');
  });
});
