/**
 * Reading the records publishing needs, with errors that name the file and
 * say what to do, and committing what publishing wrote through the git module.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CatalogConfig, DatasetRecord, ProposalRecord, PublicationRecord } from '../core/types.generated.ts';
import { recordPath, LayoutError } from '../core/layout.ts';
import type { GitIdentity } from '../git/git.ts';

export type PublishErrorCode =
  | 'E_PUBLISH_NO_RECORD'
  | 'E_PUBLISH_BAD_JSON'
  | 'E_PUBLISH_NOT_PUBLIC'
  | 'E_PUBLISH_BAD_ID'
  | 'E_PUBLISH_INVALID'
  | 'E_PUBLISH_STATE';

/** A refusal the curator can act on; `code` is stable. */
export class PublishError extends Error {
  readonly code: PublishErrorCode;
  constructor(code: PublishErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Reads and parses a JSON file; a missing file or bad JSON is a PublishError naming it. */
export async function readJson<T>(abs: string, what: string, fix: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch {
    throw new PublishError('E_PUBLISH_NO_RECORD', `${what} not found: ${abs} does not exist. ${fix}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new PublishError('E_PUBLISH_BAD_JSON', `${abs} is not valid JSON (${(err as Error).message}). Run "shelfmark validate" to see where, and fix the file.`);
  }
}

/** The catalogue's config. */
export function readConfig(root: string): Promise<CatalogConfig> {
  return readJson<CatalogConfig>(join(root, 'config.json'), 'The catalogue config', 'Pass --root <catalog folder>, the folder that holds config.json.');
}

function pathOf(type: 'dataset' | 'publication' | 'proposal', id: string): string {
  try {
    return recordPath(type, id);
  } catch (err) {
    if (err instanceof LayoutError) throw new PublishError('E_PUBLISH_BAD_ID', err.message);
    throw err;
  }
}

/** A dataset by pid. */
export function readDataset(root: string, pid: string): Promise<DatasetRecord> {
  return readJson<DatasetRecord>(join(root, pathOf('dataset', pid)), `Dataset ${pid}`, 'Check the pid (shelfmark validate lists the datasets), or ingest the dataset first.');
}

/** A proposal by id, or undefined when the catalogue has none. */
export async function readProposal(root: string, id: string): Promise<ProposalRecord | undefined> {
  const abs = join(root, pathOf('proposal', id));
  return existsSync(abs) ? readJson<ProposalRecord>(abs, `Proposal ${id}`, '') : undefined;
}

/** The path of a publication, relative to the catalogue root. */
export const publicationRel = (doi: string): string => pathOf('publication', doi);

/** A publication by DOI. */
export function readPublication(root: string, doi: string): Promise<PublicationRecord> {
  return readJson<PublicationRecord>(
    join(root, publicationRel(doi)),
    `Publication ${doi}`,
    'Check the DOI (the file name is its suffix), or create the publication with "shelfmark publish <pids…>".',
  );
}

/** Every publication in the catalogue (a few hundred at most, so read them all). */
export async function readPublications(root: string): Promise<PublicationRecord[]> {
  const dir = join(root, 'publications');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
  return Promise.all(files.map((f) => readJson<PublicationRecord>(join(dir, f), f, '')));
}

/** Options for committing what a command wrote. */
export interface CommitRequest {
  /** Branch to commit on; created from the current HEAD when missing. Default: the current branch. */
  branch?: string;
  message: string;
  author?: GitIdentity;
  date?: Date | string;
}

/** Commits the given catalogue files (absolute paths) through the git module; returns the commit id. */
export async function commitFiles(root: string, files: string[], req: CommitRequest): Promise<string> {
  const { openRepo } = await import('../git/git.ts');
  const repo = await openRepo(resolve(root));
  try {
    if (req.branch && (await repo.currentBranch()) !== req.branch) {
      try {
        await repo.createBranch(req.branch, { checkout: true });
      } catch (err) {
        if ((err as { code?: string }).code !== 'E_GIT_BRANCH_EXISTS') throw err;
        await repo.checkout(req.branch);
      }
    }
    await repo.add(files.map((f) => relative(repo.dir, resolve(f)).split('\\').join('/')));
    return await repo.commit({ message: req.message, ...(req.author ? { author: req.author } : {}), ...(req.date ? { date: req.date } : {}) });
  } finally {
    repo.close();
  }
}
