/**
 * DataCite XML (kernel 4.6) from the model and back.
 *
 * Writing goes through xmlbuilder2 (never string concatenation), so every value
 * is escaped by the library. Reading goes through fast-xml-parser and accepts the
 * top-level properties in any order, as the schema's `xs:all` does.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DATACITE_NS,
  DATACITE_SCHEMA_LOCATION,
  type Affiliation,
  type Contributor,
  type Creator,
  type DataciteRecord,
  type GeoPoint,
  type NameIdentifier,
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
function el(parent: XMLBuilder, name: string, text?: string | number, attrs: Attrs = {}): XMLBuilder {
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
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
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
  return doc.end({ prettyPrint: options.pretty ?? true, headless: options.headless ?? false });
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

// ---------------------------------------------------------------- reading

/** Thrown by {@link fromDataciteXml} when the text is not DataCite XML; the message says where and why. */
export class DataciteXmlError extends Error {
  readonly code = 'E_DATACITE_XML';
}

/** A parsed element: attributes under `@_name`, text under `#text`, children by name (always arrays). */
type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Prefixed documents (`<datacite:resource>`, as inside OAI-PMH) read the same; xml:lang becomes `lang`.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  commentPropName: false,
  // Every element is an array, so one or many read the same way.
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  processEntities: true,
  // Also decodes numeric character references (&#233;), which XML allows anywhere.
  htmlEntities: true,
});

const kids = (n: Node | undefined, name: string): Node[] => {
  const v = n?.[name];
  return Array.isArray(v) ? (v as unknown[]).map((x) => (typeof x === 'object' && x !== null ? (x as Node) : { '#text': String(x) })) : [];
};
const one = (n: Node | undefined, name: string): Node | undefined => kids(n, name)[0];
const text = (n: Node | undefined): string | undefined => {
  if (n === undefined) return undefined;
  const t = n['#text'];
  return t === undefined ? '' : String(t);
};
const attr = (n: Node | undefined, name: string): string | undefined => {
  const v = n?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
};
/** Drops undefined fields so the model compares and serialises cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length > 0 ? xs : undefined);
const num = (n: Node | undefined): number => Number(text(n));

function readPoint(n: Node | undefined): GeoPoint | undefined {
  if (!n) return undefined;
  return { pointLongitude: num(one(n, 'pointLongitude')), pointLatitude: num(one(n, 'pointLatitude')) };
}

function readPerson(n: Node, nameTag: string): RelatedItemPerson {
  const nameEl = one(n, nameTag);
  return compact({
    name: text(nameEl) ?? '',
    nameType: attr(nameEl, 'nameType') as Creator['nameType'],
    lang: attr(nameEl, 'lang'),
    givenName: text(one(n, 'givenName')),
    familyName: text(one(n, 'familyName')),
  });
}

function readCreator(n: Node, nameTag: string): Creator {
  const nameIdentifiers = kids(n, 'nameIdentifier').map(
    (x): NameIdentifier =>
      compact({ nameIdentifier: text(x) ?? '', nameIdentifierScheme: attr(x, 'nameIdentifierScheme') ?? '', schemeUri: attr(x, 'schemeURI') }),
  );
  const affiliation = kids(n, 'affiliation').map(
    (x): Affiliation =>
      compact({
        name: text(x) ?? '',
        affiliationIdentifier: attr(x, 'affiliationIdentifier'),
        affiliationIdentifierScheme: attr(x, 'affiliationIdentifierScheme'),
        schemeUri: attr(x, 'schemeURI'),
      }),
  );
  return compact({ ...readPerson(n, nameTag), nameIdentifiers: nonEmpty(nameIdentifiers), affiliation: nonEmpty(affiliation) });
}

function readTitles(n: Node | undefined): Title[] {
  return kids(one(n, 'titles'), 'title').map((t) =>
    compact({ title: text(t) ?? '', titleType: attr(t, 'titleType') as Title['titleType'], lang: attr(t, 'lang') }),
  );
}

/**
 * Reads DataCite XML (any kernel 4.x) into the model.
 * Throws {@link DataciteXmlError} naming the line and what was expected when the
 * text is not well-formed XML or lacks a required property.
 */
