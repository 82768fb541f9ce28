import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDataset, exportPublication, fromDataciteXml, validateXml, DATACITE_XSD, XMLLINT } from './index.ts';
import { datasetView, publicationView } from './fixtures/records.ts';

describe('exportDataset / exportPublication', () => {
  it('produce every file the site writes, consistent with one another', () => {
    for (const [e, doi] of [
      [exportDataset(datasetView), '20.500.12345/20240017/ses-0001'],
      [exportPublication(publicationView), '10.5072/shelfmark.4k7q-2m9d'],
    ] as const) {
      expect(fromDataciteXml(e.dataciteXml).doi).toBe(doi);
      const attributes = JSON.parse(e.dataciteJson).data.attributes;
      expect(attributes.doi ?? attributes.identifiers[0].identifier).toBe(doi);
      expect(JSON.parse(e.jsonLdFile)).toEqual(e.jsonLd);
      expect(e.bibtex).toMatch(/^@misc\{/);
      expect(e.ris).toMatch(/^TY {2}- DATA/);
      expect(JSON.parse(e.cslJson)[0].type).toBe('dataset');
      expect(e.citation).toContain(String(e.jsonLd.name));
    }
  });

  it('never throws on sparse or odd records, so one bad record cannot stop a build', () => {
    const odd = [
      { dataset: { pid: 'not-a-pid' }, config: {} },
      { dataset: { pid: '20.500.12345/1/x', inputDatasets: ['10.5281/zenodo.1', 'elsewhere'], scientificMetadata: { a: null, b: { c: [] } } }, config: { siteBaseUrl: 'https://x.example/' } },
      { dataset: { pid: '20.500.12345/1/y', creators: [{ name: '' }], keywords: [], techniques: [] }, config: { facility: { name: 'F' } } },
    ];
    for (const view of odd) {
      const e = exportDataset(view);
      expect(e.dataciteXml).toContain('<resource');
      expect(e.jsonLd.name).toBeTruthy();
    }
    const withDoiInput = exportDataset(odd[1]!);
    expect(withDoiInput.dataciteXml).toContain('<relatedIdentifier relatedIdentifierType="DOI" relationType="IsDerivedFrom" resourceTypeGeneral="Dataset">10.5281/zenodo.1</relatedIdentifier>');
    expect(withDoiInput.jsonLd.isBasedOn).toContainEqual({ '@type': 'Dataset', '@id': 'https://doi.org/10.5281/zenodo.1' });
    const p = exportPublication({ publication: { doi: '10.5072/x' }, config: {} });
    expect(p.dataciteXml).toContain('10.5072/x');
  });

  it.skipIf(!existsSync(XMLLINT) || !existsSync(DATACITE_XSD))('produce schema-valid DataCite XML', async () => {
    expect((await validateXml(exportPublication(publicationView).dataciteXml)).findings).toEqual([]);
  });
});
