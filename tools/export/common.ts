/**
 * Small facts every exporter derives the same way: identifier URLs, landing
 * pages, the publisher, the year, file formats and the leaves of
 * `scientificMetadata`. Kept in one place so DataCite, schema.org and the
 * citations never disagree about a record.
 */
import { remark } from 'remark';
import { parseDatasetPid } from '../core/layout.ts';
import { absoluteUrl, datasetUrl, publicationUrl } from '../core/routes.ts';
import type { ConfigRecord, DatasetRecord, PersonRecord, PublicationRecord } from './view.ts';

/** `https://orcid.org/<id>` from a bare ORCID id (a full URL is kept as is). */
export const orcidUrl = (orcid: string): string =>
  /^https?:\/\//.test(orcid) ? orcid : `https://orcid.org/${orcid}`;

/** `https://ror.org/<id>` from a ROR id in any of its spellings. */
export const rorUrl = (ror: string): string => `https://ror.org/${ror.replace(/^https?:\/\/ror\.org\//, '')}`;

/** The resolver URL of a DOI. */
export const doiUrl = (doi: string): string => `https://doi.org/${doi}`;

/** The resolver URL of a Handle (dataset pids are Handles). */
export const handleUrl = (pid: string): string => `https://hdl.handle.net/${pid}`;

/** The SPDX licence page of an SPDX id. */
export const spdxUrl = (id: string): string => `https://spdx.org/licenses/${id}.html`;

/**
 * The landing page of a dataset, or undefined when the config has no site URL
 * or the pid is not one of this catalogue's (an input dataset held elsewhere).
 */
export function datasetLandingUrl(config: ConfigRecord, pid: string): string | undefined {
  return config.siteBaseUrl && parseDatasetPid(pid) ? absoluteUrl(config.siteBaseUrl, datasetUrl(pid)) : undefined;
}

/** The landing page of a publication: its own `landingPage`, else the static page derived from the DOI. */
export function publicationLandingUrl(config: ConfigRecord, p: Pick<PublicationRecord, 'doi' | 'landingPage'>): string | undefined {
  if (p.landingPage) return p.landingPage;
  return config.siteBaseUrl ? absoluteUrl(config.siteBaseUrl, publicationUrl(p.doi)) : undefined;
}

/** The publisher: the given one, else the config's `publisher`, else the facility; with the facility's ROR when it is the same body. */
export function publisherOf(config: ConfigRecord, given?: string | { name: string; ror?: string }): { name: string; ror?: string } {
  const p = given ?? config.publisher ?? config.facility?.name ?? 'Unknown publisher';
  const named = typeof p === 'string' ? { name: p } : p;
  if (!named.ror && config.facility?.ror && named.name === config.facility.name) return { ...named, ror: config.facility.ror };
  return named;
}

/** The four-digit year of an ISO 8601 date or date-time, or undefined. */
export function yearOf(date: string | number | undefined): string | undefined {
  if (date === undefined) return undefined;
  const m = /^(\d{4})/.exec(String(date));
  return m?.[1];
}

/** The calendar date (`YYYY-MM-DD`) of an ISO 8601 date-time, as written (no time-zone shift). */
export function datePart(iso: string): string {
  return iso.slice(0, 10);
}

/** The year a dataset became (or becomes) public: the end of its embargo if it had one, else its creation. */
export function datasetYear(d: DatasetRecord): string {
  return yearOf(d.access?.embargoedUntil) ?? yearOf(d.creationTime) ?? yearOf(d.startTime) ?? '0000';
}

/** The people to credit for a dataset: its creators, else its principal investigators. */
export function datasetCreators(d: DatasetRecord): PersonRecord[] {
  if (d.creators?.length) return d.creators;
  return d.principalInvestigators ?? [];
}

/** "Family, Given" when both parts are known, else the name as given (DataCite's creatorName form). */
export function invertedName(p: PersonRecord): string {
  return p.familyName && p.givenName ? `${p.familyName}, ${p.givenName}` : p.name;
}

