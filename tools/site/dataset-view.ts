/**
 * A dataset record turned into what its landing page shows. Pure: everything
 * the page needs from elsewhere (names of linked records, outputs, annotations,
 * git history) comes in through {@link DatasetViewDeps}, so tests can reach it
 * without a build, and the page template only lays the result out.
 */
import { parseDatasetPid } from '../core/layout.ts';
import { absoluteUrl, datasetUrl, instrumentUrl, proposalUrl, sampleUrl, techniqueUrl } from '../core/routes.ts';
import { authorList, type Citation } from './citation.ts';
import { EXPORT_FILES, exportUrl } from './export-files.ts';
import { commitUrl, editUrl } from './forge-links.ts';
import { markdownToHtml } from './markdown.ts';
import { metadataRows, type MetadataRow } from './metadata-table.ts';
import { effectiveStatus } from './public-gate.ts';
import type { Annotation, Dataset, Person, SiteConfig } from './records.ts';

export interface Link {
  href: string;
  text: string;
}

export interface PersonView {
  name: string;
  orcidUrl?: string;
  affiliation?: string;
  rorUrl?: string;
}

export interface FileView {
  path: string;
  size: string;
  bytes?: number;
  chk?: string;
  href?: string;
}

export interface HistoryEntry {
  hash: string;
  /** ISO 8601. */
  date: string;
  author: string;
  summary: string;
}

export interface DatasetViewDeps {
  config: SiteConfig;
  /** Path of the record relative to the catalogue root. */
  rel: string;
  /** The catalogue's folder inside its git repository (default `catalog`). */
  catalogDir?: string;
  now: Date;
  /** Display names of linked records; undefined when the record is not on the site. */
  instrumentName?: (id: string) => string | undefined;
  proposalTitle?: (id: string) => string | undefined;
  sampleName?: (id: string) => string | undefined;
  datasetTitle?: (pid: string) => string | undefined;
  /** Visible datasets derived from this one. */
  outputs?: readonly string[];
  annotations?: readonly Annotation[];
  history?: readonly HistoryEntry[];
}

/** At most this many files are listed; the record JSON export lists all of them. */
export const MAX_FILES_SHOWN = 100;

export interface DatasetView {
  pid: string;
  url: string;
  canonical: string;
  title: string;
  type: 'raw' | 'derived';
  creators: PersonView[];
  citation: Citation;
  doiUrl?: string;
  descriptionHtml: string;
  /** Plain first paragraph of the description, for meta tags. */
  summary: string;
  dates: { label: string; iso: string }[];
  year: string;
  instrument?: Link;
  proposal?: Link;
  samples: Link[];
  techniques: Link[];
  keywords: string[];
  license?: { id: string; url: string };
  access: { status: 'public' | 'embargoed' | 'restricted'; until?: string; reason?: string };
  metadata: MetadataRow[];
  files: FileView[];
  filesHidden: number;
  numberOfFiles: number;
  totalSize?: string;
  chkAlg?: string;
  globusUrl?: string;
  downloadUrl?: string;
  inputs: Link[];
  outputs: Link[];
  software: string[];
  annotations: { author?: string; date?: string; rating?: number; commentHtml: string; image?: { href: string; caption: string } }[];
  attachments: { href: string; caption: string; mediaType: string }[];
  history: (HistoryEntry & { href?: string })[];
  editUrl?: string;
  exports: { href: string; label: string; mediaType: string; profile?: string }[];
}

/** Bytes in binary units, e.g. 1.5 MiB. */
export function formatBytes(n: number | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[i]}`;
}

export function personView(p: Person): PersonView {
  const v: PersonView = { name: p.name };
  if (p.orcid) v.orcidUrl = `https://orcid.org/${p.orcid}`;
  if (p.affiliation?.name) v.affiliation = p.affiliation.name;
  if (p.affiliation?.ror) v.rorUrl = p.affiliation.ror.startsWith('http') ? p.affiliation.ror : `https://ror.org/${p.affiliation.ror}`;
  return v;
}

/** The SPDX licence page for an SPDX id. */
export const licenseUrl = (id: string): string => `https://spdx.org/licenses/${encodeURIComponent(id)}.html`;

