/**
 * The OAI-PMH view of a catalogue: every item a harvester may see, with its
 * OAI identifier, datestamp and sets, and its DataCite record on demand.
 *
 * It is built from the site's index, so the public gate is the site's own
 * (tools/site/public-gate.ts): an embargoed dataset never becomes an item.
 * Removed datasets and publications (git tombstones) and publications hidden
 * again (status `registered`, issue #6 §2) are items with status deleted, kept
 * for ever (deletedRecord `persistent`).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetToDatacite, publicationToDatacite } from '../export/datacite-from-records.ts';
import type { DataciteRecord } from '../export/datacite-model.ts';
import type { DatasetView, PublicationRecord, PublicationView } from '../export/view.ts';
import { isConcept, versionsOf } from '../publish/versions.ts';
import { createContext, type SiteContext } from '../site/context.ts';
import { exportView } from '../site/exports.ts';
import { readGitFacts, type GitFacts } from '../site/git-facts.ts';
import type { Dataset } from '../site/records.ts';
import { buildSiteIndex, type SiteIndex } from '../site/site-index.ts';
import { toDatestamp } from './datestamps.ts';

/** The set every public record belongs to, as the OpenAIRE guidelines for data archives ask. */
export const OPENAIRE_SET = 'openaire_data';

/** One record as a harvester sees it. */
export interface OaiItem {
  /** `oai:<repositoryIdentifier>:<pid or DOI>`. */
  identifier: string;
  kind: 'dataset' | 'publication';
  /** The dataset pid or the publication DOI. */
  id: string;
  /** Seconds granularity, UTC. */
  datestamp: string;
  /** setSpecs the item belongs to. */
  sets: string[];
  deleted: boolean;
  /** The record file relative to the catalogue root (live items only). */
  rel?: string;
}

export interface OaiSet {
  spec: string;
  name: string;
}

export interface OaiRepository {
  name: string;
  /** The oai-identifier `repositoryIdentifier` (a domain name). */
  repositoryIdentifier: string;
  adminEmail: string;
  /** `datacentreSymbol` in oai_datacite records. */
  datacentreSymbol: string;
  /** The oldest datestamp (or now, for an empty repository). */
  earliestDatestamp: string;
  /** Every item, in the stable order harvests page through: datestamp, then identifier. */
  items: OaiItem[];
  sets: OaiSet[];
  /** Changes whenever the item list changes, so a resumption token from an older list is refused. */
  fingerprint: string;
  /** The item with this OAI identifier (case-insensitive), live or deleted. */
  item(identifier: string): OaiItem | undefined;
  /** The DataCite model of a live item; throws for a deleted one. */
  datacite(item: OaiItem): DataciteRecord;
}

/** Settings that the catalogue's config does not hold. */
export interface OaiSettings {
  /** Required by Identify; default `webmaster@<repositoryIdentifier>`. */
  adminEmail?: string;
  /** The DataCite repository symbol; default derived from the publisher (e.g. `NORDLYS-SYNCHROTRON`). */
  datacentreSymbol?: string;
  /** Default: the site's host name, else the facility's, when it is a domain name. */
  repositoryIdentifier?: string;
}

// oai-identifier.xsd: a domain name with at least two labels, each starting with a letter.
const REPOSITORY_ID = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

const hostOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

/** The repositoryIdentifier: the first of the given one, the site host and the facility host that is a domain name. */
export function repositoryIdentifierOf(config: SiteIndex['config'], given?: string): string {
  for (const c of [given, hostOf(config.siteBaseUrl), hostOf(config.facility?.url)]) if (c && REPOSITORY_ID.test(c)) return c;
  return 'shelfmark.invalid';
}

