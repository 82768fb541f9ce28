/**
 * Stable public URLs. A landing page cited in a paper must resolve for decades,
 * so every URL the site publishes is derived here, from the record's id alone,
 * and nowhere else. Paths are relative to the site root and end with "/".
 */
import { parseDatasetPid } from './layout.ts';

/** Landing page of a dataset: `/datasets/<proposalId>/<name>/`. */
export function datasetUrl(pid: string): string {
  const p = parseDatasetPid(pid);
  if (!p) throw new Error(`"${pid}" is not a valid dataset pid`);
  return `/datasets/${p.proposalId}/${p.name}/`;
}

/** Landing page of a DOI publication: `/doi/<prefix>/<suffix>/` (DOIs are case-insensitive; we keep them lower-case). */
export function publicationUrl(doi: string): string {
  return `/doi/${doi.toLowerCase()}/`;
}

export const proposalUrl = (id: string): string => `/proposals/${id}/`;
export const sampleUrl = (id: string): string => `/samples/${id}/`;
export const instrumentUrl = (id: string): string => `/instruments/${id}/`;
export const techniqueUrl = (id: string): string => `/techniques/${id}/`;

/** An absolute URL on the public site, from the config's `siteBaseUrl`. */
export function absoluteUrl(siteBaseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteBaseUrl.endsWith('/') ? siteBaseUrl : `${siteBaseUrl}/`).href;
}
