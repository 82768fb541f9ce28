/**
 * The one call `shelfmark build` makes into tools/oai: the static repository
 * file beside the site, from the index and git facts the build already holds.
 * The build opens it in its exports worker and adds each dataset's DataCite
 * model as the exports make it, so the OAI step neither reads the records nor
 * builds their models a second time (tools/site/exports-worker.ts).
 */
import { join } from 'node:path';
import { absoluteUrl } from '../core/routes.ts';
import type { GitFacts } from '../site/git-facts.ts';
import type { SiteIndex } from '../site/site-index.ts';
import { createOaiRepository } from './repository.ts';
import { openStaticRepository, STATIC_REPOSITORY_PATH, type StaticRepositoryReport, type StaticRepositoryWriter } from './static-repository.ts';

export type { StaticRepositoryReport, StaticRepositoryWriter };

/** Starts `<outDir>/oai/static-repository.xml` for a public build; add records, then `finish` (or `abort`). */
export function openOaiStatic(root: string, index: SiteIndex, facts: Pick<GitFacts, 'history' | 'tombstones'>, outDir: string): StaticRepositoryWriter {
  const repo = createOaiRepository(root, index, facts);
  const fileUrl = absoluteUrl(index.config.siteBaseUrl ?? 'http://localhost/', STATIC_REPOSITORY_PATH);
  return openStaticRepository(repo, join(outDir, STATIC_REPOSITORY_PATH), { fileUrl });
}

/** Writes `<outDir>/oai/static-repository.xml` for a public build in one go. */
export async function writeOaiStatic(root: string, index: SiteIndex, facts: Pick<GitFacts, 'history' | 'tombstones'>, outDir: string): Promise<StaticRepositoryReport> {
  return openOaiStatic(root, index, facts, outDir).finish();
}
