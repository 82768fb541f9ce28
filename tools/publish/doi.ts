/**
 * `shelfmark doi register|publish|update|hide <doi>`: brings DataCite, the
 * publication record and git into the state the action asks for, in that order.
 *
 * DataCite is the source of truth for the DOI's state, so every run starts with
 * GET: a DOI DataCite knows is updated with PUT, never created again with POST.
 * The record's `status` and `registeredTime` are written (atomically) only
 * after DataCite confirmed, and the commit comes last. A run that stopped
 * anywhere (DataCite down, a crash after the call, before the commit) leaves a
 * state the same command completes: it finds the DOI at DataCite, sends the
 * metadata again (idempotent), writes what is missing and commits.
 *
 * States (https://support.datacite.org/docs/doi-states): draft → registered
 * (`register`) → findable (`publish`); findable → registered (`hide`). A
 * findable DOI cannot be deleted: removing its publication from the catalogue
 * leaves a tombstone page, and `hide` takes it out of DataCite's search.
 */
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { CatalogConfig, DatasetRecord, PublicationRecord } from '../core/types.generated.ts';
import { absoluteUrl, publicationUrl } from '../core/routes.ts';
import { formatRecord, writeFileAtomic } from '../catalog/write.ts';
import { publicationToDatacite } from '../export/datacite-from-records.ts';
import { toDataciteJson, type DataciteJsonDocument, type DoiEvent } from '../export/datacite-json.ts';
import { toDataciteXml } from '../export/datacite-xml.ts';
import type { DataciteRecord } from '../export/datacite-model.ts';
import { DataciteError, type DataciteApi, type DoiState, type RemoteDoi } from '../datacite/client.ts';
import { commitFiles, PublishError, publicationRel, readConfig, readDataset, readPublication, readPublications, type CommitRequest } from './records.ts';
import { conceptOf, isConcept, versionsOf } from './versions.ts';

export type DoiAction = 'register' | 'publish' | 'update' | 'hide';
export const DOI_ACTIONS: readonly DoiAction[] = ['register', 'publish', 'update', 'hide'];

export interface DoiOptions {
  root: string;
  doi: string;
  action: DoiAction;
  /** Required unless `dryRun`. */
  api?: DataciteApi;
  /** Build and return the request without sending it or writing anything. */
  dryRun?: boolean;
  now?: Date;
  /** Commit the changed record (on `branch` when given). */
  commit?: Omit<CommitRequest, 'message'> & { message?: string };
  /** Check the DataCite XML against the kernel 4.6 XSD before sending (default: when the XSD is available). */
  checkXsd?: boolean;
  /** Test hook: runs after DataCite confirmed and before the record is written (throw to simulate a crash). */
  afterRemote?: (remote: RemoteDoi) => void | Promise<void>;
}

/** A request sent (or, in a dry run, planned) to DataCite. */
export interface PlannedRequest {
  method: 'POST' | 'PUT';
  path: string;
  body: DataciteJsonDocument;
}

export interface DoiResult {
  doi: string;
  action: DoiAction;
  /** The landing page URL sent to DataCite. */
  url: string;
  /** The state before, at DataCite (undefined: unknown there, or a dry run) and in the record. */
  remoteBefore?: DoiState;
  localBefore: PublicationRecord['status'];
  /** The request sent, or planned in a dry run. */
  request: PlannedRequest;
  /** The state DataCite confirmed (not in a dry run). */
  state?: DoiState;
  /** True when the publication record was written. */
  written: boolean;
  commit?: string;
  /** The concept DOI's result, when this run also brought the concept up to date. */
  concept?: DoiResult;
  dryRun: boolean;
}

