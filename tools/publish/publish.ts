/**
 * `shelfmark publish`: a draft publication (and, for the first new version of
 * a publication, its concept record) for some datasets. Reads the records,
 * refuses datasets that are not public, assembles, validates with the same
 * checks as `shelfmark validate`, writes atomically, and can commit on a branch.
 * Nothing is sent to DataCite here: that is `shelfmark doi` (doi.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../core/findings.ts';
import type { DatasetRecord, ProposalRecord, PublicationRecord } from '../core/types.generated.ts';
import { formatRecord, writeFileAtomic } from '../catalog/write.ts';
import { checkCandidate } from '../curate/check-record.ts';
import { assemblePublication, publishRefusal } from './assemble.ts';
import { mintDoi, suffixProblem, SuffixError } from './suffix.ts';
import { commitFiles, PublishError, publicationRel, readConfig, readDataset, readProposal, readPublication, readPublications, type CommitRequest } from './records.ts';
import { conceptOf, isConcept, nextVersion, versionsOf } from './versions.ts';

export interface PublishOptions {
  /** The catalogue folder (holding config.json). */
  root: string;
  pids: string[];
  title?: string;
  /** Make a new version of this publication (its DOI). */
  newVersionOf?: string;
  /** The DOI suffix to use instead of a random one. */
  suffix?: string;
  now?: Date;
  /** Source of randomness for suffixes (tests). */
  random?: () => number;
  /** Commit the written files (on `branch` when given). */
  commit?: Omit<CommitRequest, 'message'> & { message?: string };
}

/** One record publishing wrote (or would write). */
export interface Written {
  doi: string;
  /** Path relative to the catalogue root. */
  rel: string;
  record: PublicationRecord;
}

export interface PublishResult {
  publication: Written;
  /** The concept record, when this run created it. */
  concept?: Written;
  /** Errors that stopped the write; empty when the files were written. */
  refused: Finding[];
  written: boolean;
  commit?: string;
}

/** Creates the draft publication for `pids`; throws PublishError on a refusal the curator must act on. */
export async function publish(opts: PublishOptions): Promise<PublishResult> {
  const root = resolve(opts.root);
  const now = opts.now ?? new Date();
  if (opts.pids.length === 0) throw new PublishError('E_PUBLISH_BAD_ID', 'No dataset pids given. Name the datasets to publish, e.g. shelfmark publish 20.500.12345/20240017/xps-0001.');
  const config = await readConfig(root);
  const datasets: DatasetRecord[] = [];
  for (const pid of new Set(opts.pids)) datasets.push(await readDataset(root, pid));
  const refusals = datasets.map(publishRefusal).filter((r): r is string => !!r);
  if (refusals.length > 0) throw new PublishError('E_PUBLISH_NOT_PUBLIC', `Not published, nothing written:\n  ${refusals.join('\n  ')}`);

  const proposals = new Map<string, ProposalRecord>();
  for (const id of new Set(datasets.map((d) => d.proposalId))) {
    const p = await readProposal(root, id);
    if (p) proposals.set(id, p);
  }
  const inputs = new Map<string, DatasetRecord>();
  for (const pid of new Set(datasets.flatMap((d) => d.inputDatasets ?? []))) {
    try {
      inputs.set(pid, await readDataset(root, pid));
    } catch {
      // An input held elsewhere is cited by its pid alone.
    }
  }

  const minted = new Set<string>();
  const taken = (doi: string) => minted.has(doi) || existsSync(join(root, publicationRel(doi)));
  const pattern = config.datacite?.doiSuffixPattern;
  const newDoi = (suffix?: string): string => {
    if (suffix === undefined) {
      const doi = mintDoi({ doiPrefix: config.doiPrefix, ...(pattern ? { pattern } : {}), taken, ...(opts.random ? { random: opts.random } : {}) });
      minted.add(doi);
      return doi;
    }
    const problem = suffixProblem(suffix, pattern);
    if (problem) throw new SuffixError(`${problem}. Choose another --suffix, or leave it out for a random one.`);
    const doi = `${config.doiPrefix}/${suffix}`;
    if (taken(doi)) throw new SuffixError(`${doi} exists already (${publicationRel(doi)}). Choose another --suffix, or leave it out for a random one.`);
    minted.add(doi);
    return doi;
  };

  let concept: Written | undefined;
  let versionFields: { version?: string; conceptDoi?: string; previousDoi?: string } = {};
  let title = opts.title;
  if (opts.newVersionOf) {
    const previous = await readPublication(root, opts.newVersionOf);
    const all = await readPublications(root);
    let conceptDoi = conceptOf(previous, all);
    if (!conceptDoi) {
      // The first new version: the concept DOI stands for "all versions" and
      // resolves to a page listing them (issue #6 §3). The previous record
      // stays as it is (it may be frozen); the concept lists it as HasVersion.
      conceptDoi = newDoi();
      const record: PublicationRecord = {
        doi: conceptDoi,
        status: 'draft',
        title: previous.title,
        ...(previous.abstract ? { abstract: previous.abstract } : {}),
        creators: previous.creators,
        publisher: previous.publisher,
        publicationYear: now.getUTCFullYear(),
        resourceType: previous.resourceType ?? 'Dataset',
        pidArray: previous.pidArray,
        ...(previous.rights ? { rights: previous.rights } : {}),
        relatedIdentifiers: [{ relatedIdentifier: previous.doi, relatedIdentifierType: 'DOI', relationType: 'HasVersion' }],
        conceptDoi,
      };
      concept = { doi: conceptDoi, rel: publicationRel(conceptDoi), record };
      all.push(record);
    }
    const versions = versionsOf(conceptDoi, all);
    // "A new version of the concept" follows the latest version.
    const previousDoi = isConcept(previous) ? (versions.at(-1)?.doi ?? previous.doi) : previous.doi;
    versionFields = { version: nextVersion(versions, isConcept(previous) ? {} : previous), conceptDoi, previousDoi };
    title ??= previous.title;
  }

  const doi = newDoi(opts.suffix);
  const record = assemblePublication({
    doi,
    datasets,
    proposals,
    config,
    inputs,
    now,
    ...(title ? { title } : {}),
    ...versionFields,
  });
  const publication: Written = { doi, rel: publicationRel(doi), record };

  const refused: Finding[] = [];
  for (const w of [concept, publication]) {
    if (!w) continue;
    refused.push(...(await checkCandidate({ root, rel: w.rel, record: w.record, now })).filter((f) => f.severity === 'error'));
  }
  const base = { publication, ...(concept ? { concept } : {}) };
  if (refused.length > 0) return { ...base, refused, written: false };

  const files: string[] = [];
  for (const w of [concept, publication]) {
    if (!w) continue;
    const abs = join(root, w.rel);
    await writeFileAtomic(abs, formatRecord(w.record));
    files.push(abs);
  }
  let commit: string | undefined;
  if (opts.commit) {
    const message =
      opts.commit.message ??
      `Publish ${doi} (draft${versionFields.version ? `, version ${versionFields.version} of ${versionFields.conceptDoi}` : ''}): ${datasets.length} ${datasets.length === 1 ? 'dataset' : 'datasets'}`;
    commit = await commitFiles(root, files, { ...opts.commit, message });
  }
  return { ...base, refused: [], written: true, ...(commit ? { commit } : {}) };
}
