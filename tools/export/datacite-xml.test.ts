import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DataciteXmlError, fromDataciteXml } from './datacite-xml-read.ts';
import { toDataciteXml } from './datacite-xml.ts';
import type { DataciteRecord } from './datacite-model.ts';
import { validateXml, XMLLINT } from './xsd.ts';

const here = dirname(fileURLToPath(import.meta.url));
const examplesDir = resolve(here, '../../../shared/corpus/datacite-examples');
const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.xml')).sort() : [];
const hasXmllint = existsSync(XMLLINT);

// Elements whose content is xs:float in kernel 4.6: "41.090" and "41.09" are the same value.
const FLOAT_ELEMENTS = new Set([
  'pointLatitude',
  'pointLongitude',
  'westBoundLongitude',
  'eastBoundLongitude',
  'southBoundLatitude',
  'northBoundLatitude',
]);

/**
 * A canonical tree of a DataCite document, for comparing two of them: comments,
 * namespace declarations and xsi:schemaLocation dropped, whitespace-only text
 * dropped, floats as numbers, and object keys sorted. Same-named siblings keep
 * their order (it is meaningful); differently named siblings lose theirs, as the
 * schema's xs:all allows any order.
 */
function canonical(xml: string): unknown {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    htmlEntities: true,
    isArray: (_n, _p, _l, isAttribute) => !isAttribute,
  }).parse(xml) as unknown;
  const walk = (node: unknown, name: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, name));
    if (typeof node !== 'object' || node === null) {
      const s = String(node);
      return FLOAT_ELEMENTS.has(name) ? Number(s) : s;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node).sort()) {
      if (key.startsWith('@xmlns') || key === '@xsi:schemaLocation') continue;
      out[key] = walk((node as Record<string, unknown>)[key], key);
    }
    return out;
  };
  return walk(parsed, '');
}

describe.skipIf(examples.length === 0)(`official DataCite 4.6 examples (need ${examplesDir})`, () => {
  it('finds all seven examples', () => {
    expect(examples).toHaveLength(7);
  });

  it.each(examples)('%s reads into the model and writes back equivalent XML', (file) => {
    const xml = readFileSync(resolve(examplesDir, file), 'utf8');
    const model = fromDataciteXml(xml);
    const written = toDataciteXml(model);
    expect(canonical(written)).toEqual(canonical(xml));
    // And the model is a fixed point: reading what we wrote gives the same model.
    expect(fromDataciteXml(written)).toEqual(model);
  });

  it.skipIf(!hasXmllint).each(examples)('%s validates against kernel 4.6 as-is and after the round trip', async (file) => {
    const xml = readFileSync(resolve(examplesDir, file), 'utf8');
    const before = await validateXml(xml, undefined, file);
    expect(before.findings).toEqual([]);
    expect(before.valid).toBe(true);
    const after = await validateXml(toDataciteXml(fromDataciteXml(xml)), undefined, file);
    expect(after.findings).toEqual([]);
    expect(after.valid).toBe(true);
  });

  it('reads the full example into every part of the model', () => {
    const m = fromDataciteXml(readFileSync(resolve(examplesDir, 'datacite-example-full-v4.xml'), 'utf8'));
    expect(m.doi).toBe('10.82433/B09Z-4K37');
    expect(m.creators[0]).toEqual({
      name: 'ExampleFamilyName, ExampleGivenName',
      nameType: 'Personal',
      givenName: 'ExampleGivenName',
      familyName: 'ExampleFamilyName',
      nameIdentifiers: [{ nameIdentifier: 'https://orcid.org/0000-0001-5727-2427', nameIdentifierScheme: 'ORCID', schemeUri: 'https://orcid.org' }],
      affiliation: [
        { name: 'ExampleAffiliation', affiliationIdentifier: 'https://ror.org/04wxnsj81', affiliationIdentifierScheme: 'ROR', schemeUri: 'https://ror.org' },
      ],
    });
    expect(m.creators[1]?.lang).toBe('en');
    expect(m.titles.find((t) => t.titleType === 'TranslatedTitle')).toEqual({ title: 'Example TranslatedTitle', titleType: 'TranslatedTitle', lang: 'fr' });
    expect(m.publisher).toEqual({
      name: 'Example Publisher',
      publisherIdentifier: 'https://ror.org/04z8jg394',
      publisherIdentifierScheme: 'ROR',
      schemeUri: 'https://ror.org/',
      lang: 'en',
    });
    expect(m.contributors).toHaveLength(22);
    expect(m.relatedIdentifiers).toHaveLength(38);
    expect(m.dates?.find((d) => d.dateType === 'Other')?.dateInformation).toBe('ExampleDateInformation');
    expect(m.geoLocations?.[0]?.geoLocationPolygons?.[0]?.polygonPoints).toHaveLength(5);
    expect(m.geoLocations?.[0]?.geoLocationBox?.southBoundLatitude).toBe(49.195);
    expect(m.fundingReferences?.[0]?.awardUri).toBe('https://example.com/example-award-uri');
    expect(m.relatedItems?.[0]?.number).toBe('1');
    expect(m.relatedItems?.[0]?.numberType).toBe('Other');
    expect(m.relatedItems?.[0]?.contributors?.[0]?.contributorType).toBe('Other');
    expect(m.rightsList?.[0]?.rightsIdentifier).toBe('CC-BY-4.0');
  });

  it('keeps every language of the multilingual example', () => {
    const m = fromDataciteXml(readFileSync(resolve(examplesDir, 'datacite-example-multilingual-v4.xml'), 'utf8'));
    expect(m.titles.map((t) => t.lang)).toEqual(['en', 'es', 'zh']);
    expect(m.descriptions?.map((d) => d.lang)).toEqual(['en', 'es', 'zh']);
    expect(m.subjects?.[2]).toEqual({ subject: '化学', lang: 'zh' });
    expect(m.types).toEqual({ resourceTypeGeneral: 'BookChapter', resourceType: '' });
  });
});