/** The event to send, given the action and DataCite's current state (undefined: absent). */
function eventFor(action: DoiAction, remote: DoiState | undefined, local: PublicationRecord['status'], doi: string): DoiEvent | undefined {
  switch (action) {
    case 'register':
      return remote === undefined || remote === 'draft' ? 'register' : undefined;
    case 'publish':
      return remote === 'findable' ? undefined : 'publish';
    case 'update':
      // Re-creating a DOI DataCite lost (e.g. after switching endpoints) restores the state the record says.
      return remote === undefined && local !== 'draft' ? (local === 'findable' ? 'publish' : 'register') : undefined;
    case 'hide':
      if (remote === undefined)
        throw new PublishError('E_PUBLISH_STATE', `${doi} is not registered at DataCite, so there is nothing to hide. Run "shelfmark doi register ${doi}" if it should be resolvable.`);
      if (remote === 'draft')
        throw new PublishError('E_PUBLISH_STATE', `${doi} is a draft at DataCite: it is not public, so there is nothing to hide.`);
      return remote === 'findable' ? 'hide' : undefined;
  }
}

/** The DataCite record of a publication, with its member datasets and (for a concept) its versions. */
async function dataciteRecordOf(root: string, p: PublicationRecord, all: PublicationRecord[], config: CatalogConfig): Promise<DataciteRecord> {
  const datasets: DatasetRecord[] = [];
  for (const pid of p.pidArray) datasets.push(await readDataset(root, pid));
  const versions = isConcept(p) ? versionsOf(p.doi, all).map((v) => ({ doi: v.doi, version: v.version })) : undefined;
  const model = publicationToDatacite({ publication: p, config, datasets, ...(versions ? { versions } : {}) });
  // The DOI resolves to the stable static landing page, whatever the record says (routes.ts).
  model.url = absoluteUrl(config.siteBaseUrl, publicationUrl(p.doi));
  return model;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Runs one DOI action; see the module comment for the order of effects. */
export async function doiAction(opts: DoiOptions): Promise<DoiResult> {
  const root = resolve(opts.root);
  const now = opts.now ?? new Date();
  const config = await readConfig(root);
  if (opts.action === 'hide' && !existsSync(join(root, publicationRel(opts.doi)))) return hideRemoved(opts, config);
  const pub = await readPublication(root, opts.doi);
  const all = await readPublications(root);
  const doi = pub.doi;
  const model = await dataciteRecordOf(root, pub, all, config);
  const url = model.url!;

  if (opts.checkXsd ?? true) await checkXml(model, publicationRel(doi));

  if (opts.dryRun) {
    // Offline: the record's own state says which request a real run would most likely send.
    const fresh = pub.status === 'draft' && !pub.registeredTime;
    const event = fresh ? eventFor(opts.action, undefined, pub.status, doi) : opts.action === 'hide' ? 'hide' : opts.action === 'publish' && pub.status !== 'findable' ? 'publish' : undefined;
    const request: PlannedRequest = fresh ? { method: 'POST', path: '/dois', body: toDataciteJson(model, event) } : { method: 'PUT', path: `/dois/${doi.toLowerCase()}`, body: toDataciteJson(model, event) };
    return { doi, action: opts.action, url, localBefore: pub.status, request, written: false, dryRun: true };
  }
  const api = opts.api;
  if (!api) throw new Error('doiAction: an api is required unless dryRun');

  const remoteBefore = await api.get(doi);
  const event = eventFor(opts.action, remoteBefore?.state, pub.status, doi);
  const body = toDataciteJson(model, event);
  let request: PlannedRequest;
  let remote: RemoteDoi;
  if (!remoteBefore) {
    request = { method: 'POST', path: '/dois', body };
    try {
      remote = await api.create(body);
    } catch (err) {
      // A POST that timed out may still have created the DOI; DataCite then says "taken". Never create twice: update it.
      if (!(err instanceof DataciteError && err.status === 422 && err.details.some((d) => d.source === 'doi' && /taken/i.test(d.title)))) throw err;
      const again = await api.get(doi);
      request = { method: 'PUT', path: `/dois/${doi.toLowerCase()}`, body: toDataciteJson(model, eventFor(opts.action, again?.state, pub.status, doi)) };
      remote = await api.update(doi, request.body);
    }
  } else {
    request = { method: 'PUT', path: `/dois/${doi.toLowerCase()}`, body };
    remote = await api.update(doi, body);
  }
  await opts.afterRemote?.(remote);

  const next: PublicationRecord = { ...pub, status: remote.state };
  if (remote.state !== 'draft') next.registeredTime = pub.registeredTime ?? isoSeconds(now);
  const abs = join(root, publicationRel(doi));
  const written = formatRecord(next) !== formatRecord(pub);
  if (written) await writeFileAtomic(abs, formatRecord(next));

  let commit: string | undefined;
  if (opts.commit) {
    try {
      commit = await commitFiles(root, [abs], {
        ...opts.commit,
        message: opts.commit.message ?? `DOI ${doi}: ${opts.action} (DataCite state ${remote.state})`,
      });
    } catch (err) {
      // Already committed by an earlier run that stopped later: nothing is missing.
      if ((err as { code?: string }).code !== 'E_GIT_NOTHING_TO_COMMIT') throw err;
    }
  }

  const result: DoiResult = {
    doi,
    action: opts.action,
    url,
    ...(remoteBefore ? { remoteBefore: remoteBefore.state } : {}),
    localBefore: pub.status,
    request,
    state: remote.state,
    written,
    ...(commit ? { commit } : {}),
    dryRun: false,
  };

  // A version's concept lists every version (HasVersion), so it follows along.
  const conceptDoi = conceptOf(pub, all);
  if (conceptDoi && conceptDoi.toLowerCase() !== doi.toLowerCase() && existsSync(join(root, publicationRel(conceptDoi)))) {
    const concept = all.find((p) => p.doi.toLowerCase() === conceptDoi.toLowerCase());
    const action: DoiAction | undefined =
      opts.action === 'publish' ? 'publish'
      : opts.action === 'register' ? (concept?.status === 'findable' ? 'update' : 'register')
      : concept?.status !== 'draft' ? 'update'
      : undefined;
    if (action) result.concept = await doiAction({ ...opts, doi: conceptDoi, action, afterRemote: undefined });
  }
  return result;
}

/**
 * `hide` for a publication removed from the catalogue: its DOI stays (a
 * findable DOI cannot be deleted) and keeps resolving to the same URL, where
 * the site now shows a tombstone built from git history; DataCite only needs
 * the event. Nothing is written locally, the record is gone.
 */
async function hideRemoved(opts: DoiOptions, config: CatalogConfig): Promise<DoiResult> {
  const doi = opts.doi;
  const url = absoluteUrl(config.siteBaseUrl, publicationUrl(doi));
  const body = (event?: DoiEvent): DataciteJsonDocument => ({ data: { id: doi, type: 'dois', attributes: event ? { event } : {} } });
  const base = { doi, action: 'hide' as const, url, localBefore: 'findable' as const, written: false };
  if (opts.dryRun) return { ...base, request: { method: 'PUT', path: `/dois/${doi.toLowerCase()}`, body: body('hide') }, dryRun: true };
  if (!opts.api) throw new Error('doiAction: an api is required unless dryRun');
  const remote = await opts.api.get(doi);
  if (!remote)
    throw new PublishError('E_PUBLISH_NO_RECORD', `${doi} has no record in the catalogue (${publicationRel(doi)}) and DataCite does not know it either: there is nothing to hide. Check the DOI.`);
  const event = eventFor('hide', remote.state, 'findable', doi);
  const request: PlannedRequest = { method: 'PUT', path: `/dois/${doi.toLowerCase()}`, body: body(event) };
  const after = event ? await opts.api.update(doi, request.body) : remote;
  return { ...base, remoteBefore: remote.state, request, state: after.state, dryRun: false };
}

/** Checks the DataCite XML of a record against kernel 4.6 before it leaves the building. */
async function checkXml(model: DataciteRecord, rel: string): Promise<void> {
  const { validateXml, DATACITE_XSD } = await import('../export/xsd.ts');
  if (!existsSync(DATACITE_XSD)) return; // the schema ships with the corpus; DataCite checks again anyway
  const result = await validateXml(toDataciteXml(model), DATACITE_XSD, `${rel} (as DataCite XML)`);
  if (!result.valid)
    throw new PublishError(
      'E_PUBLISH_INVALID',
      `The DataCite XML of ${rel} does not validate against kernel 4.6, so nothing was sent:\n  ${result.findings.map((f) => `line ${f.line ?? '?'}: ${f.message}`).join('\n  ')}\nFix the publication record and run again.`,
    );
}
