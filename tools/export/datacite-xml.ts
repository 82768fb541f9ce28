/**
 * DataCite XML (kernel 4.6) from the model, through xmlbuilder2 (never string
 * concatenation), so every value is escaped by the library. The reverse is in
 * datacite-xml-read.ts.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import {
  DATACITE_NS,
  DATACITE_SCHEMA_LOCATION,
  type Creator,
  type DataciteRecord,
  type GeoPoint,
  type RelatedItem,
  type RelatedItemPerson,
  type Title,
} from './datacite-model.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

// Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR,
// lone surrogates, U+FFFE/FFFF). Dropping them beats failing a whole build.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string): string => s.replace(NOT_XML_CHAR, '');

type Attrs = Record<string, string | number | undefined>;

/** Adds `<name attrs>text</name>` under parent, skipping undefined attributes; xml:lang gets its namespace. */
export function el(parent: XMLBuilder, name: string, text?: string | number, attrs: Attrs = {}): XMLBuilder {
  const e = parent.ele(name);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'xml:lang') e.att(XML_NS, 'xml:lang', clean(String(v)));
    else e.att(k, clean(String(v)));
  }
  if (text !== undefined && text !== '') e.txt(clean(String(text)));
  return e;
}

function list<T>(parent: XMLBuilder, wrapper: string, items: readonly T[] | undefined, each: (w: XMLBuilder, item: T) => void): void {
  if (!items || items.length === 0) return;
  const w = parent.ele(wrapper);
  for (const item of items) each(w, item);
}

function nameParts(e: XMLBuilder, p: RelatedItemPerson): void {
  if (p.givenName !== undefined) el(e, 'givenName', p.givenName);
  if (p.familyName !== undefined) el(e, 'familyName', p.familyName);
}

function idsAndAffiliations(e: XMLBuilder, p: Creator): void {
  for (const n of p.nameIdentifiers ?? [])
    el(e, 'nameIdentifier', n.nameIdentifier, { nameIdentifierScheme: n.nameIdentifierScheme, schemeURI: n.schemeUri });
  for (const a of p.affiliation ?? [])
    el(e, 'affiliation', a.name, {
      affiliationIdentifier: a.affiliationIdentifier,
      affiliationIdentifierScheme: a.affiliationIdentifierScheme,
      schemeURI: a.schemeUri,
    });
}

function point(parent: XMLBuilder, name: string, p: GeoPoint): void {
  const e = parent.ele(name);
  el(e, 'pointLongitude', p.pointLongitude);
  el(e, 'pointLatitude', p.pointLatitude);
}

function titles(parent: XMLBuilder, items: readonly Title[] | undefined): void {
  list(parent, 'titles', items, (w, t) => el(w, 'title', t.title, { titleType: t.titleType, 'xml:lang': t.lang }));
}

/** Options for {@link toDataciteXml}. */
export interface XmlOptions {
  /** Indent the output (default true). */
  pretty?: boolean;
  /** Leave out the `<?xml …?>` declaration, to embed the record in another document (OAI-PMH). */
  headless?: boolean;
}

/** Serialises a DataCite record as kernel 4.6 XML, properties in the order of the schema documentation. */
export function toDataciteXml(r: DataciteRecord, options: XmlOptions = {}): string {
  return dataciteResourceXml(dataciteResource(r), options);
}

/**
 * The `<resource>` element of a record, in a document of its own. Serialise it
 * with {@link dataciteResourceXml}; a wrapper that needs the same element
 * (oai_datacite) can import it instead of building it again, which costs about
 * half as much (tools/site/exports.ts hands it to the OAI static repository).
 */
export function dataciteResource(r: DataciteRecord): XMLBuilder {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  appendDataciteResource(doc, r);
  return doc.root();
}

/** The document of a {@link dataciteResource} as kernel 4.6 XML, as {@link toDataciteXml} writes it. */
export function dataciteResourceXml(resource: XMLBuilder, options: XmlOptions = {}): string {
  return resource.end({ prettyPrint: options.pretty ?? true, headless: options.headless ?? false });
}

