import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetToDatacite, publicationToDatacite } from './datacite-from-records.ts';
import { toDataciteJson } from './datacite-json.ts';
import { fromDataciteXml } from './datacite-xml-read.ts';
import { toDataciteXml } from './datacite-xml.ts';
import { config, datasetView, derivedDataset, publicationView, rawDataset } from './fixtures/records.ts';
import { DATACITE_XSD, validateXml, XMLLINT } from './xsd.ts';

const canValidate = existsSync(XMLLINT) && existsSync(DATACITE_XSD);

describe('datasetToDatacite', () => {
  const m = datasetToDatacite(datasetView);

  it('identifies a dataset without a DOI by its Handle pid, and one with a DOI by the DOI', () => {
    expect(m.doi).toBe(rawDataset.pid);
    expect(m.identifierType).toBe('Handle');
    const withDoi = datasetToDatacite({ dataset: derivedDataset, config });
    expect(withDoi).toMatchObject({ doi: '10.5072/shelfmark.fit0-0001', identifierType: 'DOI' });
    expect(withDoi.alternateIdentifiers).toContainEqual({ alternateIdentifier: derivedDataset.pid, alternateIdentifierType: 'Handle' });
  });

  it('gives creators their ORCID and their affiliation its ROR id', () => {
    expect(m.creators[0]).toEqual({
      name: 'Halvorsen, Ingrid',
      nameType: 'Personal',
      givenName: 'Ingrid',
      familyName: 'Halvorsen',
      nameIdentifiers: [{ nameIdentifier: 'https://orcid.org/0000-0002-1825-010X', nameIdentifierScheme: 'ORCID', schemeUri: 'https://orcid.org' }],
      affiliation: [
        {
          name: 'Vesterby University, Department of Physics',
          affiliationIdentifier: 'https://ror.org/04gk8m166',
          affiliationIdentifierScheme: 'ROR',
          schemeUri: 'https://ror.org',
        },
      ],
    });
    // A creator without ORCID or ROR gets neither, rather than an empty identifier.
    expect(m.creators[2]).toEqual({ name: 'Berg, Johan', nameType: 'Personal', givenName: 'Johan', familyName: 'Berg', affiliation: [{ name: 'Kattegat Institute of Technology' }] });
  });

  it('fills publisher (with ROR), year, type, rights, subjects, dates, sizes and formats', () => {
    expect(m.publisher).toEqual({
      name: 'Nordlys Synchrotron',
      publisherIdentifier: 'https://ror.org/07nq3k246',
      publisherIdentifierScheme: 'ROR',
      schemeUri: 'https://ror.org/',
    });
    // Public since the end of the embargo (2025), though recorded in 2024.
    expect(m.publicationYear).toBe('2025');
    expect(m.types).toEqual({ resourceTypeGeneral: 'Dataset', resourceType: 'Raw data' });
    expect(m.rightsList).toEqual([
      {
        rights: 'CC-BY-4.0',
        rightsUri: 'https://spdx.org/licenses/CC-BY-4.0.html',
        rightsIdentifier: 'CC-BY-4.0',
        rightsIdentifierScheme: 'SPDX',
        schemeUri: 'https://spdx.org/licenses/',
      },
      { rights: 'Open Access', rightsUri: 'info:eu-repo/semantics/openAccess' },
    ]);
    expect(m.subjects?.[0]).toEqual({
      subject: 'x-ray photoelectron spectroscopy',
      subjectScheme: 'PaNET',
      schemeUri: 'http://purl.org/pan-science/PaNET/',
      valueUri: 'http://purl.org/pan-science/PaNET/PaNET01204',
    });
    expect(m.subjects?.map((s) => s.subject)).toContain('silver');
    expect(m.dates).toEqual([
      { date: '2024-03-12', dateType: 'Collected' },
      { date: '2024-03-12', dateType: 'Created' },
      { date: '2025-03-12', dateType: 'Available' },
    ]);
    expect(m.sizes).toEqual(['24892 bytes', '2 files']);
    expect(m.formats).toEqual(['Scienta SES text', 'text/plain', 'application/octet-stream']);
    expect(m.url).toBe('https://data.nordlys-synchrotron.example/datasets/20240017/ses-0001/');
  });

  it('links publications, derived datasets, the instrument and the funding', () => {
    expect(m.relatedIdentifiers).toEqual(
      expect.arrayContaining([
        { relatedIdentifier: '10.5072/shelfmark.4k7q-2m9d', relatedIdentifierType: 'DOI', relationType: 'IsPartOf', resourceTypeGeneral: 'Dataset' },
        { relatedIdentifier: '20.500.12345/20240017/fit-0001', relatedIdentifierType: 'Handle', relationType: 'IsSourceOf', resourceTypeGeneral: 'Dataset' },
        {
          relatedIdentifier: 'https://data.nordlys-synchrotron.example/instruments/flexpes/',
          relatedIdentifierType: 'URL',
          relationType: 'IsCollectedBy',
          resourceTypeGeneral: 'Instrument',
        },
      ]),
    );
    expect(m.fundingReferences).toEqual([
      {
        funderName: 'Swedish Research Council',
        funderIdentifier: 'https://doi.org/10.13039/501100004359',
        funderIdentifierType: 'Crossref Funder ID',
        awardNumber: '2022-03817',
      },
    ]);
  });

  it('says a derived dataset IsDerivedFrom its inputs and keeps only valid DataCite relations', () => {
    const d = datasetToDatacite({ dataset: derivedDataset, config });
    expect(d.types.resourceType).toBe('Derived data');
    expect(d.relatedIdentifiers).toEqual([
      { relatedIdentifier: '20.500.12345/20240017/ses-0001', relatedIdentifierType: 'Handle', relationType: 'IsDerivedFrom', resourceTypeGeneral: 'Dataset' },
      { relatedIdentifier: '10.5072/paper.1234', relatedIdentifierType: 'DOI', relationType: 'IsSupplementTo' },
      { relatedIdentifier: 'https://github.com/example/fitter/releases/tag/v1.2', relatedIdentifierType: 'URL', relationType: 'IsDocumentedBy' },
    ]);
  });

  it('states the access level the way OpenAIRE reads it', () => {
    const rights = (status: 'public' | 'embargoed' | 'restricted') =>
      datasetToDatacite({ ...datasetView, dataset: { ...rawDataset, access: { status } } }).rightsList?.at(-1)?.rightsUri;
    expect(rights('public')).toBe('info:eu-repo/semantics/openAccess');
    expect(rights('embargoed')).toBe('info:eu-repo/semantics/embargoedAccess');
    expect(rights('restricted')).toBe('info:eu-repo/semantics/restrictedAccess');
  });

  it('credits the facility when a dataset names no person', () => {
    const d = datasetToDatacite({ dataset: { pid: '20.500.12345/20240017/x', datasetName: 'x', creationTime: '2024-01-01T00:00:00Z' }, config });
    expect(d.creators).toEqual([
      {
        name: 'Nordlys Synchrotron',
        nameType: 'Organizational',
        nameIdentifiers: [{ nameIdentifier: 'https://ror.org/07nq3k246', nameIdentifierScheme: 'ROR', schemeUri: 'https://ror.org' }],
      },
    ]);
  });

  it('carries the geoLocation the caller knows', () => {
    expect(m.geoLocations).toEqual([
      { geoLocationPlace: 'Nordlys Synchrotron, Tromsø, Norway', geoLocationPoint: { pointLatitude: 69.6496, pointLongitude: 18.9553 } },
    ]);
  });

  it('round-trips through XML unchanged (apart from the url, which XML does not carry)', () => {
    const { url: _url, ...rest } = m;
    expect(fromDataciteXml(toDataciteXml(m))).toEqual(rest);
  });
});