// File extensions of the formats facilities write, as IANA media types where one exists.
const MEDIA_TYPES: Record<string, string> = {
  nxs: 'application/x-hdf5',
  nx5: 'application/x-hdf5',
  h5: 'application/x-hdf5',
  hdf5: 'application/x-hdf5',
  hdf: 'application/x-hdf',
  txt: 'text/plain',
  xy: 'text/plain',
  vms: 'text/plain',
  dat: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  sle: 'application/vnd.sqlite3',
  zip: 'application/zip',
  ibw: 'application/octet-stream',
  pxt: 'application/octet-stream',
};

/** The media type of a file from its extension, or undefined when unknown. */
export function mediaTypeOf(path: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? MEDIA_TYPES[ext] : undefined;
}

/** The distinct media types of a dataset's files, in first-seen order. */
export function datasetMediaTypes(d: DatasetRecord): string[] {
  const seen = new Set<string>();
  for (const f of d.files?.dataFileList ?? []) {
    const t = mediaTypeOf(f.path);
    if (t) seen.add(t);
  }
  return [...seen];
}

/** One leaf of a `scientificMetadata` tree. */
export interface MetadataLeaf {
  /** `/`-separated path, e.g. `analyser/pass_energy`. */
  key: string;
  /** Human-readable name when the record gives one. */
  name?: string;
  value?: string | number | boolean | (string | number | boolean)[];
  min?: number;
  max?: number;
  unit?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens a `scientificMetadata` tree into its leaves (quantities, ranges, plain values), depth first in key order. */
export function metadataLeaves(tree: Record<string, unknown> | undefined, prefix = ''): MetadataLeaf[] {
  const out: MetadataLeaf[] = [];
  for (const [k, v] of Object.entries(tree ?? {})) {
    const key = prefix ? `${prefix}/${k}` : k;
    if (isObject(v) && 'value' in v) {
      out.push(clean({ key, name: str(v.name), value: v.value as MetadataLeaf['value'], unit: str(v.unit) }));
    } else if (isObject(v) && 'min' in v && 'max' in v) {
      out.push(clean({ key, name: str(v.name), min: Number(v.min), max: Number(v.max), unit: str(v.unit) }));
    } else if (isObject(v)) {
      out.push(...metadataLeaves(v, key));
    } else if (v !== null && v !== undefined) {
      out.push({ key, value: v as MetadataLeaf['value'] });
    }
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'tableRow', 'thematicBreak', 'html']);

/**
 * Plain text of a Markdown description, for formats that take text (DataCite,
 * schema.org): markup dropped, link text kept, blocks separated by blank lines.
 */
export function markdownToPlainText(markdown: string): string {
  // DataCite and schema.org both ask for the same description: parse it once.
  if (markdown === lastMarkdown) return lastPlain;
  lastMarkdown = markdown;
  lastPlain = looksLikePlainText(markdown) ? plainFastPath(markdown) : parseToPlain(markdown);
  return lastPlain;
}

let lastMarkdown: string | undefined;
let lastPlain = '';

// Characters and line starts that mean something in Markdown; text without any
// of them reads the same parsed or not, and skipping the parser matters at
// 100,000 records.
const INLINE_MARKUP = /[*_`[\]<>\\&|~!]/;
const BLOCK_MARKUP = /^\s*(#|>|[-+=]|\d+[.)]|```)|^ {4}|\t/m;
const looksLikePlainText = (s: string): boolean => !INLINE_MARKUP.test(s) && !BLOCK_MARKUP.test(s);
const plainFastPath = (s: string): string =>
  s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');

function parseToPlain(markdown: string): string {
  const walk = (n: MdNode): string => {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code') return n.value ?? '';
    if (n.type === 'break') return '\n';
    if (n.type === 'html') return '';
    const kids = n.children ?? [];
    const blocky = kids.some((k) => BLOCKS.has(k.type));
    return kids.map(walk).filter((t) => t !== '').join(blocky ? '\n\n' : '');
  };
  return walk(remark().parse(markdown) as MdNode).trim();
}
