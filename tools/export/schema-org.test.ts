import { describe, expect, it } from 'vitest';
import { config, datasetView, derivedDataset, publicationView, rawDataset } from './fixtures/records.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, datasetToSchemaOrg, fitDescription, jsonLdForScript, publicationToSchemaOrg } from './schema-org.ts';

// Google Dataset Search: required and recommended properties
// (https://developers.google.com/search/docs/appearance/structured-data/dataset).
const REQUIRED = ['name', 'description'];
const RECOMMENDED_FOR_DATASETS = [
  'identifier',
  'url',
  'creator',
  'license',
  'keywords',
  'temporalCoverage',
  'variableMeasured',
  'distribution',
  'includedInDataCatalog',
  'isAccessibleForFree',
  'measurementTechnique',
  'funder',
  'isPartOf',
];

describe('datasetToSchemaOrg', () => {
  const ld = datasetToSchemaOrg(datasetView);

  it('is a schema.org Dataset with every required and recommended property', () => {
    expect(ld['@context']).toBe('https://schema.org/');
    expect(ld['@type']).toBe('Dataset');
    for (const p of [...REQUIRED, ...RECOMMENDED_FOR_DATASETS]) expect(ld, p).toHaveProperty(p);
    const d = ld.description as string;
    expect(d.length).toBeGreaterThanOrEqual(DESCRIPTION_MIN);
    expect(d.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(d).not.toContain('**');
  });

  it('identifies creators by ORCID and affiliations by ROR', () => {
    expect((ld.creator as unknown[])[0]).toEqual({
      '@type': 'Person',
      '@id': 'https://orcid.org/0000-0002-1825-010X',
      sameAs: 'https://orcid.org/0000-0002-1825-010X',
      name: 'Ingrid Halvorsen',
      givenName: 'Ingrid',
      familyName: 'Halvorsen',
      affiliation: { '@type': 'Organization', '@id': 'https://ror.org/04gk8m166', name: 'Vesterby University, Department of Physics' },
    });
  });

  it('describes licence, technique, variables, download and catalogue', () => {
    expect(ld.license).toBe('https://spdx.org/licenses/CC-BY-4.0.html');
    expect(ld.isAccessibleForFree).toBe(true);
    expect(ld.temporalCoverage).toBe('2024-03-12T13:58:02+01:00/2024-03-12T14:05:31+01:00');
    expect(ld.measurementTechnique).toEqual([
      {
        '@type': 'DefinedTerm',
        name: 'x-ray photoelectron spectroscopy',
        termCode: 'PaNET01204',
        url: 'http://purl.org/pan-science/PaNET/PaNET01204',
        inDefinedTermSet: 'http://purl.org/pan-science/PaNET/',
      },
    ]);
    expect(ld.variableMeasured).toContainEqual({ '@type': 'PropertyValue', name: 'Photon energy', propertyID: 'photon_energy', value: 520, unitText: 'eV' });
    expect(ld.variableMeasured).toContainEqual({
      '@type': 'PropertyValue',
      name: 'Binding energy range',
      propertyID: 'binding_energy',
      minValue: 361,
      maxValue: 379,
      unitText: 'eV',
    });
    expect(ld.variableMeasured).toContainEqual({ '@type': 'PropertyValue', name: 'analyser/model', propertyID: 'analyser/model', value: 'Scienta R3000' });
    expect(ld.distribution).toEqual([
      {
        '@type': 'DataDownload',
        contentUrl: 'https://files.nordlys-synchrotron.example/20240017/ses-0001.zip',
        encodingFormat: 'Scienta SES text',
        contentSize: '24892 B',
      },
    ]);
    expect(ld.includedInDataCatalog).toEqual({ '@type': 'DataCatalog', name: 'Nordlys Synchrotron data catalogue', url: 'https://data.nordlys-synchrotron.example/' });
    expect(ld.identifier).toEqual(['https://hdl.handle.net/20.500.12345/20240017/ses-0001']);
    expect(ld.spatialCoverage).toEqual([
      { '@type': 'Place', name: 'Nordlys Synchrotron, Tromsø, Norway', geo: { '@type': 'GeoCoordinates', latitude: 69.6496, longitude: 18.9553 } },
    ]);
  });

  it('offers no download and says so when the data are not public', () => {
    const closed = datasetToSchemaOrg({ ...datasetView, dataset: { ...rawDataset, access: { status: 'restricted' } } });
    expect(closed.isAccessibleForFree).toBe(false);
    expect(closed).not.toHaveProperty('distribution');
  });

  it('completes a too-short description from what the record says', () => {
    const short = datasetToSchemaOrg({ dataset: { ...derivedDataset, description: 'Fit.' }, config });
    expect((short.description as string).length).toBeGreaterThanOrEqual(DESCRIPTION_MIN);
    expect(short.description).toMatch(/^Fit\. Derived data "Peak fit of Ag 3d" at Nordlys Synchrotron\./);
    expect(short.identifier).toEqual(['https://doi.org/10.5072/shelfmark.fit0-0001', 'https://hdl.handle.net/20.500.12345/20240017/fit-0001']);
    expect(short.citation).toEqual(['https://doi.org/10.5072/paper.1234', 'https://github.com/example/fitter/releases/tag/v1.2']);
  });
});

describe('datasetToSchemaOrg without people', () => {
  it('names the facility as creator, as the DataCite record does', () => {
    const ld = datasetToSchemaOrg({ dataset: { pid: '20.500.12345/1/x' }, config });
    expect(ld.creator).toEqual([
      { '@type': 'Organization', '@id': 'https://ror.org/07nq3k246', name: 'Nordlys Synchrotron', url: 'https://www.nordlys-synchrotron.example/' },
    ]);
  });
});

describe('fitDescription', () => {
  it('cuts a long description at a word boundary within 5000 characters', () => {
    const long = 'word '.repeat(2000);
    const fitted = fitDescription(long, '');
    expect(fitted.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(fitted.length).toBeGreaterThan(DESCRIPTION_MAX - 200);
    expect(fitted.endsWith('word…')).toBe(true);
  });

  it('keeps a description already in range untouched', () => {
    const ok = 'A description that is comfortably longer than fifty characters.';
    expect(fitDescription(ok, 'context')).toBe(ok);
  });
});

describe('publicationToSchemaOrg', () => {
  const ld = publicationToSchemaOrg(publicationView);

  it('is a Dataset identified by its DOI that has its member datasets as parts', () => {
    expect(ld['@id']).toBe('https://doi.org/10.5072/shelfmark.4k7q-2m9d');
    expect(ld.identifier).toBe('https://doi.org/10.5072/shelfmark.4k7q-2m9d');
    expect(ld.version).toBe('2');
    expect(ld.hasPart).toEqual([
      { '@type': 'Dataset', '@id': 'https://data.nordlys-synchrotron.example/datasets/20240017/ses-0001/', name: 'Ag 3d core level of a sputtered Ag(111) crystal' },
      { '@type': 'Dataset', '@id': 'https://data.nordlys-synchrotron.example/datasets/20240017/fit-0001/', name: 'Peak fit of Ag 3d' },
    ]);
    const own = publicationToSchemaOrg({ ...publicationView, datasets: [], publication: { ...publicationView.publication, rights: [{ rightsIdentifier: 'CC0-1.0' }] } });
    expect(own.license).toBe('https://spdx.org/licenses/CC0-1.0.html');
    for (const p of [...REQUIRED, 'creator', 'license', 'keywords', 'url', 'includedInDataCatalog', 'measurementTechnique']) expect(ld, p).toHaveProperty(p);
  });
});

describe('jsonLdForScript', () => {
  const hostile = { name: 'x</script><script>alert(1)</script>', d: '<!-- & -->', ls: 'a\u2028b\u2029c' };

  it('leaves no character that could end the script element or open a comment', () => {
    const text = jsonLdForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain('</script');
    expect(text).toContain('\\u003c/script\\u003e');
  });

  it('still parses to the same data', () => {
    expect(JSON.parse(jsonLdForScript(hostile))).toEqual(hostile);
    const ld = datasetToSchemaOrg({ ...datasetView, dataset: { ...rawDataset, datasetName: 'Ag </script> & co' } });
    expect(JSON.parse(jsonLdForScript(ld))).toEqual(ld);
  });
});

describe('snapshots', () => {
  it('dataset JSON-LD', async () => {
    await expect(`${JSON.stringify(datasetToSchemaOrg(datasetView), null, 2)}\n`).toMatchFileSnapshot('__snapshots__/dataset.schema-org.jsonld');
  });
});
