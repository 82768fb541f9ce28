/**
 * Test helper for curation's end-to-end tests: the shared small catalogue
 * (tools/catalog/test-catalog.ts) committed in a temporary repository and
 * pushed to a bare repository served over git's smart HTTP on 127.0.0.1 as
 * `origin`, which is what propose() pushes to.
 */
import type { RecordType } from '../core/layout.ts';
import { baseRecords, catalogFiles } from '../catalog/test-catalog.ts';
import { makeTempRepo, runGit, serveBareRepo, type ServedRepo, type TempRepo } from '../git/test-utils.ts';

/** A catalogue repository with its served remote. */
export interface PushedCatalogue {
  repo: TempRepo;
  remote: ServedRepo;
  /** git in the bare remote. */
  remoteGit(...args: string[]): Promise<string>;
}

/** Commits `records` (by default the base ones) plus `extraFiles` on main and pushes main to a fresh served `origin`. */
export async function pushedCatalogue(
  opts: { records?: Record<RecordType, Record<string, unknown>>; extraFiles?: Record<string, object | string>; remoteName?: string } = {},
): Promise<PushedCatalogue> {
  const repo = await makeTempRepo({ files: { ...opts.extraFiles, ...catalogFiles(opts.records ?? baseRecords()) } });
  const remote = await serveBareRepo(opts.remoteName ? { name: opts.remoteName } : {});
  await repo.git('remote', 'add', 'origin', remote.url);
  await repo.git('push', '-q', 'origin', 'main');
  return { repo, remote, remoteGit: (...args) => runGit(remote.bareDir, [`--git-dir=${remote.bareDir}`, ...args]) };
}