describe('publicationToDatacite', () => {
  const m = publicationToDatacite(publicationView);

  it('lists the member datasets as HasPart, by DOI where they have one', () => {
    const parts = m.relatedIdentifiers?.filter((r) => r.relationType === 'HasPart');
    expect(parts).toEqual([
      { relatedIdentifier: '20.500.12345/20240017/ses-0001', relatedIdentifierType: 'Handle', relationType: 'HasPart', resourceTypeGeneral: 'Dataset' },
      { relatedIdentifier: '10.5072/shelfmark.fit0-0001', relatedIdentifierType: 'DOI', relationType: 'HasPart', resourceTypeGeneral: 'Dataset' },
    ]);
  });

  it('points a version at its concept DOI, and the concept at every version', () => {
    expect(m.relatedIdentifiers).toContainEqual({ relatedIdentifier: '10.5072/shelfmark.conc-ept0', relatedIdentifierType: 'DOI', relationType: 'IsVersionOf' });
    expect(m.relatedIdentifiers?.some((r) => r.relationType === 'HasVersion')).toBe(false);
    const concept = publicationToDatacite({
      ...publicationView,
      publication: { ...publicationView.publication, doi: '10.5072/shelfmark.conc-ept0', conceptDoi: undefined, version: undefined },
    });
    expect(concept.relatedIdentifiers?.filter((r) => r.relationType === 'HasVersion').map((r) => r.relatedIdentifier)).toEqual([
      '10.5072/shelfmark.4k7q-2m9d',
    ]);
    expect(concept.relatedIdentifiers?.some((r) => r.relationType === 'IsVersionOf')).toBe(false);
  });

  it('completes rights from the SPDX id and gathers subjects, dates and formats from the members', () => {
    expect(m.rightsList).toEqual([
      {
        rights: 'Creative Commons Attribution 4.0 International',
        rightsUri: 'https://spdx.org/licenses/CC-BY-4.0.html',
        rightsIdentifier: 'CC-BY-4.0',
        rightsIdentifierScheme: 'SPDX',
        schemeUri: 'https://spdx.org/licenses/',
      },
      { rights: 'Open Access', rightsUri: 'info:eu-repo/semantics/openAccess' },
    ]);
    expect(m.subjects?.map((s) => s.subject)).toEqual(['x-ray photoelectron spectroscopy', 'silver', 'core level', 'reference']);
    expect(m.dates).toContainEqual({ date: '2024-03-12', dateType: 'Collected' });
    expect(m.descriptions?.[0]?.descriptionType).toBe('Abstract');
    const md = publicationToDatacite({
      ...publicationView,
      publication: { ...publicationView.publication, abstract: undefined, descriptions: [{ description: 'Fit with *two* [Voigt](https://x.example) peaks.', descriptionType: 'Methods' }] },
    });
    expect(md.descriptions).toEqual([{ description: 'Fit with two Voigt peaks.', descriptionType: 'Methods' }]);
    expect(m.version).toBe('2');
    expect(m.publicationYear).toBe('2025');
    expect(m.url).toBe('https://data.nordlys-synchrotron.example/doi/10.5072/shelfmark.4k7q-2m9d/');
  });
});

