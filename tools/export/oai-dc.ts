/**
 * The DataCite model in the two other OAI-PMH metadata formats that harvesters
 * (OpenAIRE, B2FIND) ask for (issue #6 §5): `oai_dc` (simple Dublin Core: one
 * dc element per DataCite property that has a Dublin Core counterpart,
 * identifiers and relations as resolvable URLs) and `oai_datacite`
 * (DataCite's OAI wrapper, schema oai-1.1, around the unaltered record).
 * `datacite` itself is toDataciteXml. All three are written with xmlbuilder2.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { doiUrl, handleUrl } from './common.ts';
import type { DataciteRecord, RelatedIdentifier } from './datacite-model.ts';
import { appendDataciteResource, el, type XmlOptions } from './datacite-xml.ts';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const OAI_DATACITE_NS = 'http://schema.datacite.org/oai/oai-1.1/';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** An identifier as a resolvable URL where its scheme has a resolver, else as written. */
function resolvable(id: string, type: string): string {
  if (/^https?:\/\//.test(id)) return id;
  if (type === 'DOI') return doiUrl(id);
  if (type === 'Handle') return handleUrl(id);
  return id;
}

const relation = (r: RelatedIdentifier): string => resolvable(r.relatedIdentifier, r.relatedIdentifierType);

/** Appends `<oai_dc:dc>` for a record under `parent`. */
export function appendOaiDc(parent: XMLBuilder, r: DataciteRecord): void {
  const root = parent
    .ele(OAI_DC_NS, 'oai_dc:dc')
    .att(XMLNS_NS, 'xmlns:dc', DC_NS)
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`);
  const seen = new Set<string>();
  const add = (name: string, value: string | undefined, lang?: string): void => {
    if (value === undefined || value.trim() === '') return;
    const key = `${name}\u0000${lang ?? ''}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    el(root, `dc:${name}`, value, { 'xml:lang': lang });
  };
  for (const t of r.titles) add('title', t.title, t.lang);
  for (const c of r.creators) add('creator', c.name, c.lang);
  for (const s of r.subjects ?? []) add('subject', s.subject, s.lang);
  for (const d of r.descriptions ?? []) add('description', d.description, d.lang);
  add('publisher', r.publisher.name, r.publisher.lang);
  for (const c of r.contributors ?? []) add('contributor', c.name, c.lang);
  add('date', r.publicationYear);
  for (const d of r.dates ?? []) add('date', d.date);
  add('type', r.types.resourceTypeGeneral);
  if (r.types.resourceType && r.types.resourceType !== r.types.resourceTypeGeneral) add('type', r.types.resourceType);
  for (const f of r.formats ?? []) add('format', f);
  for (const s of r.sizes ?? []) add('format', s);
  add('identifier', resolvable(r.doi, r.identifierType ?? 'DOI'));
  // Only alternate identifiers that resolve: a bare proposal number identifies nothing to a harvester.
  for (const a of r.alternateIdentifiers ?? [])
    if (/^(DOI|Handle|URL)$/.test(a.alternateIdentifierType)) add('identifier', resolvable(a.alternateIdentifier, a.alternateIdentifierType));
  if (r.url) add('identifier', r.url);
  add('language', r.language);
  for (const x of r.relatedIdentifiers ?? []) add('relation', relation(x));
  for (const g of r.geoLocations ?? []) add('coverage', g.geoLocationPlace);
  for (const x of r.rightsList ?? []) {
    add('rights', x.rights, x.lang);
    add('rights', x.rightsUri);
  }
}

/** A record as an `oai_dc` document (headless when it goes inside an OAI-PMH response). */
export function toOaiDc(r: DataciteRecord, options: XmlOptions = {}): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  appendOaiDc(doc, r);
  return doc.end({ prettyPrint: options.pretty ?? true, headless: options.headless ?? false });
}

/** Options for {@link toOaiDatacite}. */
export interface OaiDataciteOptions extends XmlOptions {
  /** The DataCite repository symbol (`datacentreSymbol`), e.g. `NORDLYS.DATA`. */
  datacentreSymbol: string;
}

/**
 * Appends `<oai_datacite>` (schema oai-1.1) holding the record's DataCite
 * resource under `parent`; `resource`, the record's `<resource>` already built
 * (dataciteResource in datacite-xml.ts), is imported instead of building it again.
 */
export function appendOaiDatacite(parent: XMLBuilder, r: DataciteRecord, datacentreSymbol: string, resource?: XMLBuilder): void {
  const root = parent
    .ele(OAI_DATACITE_NS, 'oai_datacite')
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_DATACITE_NS} http://schema.datacite.org/oai/oai-1.1/oai.xsd`);
  el(root, 'schemaVersion', '4.6');
  el(root, 'datacentreSymbol', datacentreSymbol);
  const payload = root.ele('payload');
  if (resource) payload.import(resource);
  else appendDataciteResource(payload, r);
}

/** A record as an `oai_datacite` document. */
export function toOaiDatacite(r: DataciteRecord, options: OaiDataciteOptions): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  appendOaiDatacite(doc, r, options.datacentreSymbol);
  return doc.end({ prettyPrint: options.pretty ?? true, headless: options.headless ?? false });
}