/** Builds the repository from a site index and the git facts the build already read. */
export function createOaiRepository(root: string, index: SiteIndex, facts: Pick<GitFacts, 'history' | 'tombstones'>, settings: OaiSettings = {}): OaiRepository {
  // Harvesters copy everything they are given: an index that holds embargoed datasets must never become a repository.
  if (index.includeEmbargoed) throw new Error('An internal (--include-embargoed) index cannot be published over OAI-PMH; build the public index.');
  const config = index.config;
  const now = new Date(index.now);
  const site: SiteContext = createContext(root, index, facts.history);
  const repositoryIdentifier = repositoryIdentifierOf(config, settings.repositoryIdentifier);
  const oaiId = (id: string): string => `oai:${repositoryIdentifier}:${id}`;
  // The last commit that touched the file; outside git, the file's modification time.
  const changed = (rel: string): number => {
    const dates = site.historyOf(rel).map((h) => Date.parse(h.date)).filter(Number.isFinite);
    if (dates.length > 0) return Math.max(...dates);
    return statSync(join(root, rel)).mtimeMs;
  };
  const items: OaiItem[] = [];
  for (const d of index.datasets) {
    let stamp = changed(d.rel);
    // An embargo that ended is a change a harvester must see, though no commit made it (the record went public then).
    const until = Date.parse(site.read<Dataset>(d.rel).access?.embargoedUntil ?? '');
    if (Number.isFinite(until) && until <= now.getTime() && until > stamp) stamp = until;
    const sets = [OPENAIRE_SET];
    if (d.instrumentId) sets.push(`instrument:${d.instrumentId}`);
    items.push({ identifier: oaiId(d.pid), kind: 'dataset', id: d.pid, datestamp: toDatestamp(stamp), sets, deleted: false, rel: d.rel });
  }
  for (const p of index.publications) {
    // A DOI hidden again (findable → registered) must leave the harvesters' indexes: report it deleted.
    const hidden = p.status !== 'findable';
    const item: OaiItem = { identifier: oaiId(p.id), kind: 'publication', id: p.id, datestamp: toDatestamp(changed(p.rel)), sets: [OPENAIRE_SET], deleted: hidden };
    if (!hidden) item.rel = p.rel;
    items.push(item);
  }
  for (const t of facts.tombstones)
    items.push({ identifier: oaiId(t.id), kind: t.kind, id: t.id, datestamp: toDatestamp(t.removed), sets: [OPENAIRE_SET], deleted: true });
  items.sort((a, b) => (a.datestamp !== b.datestamp ? (a.datestamp < b.datestamp ? -1 : 1) : a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));

  const byId = new Map(items.map((i) => [i.identifier.toLowerCase(), i]));
  const used = new Set(items.flatMap((i) => i.sets));
  const sets: OaiSet[] = [{ spec: OPENAIRE_SET, name: 'OpenAIRE data (all public datasets and DOI publications)' }];
  for (const ins of index.instruments) if (used.has(`instrument:${ins.id}`)) sets.push({ spec: `instrument:${ins.id}`, name: ins.name });

  const hash = createHash('sha1');
  for (const i of items) hash.update(`${i.identifier}\u0000${i.datestamp}\u0000${i.deleted}\n`);
  const publisher = config.publisher ?? config.facility?.name ?? 'Shelfmark';
  return {
    name: site.siteName,
    repositoryIdentifier,
    adminEmail: settings.adminEmail ?? `webmaster@${repositoryIdentifier}`,
    datacentreSymbol: settings.datacentreSymbol ?? publisher.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, ''),
    earliestDatestamp: items[0]?.datestamp ?? toDatestamp(now),
    items,
    sets,
    fingerprint: hash.digest('hex').slice(0, 12),
    item: (identifier) => byId.get(identifier.toLowerCase()),
    datacite(item) {
      if (item.deleted || !item.rel) throw new Error(`${item.identifier} is deleted and has no metadata`);
      return item.kind === 'dataset' ? datasetRecord(site, item) : publicationRecord(site, item);
    },
  };
}

function datasetRecord(site: SiteContext, item: OaiItem): DataciteRecord {
  const entry = site.dataset(item.id)!;
  const record = site.read<Dataset>(entry.rel);
  return datasetToDatacite(exportView(site, record, entry));
}

/**
 * The same view the site's publication exports use (tools/site/exports.ts): only
 * members visible in this build, and a concept DOI lists its versions (#6 §3).
 */
function publicationRecord(site: SiteContext, item: OaiItem): DataciteRecord {
  const entry = site.publication(item.id)!;
  const publication = site.read<PublicationRecord>(entry.rel);
  const datasets = entry.pids.map((pid) => site.read<Dataset>(site.dataset(pid)!.rel));
  const config = site.index.config as DatasetView['config'];
  const view: PublicationView = { publication: { ...publication, pidArray: entry.pids }, config, datasets };
  if (isConcept(publication)) {
    const all = site.index.publications.map((e) => site.readShared<PublicationRecord>(e.rel));
    view.versions = versionsOf(publication.doi, all).map((v) => ({ doi: v.doi, version: v.version }));
  }
  return publicationToDatacite(view);
}

/** Reads the catalogue at `root` (public gate at `now`) and its git history into a repository. */
export async function loadOaiRepository(root: string, now: Date = new Date(), settings: OaiSettings = {}): Promise<OaiRepository> {
  const visibility = { now, includeEmbargoed: false };
  const index = await buildSiteIndex(root, visibility);
  const live = new Set([...index.datasets.map((d) => d.pid.toLowerCase()), ...index.publications.map((p) => p.id.toLowerCase())]);
  const facts = await readGitFacts(root, index.config, visibility, live);
  return createOaiRepository(root, index, facts, settings);
}