export function fromDataciteXml(xml: string): DataciteRecord {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new DataciteXmlError(`line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}. Expected well-formed XML.`);
  // <br/> is the one element a description may contain (kernel 4.6 §17); it is a
  // line break, so it becomes a newline character before parsing flattens the text.
  const doc = parser.parse(xml.replace(/<(?:[A-Za-z_][\w.-]*:)?br\s*\/>/g, '&#10;')) as Node;
  const root = one(doc, 'resource');
  if (!root) throw new DataciteXmlError(`expected a <resource> root element (namespace ${DATACITE_NS}), found ${Object.keys(doc).join(', ') || 'nothing'}.`);
  const need = (name: string): Node => {
    const n = one(root, name);
    if (!n) throw new DataciteXmlError(`<resource> has no <${name}>, which kernel 4.6 requires. Add it.`);
    return n;
  };
  const identifier = need('identifier');
  const publisher = need('publisher');
  const resourceType = need('resourceType');
  need('creators');
  need('titles');

  const r: DataciteRecord = {
    doi: text(identifier) ?? '',
    identifierType: attr(identifier, 'identifierType') ?? 'DOI',
    creators: kids(one(root, 'creators'), 'creator').map((c) => readCreator(c, 'creatorName')),
    titles: readTitles(root),
    publisher: compact({
      name: text(publisher) ?? '',
      publisherIdentifier: attr(publisher, 'publisherIdentifier'),
      publisherIdentifierScheme: attr(publisher, 'publisherIdentifierScheme'),
      schemeUri: attr(publisher, 'schemeURI'),
      lang: attr(publisher, 'lang'),
    }),
    publicationYear: text(need('publicationYear')) ?? '',
    types: compact({ resourceTypeGeneral: attr(resourceType, 'resourceTypeGeneral') ?? '', resourceType: text(resourceType) }),
    subjects: nonEmpty(
      kids(one(root, 'subjects'), 'subject').map((s) =>
        compact({
          subject: text(s) ?? '',
          subjectScheme: attr(s, 'subjectScheme'),
          schemeUri: attr(s, 'schemeURI'),
          valueUri: attr(s, 'valueURI'),
          classificationCode: attr(s, 'classificationCode'),
          lang: attr(s, 'lang'),
        }),
      ),
    ),
    contributors: nonEmpty(
      kids(one(root, 'contributors'), 'contributor').map(
        (c): Contributor => ({ contributorType: attr(c, 'contributorType') ?? 'Other', ...readCreator(c, 'contributorName') }),
      ),
    ),
    dates: nonEmpty(
      kids(one(root, 'dates'), 'date').map((d) =>
        compact({ date: text(d) ?? '', dateType: attr(d, 'dateType') ?? 'Other', dateInformation: attr(d, 'dateInformation') }),
      ),
    ),
    language: text(one(root, 'language')),
    alternateIdentifiers: nonEmpty(
      kids(one(root, 'alternateIdentifiers'), 'alternateIdentifier').map((a) => ({
        alternateIdentifier: text(a) ?? '',
        alternateIdentifierType: attr(a, 'alternateIdentifierType') ?? '',
      })),
    ),
    relatedIdentifiers: nonEmpty(
      kids(one(root, 'relatedIdentifiers'), 'relatedIdentifier').map((x) =>
        compact({
          relatedIdentifier: text(x) ?? '',
          relatedIdentifierType: attr(x, 'relatedIdentifierType') ?? '',
          relationType: attr(x, 'relationType') ?? '',
          resourceTypeGeneral: attr(x, 'resourceTypeGeneral'),
          relatedMetadataScheme: attr(x, 'relatedMetadataScheme'),
          schemeUri: attr(x, 'schemeURI'),
          schemeType: attr(x, 'schemeType'),
        }),
      ),
    ),
    sizes: nonEmpty(kids(one(root, 'sizes'), 'size').map((s) => text(s) ?? '')),
    formats: nonEmpty(kids(one(root, 'formats'), 'format').map((s) => text(s) ?? '')),
    version: text(one(root, 'version')),
    rightsList: nonEmpty(
      kids(one(root, 'rightsList'), 'rights').map((x) =>
        compact({
          rights: text(x),
          rightsUri: attr(x, 'rightsURI'),
          rightsIdentifier: attr(x, 'rightsIdentifier'),
          rightsIdentifierScheme: attr(x, 'rightsIdentifierScheme'),
          schemeUri: attr(x, 'schemeURI'),
          lang: attr(x, 'lang'),
        }),
      ),
    ),
    descriptions: nonEmpty(
      kids(one(root, 'descriptions'), 'description').map((d) =>
        compact({ description: text(d) ?? '', descriptionType: attr(d, 'descriptionType') ?? 'Other', lang: attr(d, 'lang') }),
      ),
    ),
    geoLocations: nonEmpty(
      kids(one(root, 'geoLocations'), 'geoLocation').map((g) => {
        const box = one(g, 'geoLocationBox');
        return compact({
          geoLocationPlace: text(one(g, 'geoLocationPlace')),
          geoLocationPoint: readPoint(one(g, 'geoLocationPoint')),
          geoLocationBox: box && {
            westBoundLongitude: num(one(box, 'westBoundLongitude')),
            eastBoundLongitude: num(one(box, 'eastBoundLongitude')),
            southBoundLatitude: num(one(box, 'southBoundLatitude')),
            northBoundLatitude: num(one(box, 'northBoundLatitude')),
          },
          geoLocationPolygons: nonEmpty(
            kids(g, 'geoLocationPolygon').map((p) =>
              compact({
                polygonPoints: kids(p, 'polygonPoint').map((pt) => readPoint(pt)!),
                inPolygonPoint: readPoint(one(p, 'inPolygonPoint')),
              }),
            ),
          ),
        });
      }),
    ),
    fundingReferences: nonEmpty(
      kids(one(root, 'fundingReferences'), 'fundingReference').map((f) => {
        const fid = one(f, 'funderIdentifier');
        const award = one(f, 'awardNumber');
        return compact({
          funderName: text(one(f, 'funderName')) ?? '',
          funderIdentifier: text(fid),
          funderIdentifierType: attr(fid, 'funderIdentifierType'),
          schemeUri: attr(fid, 'schemeURI'),
          awardNumber: text(award),
          awardUri: attr(award, 'awardURI'),
          awardTitle: text(one(f, 'awardTitle')),
        });
      }),
    ),
    relatedItems: nonEmpty(kids(one(root, 'relatedItems'), 'relatedItem').map(readRelatedItem)),
  };
  return compact(r);
}