/** Appends the `<resource>` element of a record under `parent` (a document, or a wrapper such as oai_datacite's payload). */
export function appendDataciteResource(parent: XMLBuilder, r: DataciteRecord): void {
  const root = parent
    .ele(DATACITE_NS, 'resource')
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', DATACITE_SCHEMA_LOCATION);

  el(root, 'identifier', r.doi, { identifierType: r.identifierType ?? 'DOI' });
  list(root, 'creators', r.creators, (w, c) => {
    const e = w.ele('creator');
    el(e, 'creatorName', c.name, { nameType: c.nameType, 'xml:lang': c.lang });
    nameParts(e, c);
    idsAndAffiliations(e, c);
  });
  titles(root, r.titles);
  el(root, 'publisher', r.publisher.name, {
    publisherIdentifier: r.publisher.publisherIdentifier,
    publisherIdentifierScheme: r.publisher.publisherIdentifierScheme,
    schemeURI: r.publisher.schemeUri,
    'xml:lang': r.publisher.lang,
  });
  el(root, 'publicationYear', r.publicationYear);
  el(root, 'resourceType', r.types.resourceType, { resourceTypeGeneral: r.types.resourceTypeGeneral });
  list(root, 'subjects', r.subjects, (w, s) =>
    el(w, 'subject', s.subject, {
      subjectScheme: s.subjectScheme,
      schemeURI: s.schemeUri,
      valueURI: s.valueUri,
      classificationCode: s.classificationCode,
      'xml:lang': s.lang,
    }),
  );
  list(root, 'contributors', r.contributors, (w, c) => {
    const e = el(w, 'contributor', undefined, { contributorType: c.contributorType });
    el(e, 'contributorName', c.name, { nameType: c.nameType, 'xml:lang': c.lang });
    nameParts(e, c);
    idsAndAffiliations(e, c);
  });
  list(root, 'dates', r.dates, (w, d) => el(w, 'date', d.date, { dateType: d.dateType, dateInformation: d.dateInformation }));
  if (r.language !== undefined) el(root, 'language', r.language);
  list(root, 'alternateIdentifiers', r.alternateIdentifiers, (w, a) =>
    el(w, 'alternateIdentifier', a.alternateIdentifier, { alternateIdentifierType: a.alternateIdentifierType }),
  );
  list(root, 'relatedIdentifiers', r.relatedIdentifiers, (w, x) =>
    el(w, 'relatedIdentifier', x.relatedIdentifier, {
      relatedIdentifierType: x.relatedIdentifierType,
      relationType: x.relationType,
      resourceTypeGeneral: x.resourceTypeGeneral,
      relatedMetadataScheme: x.relatedMetadataScheme,
      schemeURI: x.schemeUri,
      schemeType: x.schemeType,
    }),
  );
  list(root, 'sizes', r.sizes, (w, s) => el(w, 'size', s));
  list(root, 'formats', r.formats, (w, f) => el(w, 'format', f));
  if (r.version !== undefined) el(root, 'version', r.version);
  list(root, 'rightsList', r.rightsList, (w, x) =>
    el(w, 'rights', x.rights, {
      'xml:lang': x.lang,
      schemeURI: x.schemeUri,
      rightsIdentifierScheme: x.rightsIdentifierScheme,
      rightsIdentifier: x.rightsIdentifier,
      rightsURI: x.rightsUri,
    }),
  );
  list(root, 'descriptions', r.descriptions, (w, d) => {
    // Newlines stay literal newlines: a <br/> would be the schema's way too, but
    // pretty-printing mixed content would add whitespace to the text.
    el(w, 'description', d.description, { 'xml:lang': d.lang, descriptionType: d.descriptionType });
  });
  list(root, 'geoLocations', r.geoLocations, (w, g) => {
    const e = w.ele('geoLocation');
    if (g.geoLocationPlace !== undefined) el(e, 'geoLocationPlace', g.geoLocationPlace);
    if (g.geoLocationPoint) point(e, 'geoLocationPoint', g.geoLocationPoint);
    if (g.geoLocationBox) {
      const b = e.ele('geoLocationBox');
      el(b, 'westBoundLongitude', g.geoLocationBox.westBoundLongitude);
      el(b, 'eastBoundLongitude', g.geoLocationBox.eastBoundLongitude);
      el(b, 'southBoundLatitude', g.geoLocationBox.southBoundLatitude);
      el(b, 'northBoundLatitude', g.geoLocationBox.northBoundLatitude);
    }
    for (const poly of g.geoLocationPolygons ?? []) {
      const p = e.ele('geoLocationPolygon');
      for (const pt of poly.polygonPoints) point(p, 'polygonPoint', pt);
      if (poly.inPolygonPoint) point(p, 'inPolygonPoint', poly.inPolygonPoint);
    }
  });
  list(root, 'fundingReferences', r.fundingReferences, (w, f) => {
    const e = w.ele('fundingReference');
    el(e, 'funderName', f.funderName);
    if (f.funderIdentifier !== undefined)
      el(e, 'funderIdentifier', f.funderIdentifier, { funderIdentifierType: f.funderIdentifierType ?? 'Other', schemeURI: f.schemeUri });
    if (f.awardNumber !== undefined) el(e, 'awardNumber', f.awardNumber, { awardURI: f.awardUri });
    if (f.awardTitle !== undefined) el(e, 'awardTitle', f.awardTitle);
  });
  list(root, 'relatedItems', r.relatedItems, (w, it) => relatedItem(w, it));
}

function relatedItem(w: XMLBuilder, it: RelatedItem): void {
  const e = el(w, 'relatedItem', undefined, { relatedItemType: it.relatedItemType, relationType: it.relationType });
  const id = it.relatedItemIdentifier;
  if (id)
    el(e, 'relatedItemIdentifier', id.relatedItemIdentifier, {
      relatedItemIdentifierType: id.relatedItemIdentifierType,
      relatedMetadataScheme: id.relatedMetadataScheme,
      schemeURI: id.schemeURI,
      schemeType: id.schemeType,
    });
  list(e, 'creators', it.creators, (cw, c) => {
    const ce = cw.ele('creator');
    el(ce, 'creatorName', c.name, { nameType: c.nameType, 'xml:lang': c.lang });
    nameParts(ce, c);
  });
  titles(e, it.titles);
  for (const k of ['publicationYear', 'volume', 'issue'] as const) if (it[k] !== undefined) el(e, k, it[k]);
  if (it.number !== undefined) el(e, 'number', it.number, { numberType: it.numberType });
  for (const k of ['firstPage', 'lastPage', 'publisher', 'edition'] as const) if (it[k] !== undefined) el(e, k, it[k]);
  list(e, 'contributors', it.contributors, (cw, c) => {
    const ce = el(cw, 'contributor', undefined, { contributorType: c.contributorType });
    el(ce, 'contributorName', c.name, { nameType: c.nameType, 'xml:lang': c.lang });
    nameParts(ce, c);
  });
}