describe('DataCite JSON', () => {
  it('is a JSON:API dois document with the REST attribute names', () => {
    const doc = toDataciteJson(publicationToDatacite(publicationView), 'publish');
    expect(doc.data.type).toBe('dois');
    expect(doc.data.id).toBe('10.5072/shelfmark.4k7q-2m9d');
    const a = doc.data.attributes;
    expect(a.event).toBe('publish');
    expect(a.schemaVersion).toBe('http://datacite.org/schema/kernel-4');
    expect(a.doi).toBe('10.5072/shelfmark.4k7q-2m9d');
    expect(a.publisher).toEqual({ name: 'Nordlys Synchrotron', publisherIdentifier: 'https://ror.org/07nq3k246', publisherIdentifierScheme: 'ROR', schemeUri: 'https://ror.org/' });
    expect(a.types).toEqual({ resourceTypeGeneral: 'Dataset', resourceType: 'Dataset' });
    expect(a.url).toBe('https://data.nordlys-synchrotron.example/doi/10.5072/shelfmark.4k7q-2m9d/');
    expect(a).not.toHaveProperty('identifierType');
    expect(a.creators).toEqual(expect.arrayContaining([expect.objectContaining({ nameIdentifiers: [expect.objectContaining({ nameIdentifierScheme: 'ORCID' })] })]));
  });

  it('puts a Handle-only dataset under identifiers, never under doi', () => {
    const doc = toDataciteJson(datasetToDatacite(datasetView));
    expect(doc.data).not.toHaveProperty('id');
    expect(doc.data.attributes).not.toHaveProperty('doi');
    expect(doc.data.attributes.identifiers).toEqual([{ identifier: '20.500.12345/20240017/ses-0001', identifierType: 'Handle' }]);
  });

  it('writes geoLocation polygons in the REST shape', () => {
    const pt = (lat: number, lon: number) => ({ pointLatitude: lat, pointLongitude: lon });
    const record = {
      ...publicationToDatacite(publicationView),
      geoLocations: [{ geoLocationPlace: 'Lund', geoLocationPolygons: [{ polygonPoints: [pt(1, 1), pt(1, 2), pt(2, 2), pt(1, 1)], inPolygonPoint: pt(1.5, 1.6) }] }],
    };
    const g = (toDataciteJson(record).data.attributes.geoLocations as Record<string, unknown>[])[0];
    expect(g).toEqual({
      geoLocationPlace: 'Lund',
      geoLocationPolygon: [
        { polygonPoint: pt(1, 1) },
        { polygonPoint: pt(1, 2) },
        { polygonPoint: pt(2, 2) },
        { polygonPoint: pt(1, 1) },
        { inPolygonPoint: pt(1.5, 1.6) },
      ],
    });
  });
});

describe.skipIf(!canValidate)(`DataCite XML of Shelfmark records validates against kernel 4.6 (needs ${XMLLINT} and ${DATACITE_XSD})`, () => {
  it.each([
    ['raw dataset', () => datasetToDatacite(datasetView)],
    ['derived dataset with a DOI', () => datasetToDatacite({ dataset: derivedDataset, config })],
    ['publication', () => publicationToDatacite(publicationView)],
    ['minimal dataset', () => datasetToDatacite({ dataset: { pid: '20.500.12345/1/x' }, config: {} })],
  ])('%s', async (_name, build) => {
    const result = await validateXml(toDataciteXml(build()));
    expect(result.findings).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('snapshots', () => {
  it('dataset DataCite XML', async () => {
    await expect(toDataciteXml(datasetToDatacite(datasetView))).toMatchFileSnapshot('__snapshots__/dataset.datacite.xml');
  });
  it('publication DataCite XML', async () => {
    await expect(toDataciteXml(publicationToDatacite(publicationView))).toMatchFileSnapshot('__snapshots__/publication.datacite.xml');
  });
  it('dataset DataCite JSON', async () => {
    await expect(`${JSON.stringify(toDataciteJson(datasetToDatacite(datasetView)), null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/dataset.datacite.json',
    );
  });
});
