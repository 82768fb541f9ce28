/**
 * The one call `shelfmark build` makes into tools/oai: the static repository
 * file beside the site, from the index and git facts the build already holds.
 */
import { join } from 'node:path';
import { absoluteUrl } from '../core/routes.ts';
import type { GitFacts } from '../site/git-facts.ts';
import type { SiteIndex } from '../site/site-index.ts';
import { createOaiRepository } from './repository.ts';
import { STATIC_REPOSITORY_PATH, writeStaticRepository, type StaticRepositoryReport } from './static-repository.ts';

export type { StaticRepositoryReport };

/** Writes `<outDir>/oai/static-repository.xml` for a public build. */
export async function writeOaiStatic(root: string, index: SiteIndex, facts: Pick<GitFacts, 'history' | 'tombstones'>, outDir: string): Promise<StaticRepositoryReport> {
  const repo = createOaiRepository(root, index, facts);
  const fileUrl = absoluteUrl(index.config.siteBaseUrl ?? 'http://localhost/', STATIC_REPOSITORY_PATH);
  return writeStaticRepository(repo, join(outDir, STATIC_REPOSITORY_PATH), { fileUrl });
}
