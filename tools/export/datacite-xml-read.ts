/**
 * DataCite XML (any kernel 4.x) back into the model, through fast-xml-parser.
 * The top-level properties may come in any order, as the schema's `xs:all`
 * allows; prefixed documents (as inside OAI-PMH) read the same.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DATACITE_NS,
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