/** Markdown as plain words: images dropped, link text kept, emphasis and heading marks removed. */
export function markdownText(markdown: string | undefined): string {
  if (!markdown) return '';
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[.,;:!?)])/g, '$1')
    .replace(/[`>#]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The first paragraph of Markdown as plain text, at most `max` characters. */
export function plainSummary(markdown: string | undefined, max = 300): string {
  if (!markdown) return '';
  const para = markdown.split(/\n\s*\n/).find((p) => p.trim() && !p.trim().startsWith('#')) ?? '';
  const text = markdownText(para).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${encodePath(path)}`;
}

/** A relative path that stays inside its folder (no `..`, not absolute): attachments are copied by it. */
export const safeRelPath = (path: string): boolean =>
  path !== '' && !path.startsWith('/') && !path.includes('\\') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

/** Maps a dataset record to its landing page view. */
export function datasetView(record: Dataset, deps: DatasetViewDeps): DatasetView {
  const { config } = deps;
  const url = datasetUrl(record.pid);
  const canonical = absoluteUrl(config.siteBaseUrl ?? 'http://localhost/', url);
  const title = record.datasetName ?? record.pid;
  const date = record.creationTime ?? record.startTime ?? '';
  const year = /^\d{4}/.test(date) ? date.slice(0, 4) : '';
  const creators = record.creators ?? [];
  const doiUrl = record.doi ? `https://doi.org/${record.doi}` : undefined;
  const status = effectiveStatus(record, deps.now);
  const filesAllowed = status === 'public';
  const list = record.files?.dataFileList ?? [];
  const download = filesAllowed ? record.storage?.downloadUrl : undefined;
  // A downloadUrl ending in "/" is a folder holding the files; otherwise it is one archive of the whole dataset.
  const downloadBase = download?.endsWith('/') ? download : undefined;
  const globus = filesAllowed ? record.storage?.globus : undefined;

  const dates: { label: string; iso: string }[] = [];
  if (record.creationTime) dates.push({ label: 'Created', iso: record.creationTime });
  if (record.startTime) dates.push({ label: 'Measurement started', iso: record.startTime });
  if (record.endTime) dates.push({ label: 'Measurement ended', iso: record.endTime });
  if (record.access?.embargoedUntil) dates.push({ label: 'Embargo until', iso: record.access.embargoedUntil });

  const datasetLink = (pid: string): Link => {
    let href: string;
    try {
      href = datasetUrl(pid);
    } catch {
      href = `https://hdl.handle.net/${pid}`;
    }
    return { href, text: deps.datasetTitle?.(pid) ?? pid };
  };

  const view: DatasetView = {
    pid: record.pid,
    url,
    canonical,
    title,
    type: record.type === 'derived' ? 'derived' : 'raw',
    creators: creators.map(personView),
    citation: {
      authors: authorList(creators),
      year: year || 'n.d.',
      title,
      publisher: config.publisher ?? config.facility?.name ?? '',
      url: doiUrl ?? canonical,
    },
    descriptionHtml: markdownToHtml(record.description),
    summary: plainSummary(record.description),
    dates,
    year,
    samples: (record.sampleIds ?? []).map((id) => ({ href: sampleUrl(id), text: deps.sampleName?.(id) ?? id })),
    techniques: (record.techniques ?? []).map((t) => ({ href: techniqueUrl(t.pid), text: t.name ?? t.pid })),
    keywords: record.keywords ?? [],
    access: { status },
    metadata: metadataRows(record.scientificMetadata),
    files: list.slice(0, MAX_FILES_SHOWN).map((f) => {
      const fv: FileView = { path: f.path, size: formatBytes(f.size) };
      if (typeof f.size === 'number') fv.bytes = f.size;
      if (f.chk) fv.chk = f.chk;
      if (downloadBase) fv.href = joinUrl(downloadBase, f.path);
      return fv;
    }),
    filesHidden: Math.max(0, list.length - MAX_FILES_SHOWN),
    numberOfFiles: record.numberOfFiles ?? list.length,
    inputs: (record.inputDatasets ?? []).map(datasetLink),
    outputs: (deps.outputs ?? []).map(datasetLink),
    software: record.usedSoftware ?? [],
    annotations: (deps.annotations ?? []).map((a) => ({
      ...(a.author ? { author: a.author.name } : {}),
      ...(a.created ? { date: a.created } : {}),
      ...(typeof a.rating === 'number' ? { rating: a.rating } : {}),
      commentHtml: markdownToHtml(a.comment),
      ...(a.image && safeRelPath(a.image.path)
        ? { image: { href: `${url}annotations/${a.id.split('/').pop()}/${encodePath(a.image.path)}`, caption: a.image.caption ?? '' } }
        : {}),
    })),
    attachments: (record.attachments ?? [])
      .filter((a) => safeRelPath(a.path))
      .map((a) => ({ href: `${url}attachments/${encodePath(a.path)}`, caption: a.caption ?? '', mediaType: a.mediaType ?? '' })),
    history: (deps.history ?? []).map((h) => {
      const href = commitUrl(config.forge, h.hash);
      return href ? { ...h, href } : { ...h };
    }),
    exports: EXPORT_FILES.map((e) => ({ href: exportUrl(url, e), label: e.label, mediaType: e.mediaType, ...(e.profile ? { profile: e.profile } : {}) })),
  };
  if (doiUrl) view.doiUrl = doiUrl;
  if (record.access?.embargoedUntil) view.access.until = record.access.embargoedUntil;
  if (record.access?.reason) view.access.reason = record.access.reason;
  if (record.instrumentId) view.instrument = { href: instrumentUrl(record.instrumentId), text: deps.instrumentName?.(record.instrumentId) ?? record.instrumentId };
  if (record.proposalId) view.proposal = { href: proposalUrl(record.proposalId), text: deps.proposalTitle?.(record.proposalId) ?? record.proposalId };
  if (record.license) view.license = { id: record.license, url: licenseUrl(record.license) };
  if (typeof record.size === 'number') view.totalSize = formatBytes(record.size);
  if (record.files?.chkAlg) view.chkAlg = record.files.chkAlg;
  if (download) view.downloadUrl = download;
  if (globus) view.globusUrl = `https://app.globus.org/file-manager?origin_id=${encodeURIComponent(globus.endpoint)}&origin_path=${encodeURIComponent(globus.path)}`;
  const pidParts = parseDatasetPid(record.pid);
  const edit = editUrl(config.forge, {
    rel: deps.rel,
    pid: record.pid,
    ...(deps.catalogDir !== undefined ? { catalogDir: deps.catalogDir } : {}),
    ...(pidParts ? { proposalId: pidParts.proposalId, name: pidParts.name } : {}),
  });
  if (edit) view.editUrl = edit;
  return view;
}