describe('toDataciteXml', () => {
  const minimal: DataciteRecord = {
    doi: '10.5072/x',
    creators: [{ name: 'Doe, Jane' }],
    titles: [{ title: 'A </title> & <b>bold</b> "title"' }],
    publisher: { name: 'P' },
    publicationYear: '2024',
    types: { resourceTypeGeneral: 'Dataset' },
    descriptions: [{ description: 'line one\nline two', descriptionType: 'Abstract' }],
  };

  it('leaves out the XML declaration when asked, for embedding in OAI-PMH', () => {
    expect(toDataciteXml(minimal)).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    const bare = toDataciteXml(minimal, { headless: true });
    expect(bare).toMatch(/^<resource xmlns="http:\/\/datacite\.org\/schema\/kernel-4"/);
    expect(fromDataciteXml(bare)).toEqual(fromDataciteXml(toDataciteXml(minimal)));
  });

  it('escapes markup in values so they stay text', () => {
    const xml = toDataciteXml(minimal);
    expect(xml).toContain('A &lt;/title&gt; &amp; &lt;b&gt;bold&lt;/b&gt; "title"');
    expect(fromDataciteXml(xml).titles[0]?.title).toBe(minimal.titles[0]?.title);
  });

  it('keeps newlines in descriptions, and reads <br/> as a newline', () => {
    const xml = toDataciteXml(minimal);
    expect(xml).toContain('>line one\nline two</description>');
    expect(fromDataciteXml(xml).descriptions?.[0]?.description).toBe('line one\nline two');
    const withBr = xml.replace('line one\nline two', 'line one<br/>line two');
    expect(fromDataciteXml(withBr).descriptions?.[0]?.description).toBe('line one\nline two');
  });

  it('decodes character references and does not decode twice', () => {
    const xml = toDataciteXml(minimal).replace('<publisher>P</publisher>', '<publisher>Caf&#233; &amp;#233; &#x41;</publisher>');
    expect(fromDataciteXml(xml).publisher.name).toBe('Café &#233; A');
  });

  it('drops characters XML 1.0 cannot carry instead of failing', () => {
    const xml = toDataciteXml({ ...minimal, titles: [{ title: 'bell\u0007 here' }] });
    expect(fromDataciteXml(xml).titles[0]?.title).toBe('bell here');
  });

  it('reads a document whose elements carry a namespace prefix', () => {
    const xml = toDataciteXml(minimal).replace(/<(\/?)(?!\?)([A-Za-z]+)/g, '<$1dc:$2').replace('xmlns=', 'xmlns:dc=');
    expect(xml).toContain('<dc:resource');
    expect(fromDataciteXml(xml).titles[0]?.title).toBe(minimal.titles[0]?.title);
  });
});

describe('fromDataciteXml on bad input', () => {
  it('names the line of a well-formedness error', () => {
    expect(() => fromDataciteXml('<resource>\n<identifier>\n</resource>')).toThrow(DataciteXmlError);
    expect(() => fromDataciteXml('<resource>\n<identifier>\n</resource>')).toThrow(/line 3/);
  });

  it('says which required property is missing', () => {
    const xml = '<resource xmlns="http://datacite.org/schema/kernel-4"><identifier identifierType="DOI">10.5072/x</identifier></resource>';
    expect(() => fromDataciteXml(xml)).toThrow(/<publisher>/);
  });

  it('rejects a document that is not DataCite', () => {
    expect(() => fromDataciteXml('<html><body/></html>')).toThrow(/expected a <resource> root element/);
  });
});
