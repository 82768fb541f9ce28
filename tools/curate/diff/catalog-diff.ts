/**
 * The semantic diff of the catalogue between two revisions: per changed record
 * its status (added, removed, modified, renamed), its field changes with human
 * names, and its validation status at head. Builds on the pure record diff
 * (record-diff.ts) and the git edge (change-set.ts); returns data only.
 */
import { RECORD_TYPES, type RecordType } from '../../core/layout.ts';
import type { GitRepo } from '../../git/git.ts';
import { ID_FIELD, isObject } from '../../validate/rules/context.ts';
import { parseRecord, readChangeSet, type ChangedFile, type ChangeSetOptions } from './change-set.ts';
import { labelFor, loadSchemaTitles, profileNames } from './labels.ts';
import { diffRecords, type FieldChange } from './record-diff.ts';
import { pickShown } from './summary.ts';
import { inspectHeads, type HeadFacts } from './head-check.ts';
import { loadRevisionContext, type RecordValidation, type RevisionContext } from './validate-at-rev.ts';

export type RecordStatus = 'added' | 'removed' | 'modified' | 'renamed';

/** A field change with its human name. */
export interface LabelledChange extends FieldChange {
  label: string;
}

/** One changed record. */
export interface RecordDiff {
  type: RecordType;
  /** The record's id (dataset pid, DOI, proposalId …), from its content, else from its path. */
  id: string;
  status: RecordStatus;
  /** Repository path at head (base for a removed record). */
  path: string;
  /** For a rename: the path at base. */
  oldPath?: string;
  /** The record's title (datasetName, title or name), when it has one. */
  title?: string;
  /** For datasets, for the summary of large changes. */
  instrumentId?: string;
  proposalId?: string;
  /** Field changes; empty for a record beyond `DiffOptions.detail`. */
  changes: LabelledChange[];
  /** Validation at head; absent for a removed record. */
  validation?: RecordValidation;
}

/** A changed file that is not a record (an instrument description, an image, a stray file). */
export interface OtherFile {
  path: string;
  status: ChangedFile['status'];
  oldPath?: string;
}

export interface CatalogDiff {
  base: { rev: string; sha: string };
  head: { rev: string; sha: string };
  /** merge-base(base, head): what the head is compared with. */
  from: string;
  /** Sorted by record type (layout order), then status, then path. */
  records: RecordDiff[];
  otherFiles: OtherFile[];
}

const STATUS_ORDER: Record<RecordStatus, number> = { modified: 0, renamed: 1, removed: 2, added: 3 };
const TYPE_ORDER = new Map(RECORD_TYPES.map((t, i) => [t, i]));

const STATUS: Record<ChangedFile['status'], RecordStatus> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed' };

/**
 * Everything about one changed record file except its field changes (see
 * {@link detailRecord}): id, status, title, and validation at head (`facts`,
 * from {@link inspectHeads}; absent for a removed record).
 */
export function describeChangedFile(f: ChangedFile, facts: HeadFacts | undefined): RecordDiff | undefined {
  const info = f.info ?? f.oldInfo;
  if (!info) return undefined;
  let known: Omit<HeadFacts, 'validation'> | undefined = facts;
  if (!facts) {
    // A removed record: its facts come from the base text (rarely many, so no threads).
    const before = parseRecord(f.before);
    const field = ID_FIELD[info.type];
    const r = isObject(before) ? before : {};
    const title = ['datasetName', 'title', 'name'].map((k) => r[k]).find((v) => typeof v === 'string');
    known = {
      ...(field && typeof r[field] === 'string' ? { id: r[field] } : {}),
      ...(typeof title === 'string' ? { title } : {}),
      ...(info.type === 'dataset' && typeof r.instrumentId === 'string' ? { instrumentId: r.instrumentId } : {}),
      ...(info.type === 'dataset' && typeof r.proposalId === 'string' ? { proposalId: r.proposalId } : {}),
    };
  }
  const out: RecordDiff = { type: info.type, id: known?.id ?? info.id, status: STATUS[f.status], path: f.path, changes: [] };
  if (f.oldPath !== undefined) out.oldPath = f.oldPath;
  if (known?.title !== undefined) out.title = known.title;
  if (known?.instrumentId !== undefined) out.instrumentId = known.instrumentId;
  if (known?.proposalId !== undefined) out.proposalId = known.proposalId;
  if (facts) out.validation = facts.validation;
  return out;
}

/** Fills in the field changes of a record, with human names (profile names from `ctx`). */
export function detailRecord(r: RecordDiff, f: ChangedFile, ctx: RevisionContext): void {
  const before = parseRecord(f.before);
  const after = parseRecord(f.after);
  const current = after ?? before;
  const profile = isObject(current) && typeof current.metadataProfile === 'string' ? ctx.profiles[current.metadataProfile] : undefined;
  const labels = { titles: loadSchemaTitles(r.type), profileNames: profileNames(profile) };
  const records = [after, before];
  r.changes = diffRecords(before, after).map((c) => ({ ...c, label: labelFor(c.pointer, labels, records) }));
}

export interface DiffOptions extends ChangeSetOptions {
  /** "Now" for the embargo rules in validation; default the current time. */
  now?: Date;
  /**
   * How many records get their field changes, chosen as the formatters choose
   * which to show ({@link pickShown}: errors first); the others keep
   * `changes: []`. Default: all. Pass the formatters' `limit`, so a 10,000-record
   * ingest does not diff field by field what nobody will read.
   */
  detail?: number;
  /** Worker threads for validation; default: one per core (up to 8) from 2,000 changed records on, else none. */
  workers?: number;
}

/** The semantic diff of the catalogue from merge-base(base, head) to head. */
export async function diffCatalog(repo: GitRepo, opts: DiffOptions): Promise<CatalogDiff> {
  const set = await readChangeSet(repo, opts);
  const ctx = await loadRevisionContext(repo, set.head.sha, set.root, opts.now ?? new Date());
  const records: RecordDiff[] = [];
  const otherFiles: OtherFile[] = [];
  const heads = set.files.filter((f) => f.after !== undefined && f.info !== undefined);
  const tasks = heads.map((f) => ({ text: f.after!, rel: f.path.slice(set.root.length + 1), info: f.info!, file: f.path }));
  const inspected = await inspectHeads(tasks, ctx, opts.workers !== undefined ? { workers: opts.workers } : {});
  const factsOf = new Map(heads.map((f, i) => [f, inspected[i]!]));
  const fileOf = new Map<RecordDiff, ChangedFile>();
  for (const f of set.files) {
    const d = describeChangedFile(f, factsOf.get(f));
    if (d) {
      records.push(d);
      fileOf.set(d, f);
    } else otherFiles.push({ path: f.path, status: f.status, ...(f.oldPath !== undefined ? { oldPath: f.oldPath } : {}) });
  }
  records.sort(
    (a, b) =>
      (TYPE_ORDER.get(a.type) ?? 99) - (TYPE_ORDER.get(b.type) ?? 99) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  otherFiles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const diff: CatalogDiff = { base: set.base, head: set.head, from: set.from, records, otherFiles };
  const shown = pickShown(diff, opts.detail ?? Number.POSITIVE_INFINITY);
  for (const i of shown) detailRecord(records[i]!, fileOf.get(records[i]!)!, ctx);
  return diff;
}
