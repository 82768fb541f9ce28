/**
 * Versions of a publication (issue #6 §3). Each version has its own DOI and
 * names the concept DOI in `conceptDoi` (IsVersionOf); the concept record names
 * itself there. The first version predates its concept, and may already be
 * frozen, so the concept lists it as a HasVersion related identifier instead.
 * The list of versions is derived here, for DataCite (HasVersion on the
 * concept) and for the concept's landing page, never stored twice.
 */
import type { PublicationRecord } from '../core/types.generated.ts';

/** The fields versions are derived from (loose, so the site's and the exporters' record types fit). */
type Pub = {
  doi: string;
  conceptDoi?: string;
  version?: string;
  status?: string;
  relatedIdentifiers?: readonly { relatedIdentifier: string; relatedIdentifierType: string; relationType: string }[];
};

/** True for a concept record (it names itself as its concept). */
export const isConcept = (p: Pub): boolean => p.conceptDoi !== undefined && p.conceptDoi.toLowerCase() === p.doi.toLowerCase();

/**
 * The concept DOI a publication belongs to: its own `conceptDoi`, else the
 * concept that lists it as HasVersion (a first version); undefined when it has
 * no versions yet.
 */
export function conceptOf(p: Pub, all: readonly Pub[]): string | undefined {
  if (p.conceptDoi) return p.conceptDoi;
  const doi = p.doi.toLowerCase();
  return all.find(
    (c) => isConcept(c) && (c.relatedIdentifiers ?? []).some((r) => r.relationType === 'HasVersion' && r.relatedIdentifier.toLowerCase() === doi),
  )?.doi;
}

/** One version of a concept. */
export interface VersionEntry {
  doi: string;
  /** The version label; the first version without one counts as "1". */
  version: string;
  status?: string;
}

const num = (v: string): number => (/^\d+$/.test(v) ? Number(v) : Number.NaN);

/** Every version of `conceptDoi` among `all`, oldest first (numeric versions in order, others after by DOI). */
export function versionsOf(conceptDoi: string, all: readonly Pub[]): VersionEntry[] {
  const key = conceptDoi.toLowerCase();
  const byDoi = new Map(all.map((p) => [p.doi.toLowerCase(), p]));
  const out = new Map<string, VersionEntry>();
  const add = (p: Pub | undefined, doi: string) => {
    if (doi.toLowerCase() === key || out.has(doi.toLowerCase())) return;
    out.set(doi.toLowerCase(), { doi: p?.doi ?? doi, version: p?.version ?? '1', ...(p?.status ? { status: p.status } : {}) });
  };
  const concept = byDoi.get(key);
  for (const r of concept?.relatedIdentifiers ?? [])
    if (r.relationType === 'HasVersion' && r.relatedIdentifierType === 'DOI') add(byDoi.get(r.relatedIdentifier.toLowerCase()), r.relatedIdentifier);
  for (const p of all) if (p.conceptDoi?.toLowerCase() === key) add(p, p.doi);
  return [...out.values()].sort((a, b) => {
    const [x, y] = [num(a.version), num(b.version)];
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    return x - y || a.doi.localeCompare(b.doi);
  });
}

/** The next version label: one more than the highest numeric version (or than the previous one's). */
export function nextVersion(versions: readonly VersionEntry[], previous: Pick<PublicationRecord, 'version'>): string {
  const numbers = [...versions.map((v) => num(v.version)), num(previous.version ?? '1')].filter((n) => !Number.isNaN(n));
  return String(Math.max(1, ...numbers) + 1);
}
