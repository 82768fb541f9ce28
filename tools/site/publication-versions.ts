/**
 * The versions block of a publication's landing page (issue #6 §3): a concept
 * DOI's page lists every version, a version's page names its concept and the
 * other versions. Only publications visible in this build get a link (a draft
 * DOI does not resolve, so public builds leave it out).
 */
import { publicationUrl } from '../core/routes.ts';
import { conceptOf, isConcept, versionsOf } from '../publish/versions.ts';
import type { Publication } from './records.ts';

export interface VersionLink {
  doi: string;
  version: string;
  /** The landing page of the version (site-relative). */
  href: string;
  /** True for the page being rendered. */
  current: boolean;
  /** True for the highest version: the one the concept DOI stands for now. */
  latest: boolean;
}

export interface VersionsBlock {
  conceptDoi: string;
  /** The concept's page, when it is visible in this build. */
  conceptHref?: string;
  /** True when the page being rendered is the concept's. */
  isConcept: boolean;
  versions: VersionLink[];
}

/** The versions of `current`'s concept among `all` (visible publications only), or undefined when it has no versions. */
export function versionsBlock(current: Publication, all: readonly Publication[]): VersionsBlock | undefined {
  const conceptDoi = conceptOf(current, all);
  if (!conceptDoi) return undefined;
  const visible = new Set(all.map((p) => p.doi.toLowerCase()));
  const list = versionsOf(conceptDoi, all).filter((v) => visible.has(v.doi.toLowerCase()));
  if (list.length === 0) return undefined;
  const last = list.at(-1)!.doi;
  return {
    conceptDoi,
    ...(visible.has(conceptDoi.toLowerCase()) ? { conceptHref: publicationUrl(conceptDoi) } : {}),
    isConcept: isConcept(current),
    versions: list.map((v) => ({
      doi: v.doi,
      version: v.version,
      href: publicationUrl(v.doi),
      current: v.doi.toLowerCase() === current.doi.toLowerCase(),
      latest: v.doi === last,
    })),
  };
}
