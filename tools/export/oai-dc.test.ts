import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetToDatacite, publicationToDatacite } from './datacite-from-records.ts';
import { fromDataciteXml } from './datacite-xml-read.ts';
import { datasetView, publicationView } from './fixtures/records.ts';
import { create } from 'xmlbuilder2';
import { dataciteResource, dataciteResourceXml, toDataciteXml } from './datacite-xml.ts';
import { appendOaiDatacite, toOaiDatacite, toOaiDc } from './oai-dc.ts';
import { CORPUS_DIR, DATACITE_XSD, validateXml, XMLLINT } from './xsd.ts';

const oaiXsd = resolve(CORPUS_DIR, 'oai-pmh-xsd');
const ready = existsSync(XMLLINT) && existsSync(join(oaiXsd, 'oai_dc.xsd')) && existsSync(DATACITE_XSD);
const dataset = datasetToDatacite(datasetView);

describe('toOaiDc', () => {
  const xml = toOaiDc(dataset);

  it('crosswalks the DataCite record to simple Dublin Core', () => {
    expect(xml).toContain('<dc:title>Ag 3d core level of a sputtered Ag(111) crystal</dc:title>');
    expect(xml).toContain('<dc:creator>Halvorsen, Ingrid</dc:creator>');
    expect(xml).toContain('<dc:identifier>https://hdl.handle.net/20.500.12345/20240017/ses-0001</dc:identifier>');
    expect(xml).toContain('<dc:relation>https://doi.org/10.5072/shelfmark.4k7q-2m9d</dc:relation>');
    expect(xml).toContain('<dc:rights>info:eu-repo/semantics/openAccess</dc:rights>');
    expect(xml).toContain('<dc:type>Dataset</dc:type>');
    // The proposal number does not resolve, so harvesters do not get it as an identifier.
    expect(xml).not.toContain('<dc:identifier>20240017</dc:identifier>');
  });

  it('writes each value once', () => {
    expect(xml.match(/<dc:date>2024-03-12<\/dc:date>/g)).toHaveLength(1);
  });

  it('leaves out the declaration for embedding', () => {
    expect(toOaiDc(dataset, { headless: true })).toMatch(/^<oai_dc:dc /);
  });
});

describe('toOaiDatacite', () => {
  it('wraps the unaltered DataCite resource', () => {
    const xml = toOaiDatacite(publicationToDatacite(publicationView), { datacentreSymbol: 'NORDLYS.DATA' });
    expect(xml).toContain('<datacentreSymbol>NORDLYS.DATA</datacentreSymbol>');
    const inner = /<resource [\s\S]*<\/resource>/.exec(xml)?.[0] ?? '';
    const { url: _url, ...expected } = publicationToDatacite(publicationView);
    expect(fromDataciteXml(inner)).toEqual(expected);
  });

  it('writes the same record from a <resource> built before (for datacite.xml) as from the model', () => {
    for (const record of [publicationToDatacite(publicationView), dataset]) {
      const resource = dataciteResource(record);
      const imported = create({ version: '1.0', encoding: 'UTF-8' });
      appendOaiDatacite(imported, { ...record, titles: [{ title: 'not read when the resource is given' }] }, 'NORDLYS.DATA', resource);
      expect(imported.end({ prettyPrint: true })).toBe(toOaiDatacite(record, { datacentreSymbol: 'NORDLYS.DATA' }));
      // The element is copied, so datacite.xml can still be written from it afterwards.
      expect(dataciteResourceXml(resource)).toBe(toDataciteXml(record));
    }
  });
});

describe.skipIf(!ready)(`schema validation (needs ${XMLLINT} and ${oaiXsd})`, () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shelfmark-oai-'));
    // oai_dc.xsd imports Simple DC over the network; point it at the corpus copy (see corpus SOURCES.md).
    const oaiDc = readFileSync(join(oaiXsd, 'oai_dc.xsd'), 'utf8').replace(
      'http://dublincore.org/schemas/xmls/simpledc20021212.xsd',
      join(oaiXsd, 'simpledc20021212.xsd'),
    );
    await writeFile(join(dir, 'oai_dc.xsd'), oaiDc);
    // oai_datacite's payload is open content, so the resource is checked when kernel 4.6 is loaded beside it.
    await writeFile(
      join(dir, 'oai_datacite.xsd'),
      `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:shelfmark:test">
  <xs:import namespace="http://schema.datacite.org/oai/oai-1.1/" schemaLocation="${join(oaiXsd, 'datacite-oai-1.1', 'oai.xsd')}"/>
  <xs:import namespace="http://datacite.org/schema/kernel-4" schemaLocation="${DATACITE_XSD}"/>
</xs:schema>
`,
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['dataset', () => dataset],
    ['publication', () => publicationToDatacite(publicationView)],
  ])('oai_dc of a %s validates against oai_dc.xsd', async (_name, record) => {
    expect((await validateXml(toOaiDc(record()), join(dir, 'oai_dc.xsd'))).findings).toEqual([]);
  });

  it('oai_datacite validates against oai-1.1 with kernel 4.6 inside', async () => {
    const good = toOaiDatacite(dataset, { datacentreSymbol: 'NORDLYS.DATA' });
    expect((await validateXml(good, join(dir, 'oai_datacite.xsd'))).findings).toEqual([]);
    // The payload really is checked: a bad resourceTypeGeneral inside it fails.
    const bad = good.replace('resourceTypeGeneral="Dataset"', 'resourceTypeGeneral="Nonsense"');
    expect((await validateXml(bad, join(dir, 'oai_datacite.xsd'))).valid).toBe(false);
  });
});