function readRelatedItem(n: Node): RelatedItem {
  const id = one(n, 'relatedItemIdentifier');
  const number = one(n, 'number');
  const titles = readTitles(n);
  return compact({
    relationType: attr(n, 'relationType') ?? '',
    relatedItemType: attr(n, 'relatedItemType') ?? '',
    relatedItemIdentifier: id
      ? compact({
          relatedItemIdentifier: text(id) ?? '',
          relatedItemIdentifierType: attr(id, 'relatedItemIdentifierType'),
          relatedMetadataScheme: attr(id, 'relatedMetadataScheme'),
          schemeURI: attr(id, 'schemeURI'),
          schemeType: attr(id, 'schemeType'),
        })
      : undefined,
    creators: nonEmpty(kids(one(n, 'creators'), 'creator').map((c) => readPerson(c, 'creatorName'))),
    titles: nonEmpty(titles),
    publicationYear: text(one(n, 'publicationYear')),
    volume: text(one(n, 'volume')),
    issue: text(one(n, 'issue')),
    number: text(number),
    numberType: attr(number, 'numberType'),
    firstPage: text(one(n, 'firstPage')),
    lastPage: text(one(n, 'lastPage')),
    publisher: text(one(n, 'publisher')),
    edition: text(one(n, 'edition')),
    contributors: nonEmpty(
      kids(one(n, 'contributors'), 'contributor').map((c) => ({
        contributorType: attr(c, 'contributorType') ?? 'Other',
        ...readPerson(c, 'contributorName'),
      })),
    ),
  });
}
