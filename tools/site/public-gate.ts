/**
 * The single gate between the catalogue and the public site. Every route,
 * listing, search record, export and sitemap entry asks this one function, so
 * an embargoed dataset cannot leak through a path that forgot to check.
 */
import type { Dataset } from './records.ts';

/** Whether a build shows non-public records (internal builds only). */
export interface Visibility {
  /** The build's clock: embargoes that ended before it are public. */
  now: Date;
  includeEmbargoed: boolean;
}

/**
 * True when a dataset's metadata may appear on the public site at `now`: access
 * status `public` or `restricted` (the metadata is public, the files are not),
 * or `embargoed` with an `embargoedUntil` that has passed. A record without a
 * readable access block is treated as embargoed: leaking is worse than hiding.
 */
export function isPublic(record: Pick<Dataset, 'access'>, now: Date): boolean {
  const access = record.access;
  if (!access || typeof access !== 'object') return false;
  if (access.status === 'public' || access.status === 'restricted') return true;
  if (access.status === 'embargoed' && typeof access.embargoedUntil === 'string') {
    const until = Date.parse(access.embargoedUntil);
    return Number.isFinite(until) && until <= now.getTime();
  }
  return false;
}

/** Whether this build shows the dataset: the public gate, or everything in an internal build. */
export function isVisible(record: Pick<Dataset, 'access'>, v: Visibility): boolean {
  return v.includeEmbargoed || isPublic(record, v.now);
}

/** The access status a reader sees: an ended embargo reads as public. */
export function effectiveStatus(record: Pick<Dataset, 'access'>, now: Date): 'public' | 'embargoed' | 'restricted' {
  if (record.access?.status === 'restricted') return 'restricted';
  return isPublic(record, now) ? 'public' : 'embargoed';
}
