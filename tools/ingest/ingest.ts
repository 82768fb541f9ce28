/**
 * The ingest pipeline: walk files and folders, read each file with its
 * translator, group the measurements of one acquisition, map each group to a
 * dataset record and write it (atomically) into the catalogue, optionally as
 * one git commit per batch on `ingest/<instrument>/<yyyy-mm-dd>`.
 *
 * The stages overlap: large batches read (translate, hash, draw quick-looks) in
 * worker threads, and each folder's records are mapped and written on the main
 * thread as soon as its last file has been read (group-stream.ts), so every
 * core is busy; the summary comes back in batch order all the same.
 *
 * Idempotent: the SHA-256 of every source file is kept in the record's
 * provenance, so an unchanged source rewrites nothing and a changed one updates
 * its own record (same pid), keeping what curators added. One bad file is
 * reported and the batch goes on. Returns data; the CLI formats it.
 */
import { opendir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { recordPath } from '../core/layout.ts';
import { formatRecord, writeFileAtomic } from '../catalog/write.ts';
import { catalogFolders, type CatalogFolders } from './catalog-folders.ts';
import { byOrder, groupStream, type ReadyGroup } from './group-stream.ts';
import type { Measurement, TranslatorResult } from './measurement.ts';
import { fileFacts, type FileFacts } from './manifest.ts';
import type { ReadOutcome } from './read-file.ts';
import { loadSettings, type IngestSettings } from './settings.ts';
import { proposalFor, toRecord, type AttachmentFile, type MeasurementGroup, type Person } from './to-record.ts';
import { isoDate, toZonedIso } from './time.ts';
import { branchReader, commitBatch, type CommitBatchOptions, type CommitResult } from './commit.ts';

/** What happened to one record. */
export interface RecordOutcome {
  pid: string;
  title: string;
  instrumentId?: string;
  status: 'created' | 'updated' | 'unchanged';
  /** Record path relative to the catalogue root. */
  path: string;
  /** Attachment paths relative to the catalogue root. */
  attachments: string[];
  /** Absolute paths of the source files. */
  sources: string[];
  /** SHA-256 of each source file as ingested. */
  hashes: Record<string, string>;
  warnings: string[];
}

/** A file that could not be ingested, and how to fix it. */
export interface IngestError {
  file: string;
  message: string;
  fix?: string;
}

export interface IngestSummary {
  records: RecordOutcome[];
  errors: IngestError[];
  skipped: { file: string; reason: string }[];
  /** Files looked at (after walking folders). */
  files: number;
  dryRun: boolean;
  commits: CommitResult[];
}

export type ReadFile = (path: string) => Promise<TranslatorResult>;

export interface IngestOptions {
  /** The catalogue root (the folder holding config.json). */
  catalogRoot: string;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Commit the batch on `ingest/<instrument>/<date>` in the git repo that holds the catalogue. */
  commit?: boolean;
  /** Rewrite records even when their sources are unchanged. */
  force?: boolean;
  /** The translator entry point; default `readAny` from ./translators (through read-file.ts, which also hashes). */
  read?: ReadFile;
  /** Settings; default loaded from the catalogue. */
  settings?: IngestSettings;
  now?: Date;
  toolVersion?: string;
  /** Called after each file is read, for progress bars. */
  onFile?: (done: number, total: number, file: string) => void;
  /** Translator worker threads; default one per core for batches of 200 files or more, 0 to read in-process. */
  workers?: number;
  /** Files read and records written at the same time; default 8. */
  concurrency?: number;
  /** Passed to the git commit of each batch (author, date, stay on the branch). */
  commitOptions?: CommitBatchOptions;
}

/** Files under the given paths (folders walked recursively, dot-files skipped), sorted, de-duplicated. */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; errors: IngestError[] }> {
  const files = new Set<string>();
  const errors: IngestError[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries: { name: string; dir: boolean }[] = [];
    for await (const e of await opendir(dir)) if (!e.name.startsWith('.')) entries.push({ name: e.name, dir: e.isDirectory() });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.dir) await walk(p);
      else files.add(p);
    }
  };
  for (const input of inputs) {
    const abs = resolve(input);
    try {
      const st = await stat(abs);
      if (st.isDirectory()) await walk(abs);
      else files.add(abs);
    } catch (err) {
      errors.push({ file: input, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, fix: 'check the path exists and is readable' });
    }
  }
  return { files: [...files].sort(), errors };
}

/** Runs `fn` over `items` with at most `limit` running at once; results in input order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The source fingerprint of a record: sorted `sha256` of its provenance source files. */
export function sourceFingerprint(record: unknown): string | undefined {
  if (!isObj(record) || !isObj(record.provenance) || !Array.isArray(record.provenance.sourceFiles)) return undefined;
  return record.provenance.sourceFiles
    .map((f) => (isObj(f) && typeof f.sha256 === 'string' ? f.sha256 : '?'))
    .sort()
    .join(',');
}

/**
 * A re-harvest keeps what curators added: top-level fields the fresh record lacks
 * and scientificMetadata entries the files do not provide are carried over.
 */
export function keepCuration(existing: Record<string, unknown>, fresh: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fresh };
  for (const [k, v] of Object.entries(existing)) if (!(k in out)) out[k] = v;
  const deep = (a: unknown, b: unknown): unknown => {
    if (!isObj(a) || !isObj(b) || 'value' in b || 'min' in b) return b;
    const r: Record<string, unknown> = { ...b };
    for (const [k, v] of Object.entries(a)) r[k] = k in b ? deep(v, b[k]) : v;
    return r;
  };
  if (isObj(existing.scientificMetadata)) out.scientificMetadata = deep(existing.scientificMetadata, fresh.scientificMetadata ?? {});
  // A required key a curator filled in is no longer missing.
  const prov = out.provenance;
  if (isObj(prov) && Array.isArray(prov.missingRequired)) {
    const tree = out.scientificMetadata as Record<string, unknown>;
    const has = (key: string) => key.split('/').reduce<unknown>((n, p) => (isObj(n) ? n[p] : undefined), tree) !== undefined;
    const still = (prov.missingRequired as string[]).filter((k) => !has(k));
    const filled = new Set((prov.missingRequired as string[]).filter((k) => has(k)));
    out.provenance = {
      ...prov,
      missingRequired: still,
      warnings: Array.isArray(prov.warnings) ? prov.warnings.filter((w) => !(typeof w === 'string' && [...filled].some((k) => w.includes(`"${k}"`)))) : prov.warnings,
    };
    if (still.length === 0) delete (out.provenance as Record<string, unknown>).missingRequired;
  }
  return out;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A mapped record waiting to be written. */
interface Planned {
  pid: string;
  path: string;
  title: string;
  instrumentId?: string;
  record: Record<string, unknown>;
  attachments: AttachmentFile[];
  sources: string[];
  hashes: Record<string, string>;
  warnings: string[];
  /** The record already in the catalogue, when known (null: known to be absent). */
  existing?: unknown;
}

/** How {@link apply} writes: where, whether at all, and the batch's folder cache. */
interface ApplyContext {
  catalogRoot: string;
  dryRun: boolean;
  force: boolean;
  folders: CatalogFolders;
}

/** Writes one planned record unless its sources are unchanged; returns the outcome. */
async function apply(p: Planned, { catalogRoot, dryRun, force, folders }: ApplyContext): Promise<RecordOutcome> {
  const existing = p.existing === null ? undefined : p.existing !== undefined ? p.existing : await readJson(join(catalogRoot, p.path));
  const base = { pid: p.pid, title: p.title, ...(p.instrumentId ? { instrumentId: p.instrumentId } : {}), path: p.path, attachments: p.attachments.map((a) => a.rel), sources: p.sources, hashes: p.hashes, warnings: p.warnings };
  if (!force && existing !== undefined && sourceFingerprint(existing) === sourceFingerprint(p.record)) return { ...base, status: 'unchanged' };
  const record = isObj(existing) ? keepCuration(existing, p.record) : p.record;
  if (!dryRun) {
    const write = async (rel: string, data: string) => {
      const path = join(catalogRoot, rel);
      await folders.ensure(dirname(path));
      await writeFileAtomic(path, data, { mkdir: false });
    };
    // Attachments first, so a record never points at a plot that is not there yet.
    await Promise.all(p.attachments.map((a) => write(a.rel, a.render())));
    await write(p.path, formatRecord(record));
  }
  return { ...base, status: existing === undefined ? 'created' : 'updated' };
}

/** The branch a batch for this instrument goes on: `ingest/<instrument>/<yyyy-mm-dd>` in the facility zone. */
export function ingestBranch(instrumentId: string | undefined, now: Date, timeZone: string): string {
  const local = toZonedIso(now.toISOString(), timeZone);
  const day = local.ok ? isoDate(local.iso, timeZone) : now.toISOString().slice(0, 10);
  return `ingest/${instrumentId ?? 'unknown'}/${day}`;
}

/** Ingests files and folders into the catalogue. Never throws for bad input files. */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const catalogRoot = resolve(options.catalogRoot);
  const settings = options.settings ?? (await loadSettings(catalogRoot));
  const { files, errors } = await expandInputs(inputs);
  // Large batches translate (and hash) in worker threads, one per core, while the
  // main thread maps and writes the records of each folder as soon as the folder
  // has been read. Small batches are not worth the start-up.
  const wantWorkers = options.workers ?? (files.length >= 200 ? availableParallelism() : 0);
  const pool = !options.read && wantWorkers > 0 ? await import('./read-pool.ts').then((m) => m.startReadPool(wantWorkers)) : undefined;
  try {
    let reader: Reader;
    if (pool) reader = pool.read;
    else if (options.read) {
      const read = options.read;
      reader = async (path) => ({ result: await read(path) });
    } else {
      const [{ readAny }, { readAndHash }] = await Promise.all([import('./translators/index.ts'), import('./read-file.ts')]);
      reader = (path) => readAndHash(path, readAny);
    }
    return await ingestFiles(files, errors, options, reader, catalogRoot, settings);
  } finally {
    await pool?.close();
  }
}

/** Reads one file; the read pool also hands back the file's manifest facts, computed beside the translation. */
type Reader = (path: string) => Promise<ReadOutcome>;

/** Runs tasks with at most `limit` of them in flight; `run` resolves when its task has run. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((go) => queue.push(go));
    active++;
    try {
      return await task();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

async function ingestFiles(
  files: string[],
  errors: IngestError[],
  options: IngestOptions,
  reader: Reader,
  catalogRoot: string,
  settings: IngestSettings,
): Promise<IngestSummary> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const force = options.force ?? false;
  const skipped: IngestSummary['skipped'] = [];
  const readErrors: { index: number; error: IngestError }[] = [];
  const claimed = new Set<string>();
  let done = 0;

  const facts = new Map<string, Promise<FileFacts>>();
  const factsOf = (p: string) => {
    let f = facts.get(p);
    if (!f) facts.set(p, (f = fileFacts(p)));
    return f;
  };
  const readOne = async (file: string): Promise<TranslatorResult> => {
    try {
      const { result, facts: known } = await reader(file);
      if (known && !facts.has(file)) facts.set(file, Promise.resolve(known));
      return result;
    } catch (err) {
      // A translator must not throw; if one does, the file is still just one bad file.
      return { status: 'error', file, message: `the translator failed unexpectedly: ${(err as Error).message}`, fix: 'report this as a bug with the file attached' };
    }
  };
  const proposals = new Map<string, Promise<{ pi?: Person } | undefined>>();
  const proposalOf = (id: string) => {
    let p = proposals.get(id);
    if (!p) {
      let path: string | undefined;
      try {
        path = join(catalogRoot, recordPath('proposal', id));
      } catch {
        path = undefined;
      }
      p = path ? (readJson(path) as Promise<{ pi?: Person } | undefined>) : Promise.resolve(undefined);
      proposals.set(id, p);
    }
    return p;
  };

  const folders = catalogFolders();
  const readOnBranch = options.commit && !dryRun ? await branchReader(catalogRoot) : undefined;
  /**
   * The existing record of `pid` (on the batch's branch in commit mode), and the
   * absolute paths of the source files it lists that still exist.
   */
  const earlierSources = async (pid: string, instrumentId: string | undefined): Promise<{ record: unknown; sources: string[] }> => {
    const rel = recordPath('dataset', pid);
    const abs = join(catalogRoot, rel);
    const text = readOnBranch
      ? await readOnBranch(ingestBranch(instrumentId, now, settings.timeZone), rel)
      : (await folders.mayExist(abs))
        ? await readFile(abs, 'utf8').catch(() => undefined)
        : undefined;
    if (!text) return { record: undefined, sources: [] };
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch {
      return { record: undefined, sources: [] };
    }
    if (!isObj(rec) || typeof rec.sourceFolder !== 'string' || !isObj(rec.files) || !Array.isArray(rec.files.dataFileList)) return { record: rec, sources: [] };
    const folder = rec.sourceFolder;
    const out: string[] = [];
    for (const f of rec.files.dataFileList) {
      if (!isObj(f) || typeof f.path !== 'string') continue;
      const abs = resolve(folder, f.path);
      if (await stat(abs).then((st) => st.isFile(), () => false)) out.push(abs);
    }
    return { record: rec, sources: out };
  };

  const inBatch = new Set(files);
  type Plan = { ok: true; planned: Planned; primary: string } | { ok: false; error: IngestError };
  const plan = async (g: ReadyGroup): Promise<Plan> => {
    const primary = g.measurements[0]!.files[0]!;
    try {
      const proposalId = proposalFor(primary, settings);
      const proposal = proposalId ? await proposalOf(proposalId) : undefined;
      const mapOpts = { now, ...(proposal ? { proposal } : {}), ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}) };
      const mapGroup = async (ms: Measurement[]) => {
        const allFiles = [...new Set(ms.flatMap((m) => m.files))];
        const group: MeasurementGroup = { key: g.key, measurements: ms, files: await Promise.all(allFiles.map(factsOf)) };
        return { allFiles, mapped: toRecord(group, settings, mapOpts) };
      };
      let { allFiles, mapped } = await mapGroup(g.measurements);
      if (!mapped.ok) return { ok: false, error: { file: primary, message: mapped.message, fix: mapped.fix } };
      // Files of this acquisition that an earlier batch already put in the record (an SES .txt
      // whose .ibw arrives later) are read again, so the record keeps all of them.
      const { record: existing, sources: earlier } = await earlierSources(mapped.pid, typeof mapped.record.instrumentId === 'string' ? mapped.record.instrumentId : undefined);
      const missing = earlier.filter((f) => !allFiles.includes(f) && !inBatch.has(f));
      if (missing.length > 0) {
        const extra: Measurement[] = [];
        for (const f of missing) {
          const r = await readOne(f);
          if (r.status === 'ok') extra.push(...r.measurements.filter((m) => m.groupKey === g.measurements[0]!.groupKey));
        }
        if (extra.length > 0) {
          const ms = [...g.measurements, ...extra].sort((a, b) => (a.files[0]! < b.files[0]! ? -1 : a.files[0]! > b.files[0]! ? 1 : 0));
          ({ allFiles, mapped } = await mapGroup(ms));
          if (!mapped.ok) return { ok: false, error: { file: primary, message: mapped.message, fix: mapped.fix } };
        }
      }
      const planned: Planned = {
        pid: mapped.pid,
        path: recordPath('dataset', mapped.pid),
        title: mapped.record.datasetName as string,
        ...(typeof mapped.record.instrumentId === 'string' ? { instrumentId: mapped.record.instrumentId } : {}),
        record: mapped.record,
        attachments: mapped.attachments,
        sources: allFiles,
        hashes: Object.fromEntries(await Promise.all(allFiles.map(async (f) => [f, (await factsOf(f)).sha256] as const))),
        warnings: mapped.warnings,
        // Without --commit the record just read is what apply() would read again.
        ...(readOnBranch ? {} : { existing: existing ?? null }),
      };
      return { ok: true, planned, primary };
    } catch (err) {
      return { ok: false, error: { file: primary, message: `could not be ingested: ${(err as Error).message}`, fix: 'check the file is readable and complete' } };
    }
  };

  // Without --commit a record is written as soon as it is planned; with --commit the
  // writes wait for their branch to be checked out, below.
  const writeNow = !(options.commit && !dryRun);
  const planErrors: { order: [number, number]; error: IngestError }[] = [];
  const planned: { order: [number, number]; planned: Planned }[] = [];
  const written: { order: [number, number]; outcome: RecordOutcome }[] = [];
  const seenPids = new Map<string, string>();
  const limit = options.concurrency ?? 8;
  const stage = limiter(limit);
  const staged: Promise<void>[] = [];
  const planAndWrite = async (g: ReadyGroup): Promise<void> => {
    const p = await plan(g);
    if (!p.ok) {
      planErrors.push({ order: g.order, error: p.error });
      return;
    }
    const clash = seenPids.get(p.planned.pid);
    if (clash) {
      planErrors.push({ order: g.order, error: { file: p.primary, message: `maps to the same record ${p.planned.pid} as ${clash}`, fix: 'give the measurements distinct file names' } });
      return;
    }
    seenPids.set(p.planned.pid, p.primary);
    if (!writeNow) {
      planned.push({ order: g.order, planned: p.planned });
      return;
    }
    try {
      written.push({ order: g.order, outcome: await apply(p.planned, { catalogRoot, dryRun, force, folders }) });
    } catch (err) {
      // The catalogue, not the file, is at fault; the other records still go in.
      const error = { file: p.primary, message: `could not write ${p.planned.path}: ${(err as Error).message}`, fix: 'check that the catalogue folder is writable and the disk not full, then ingest again' };
      planErrors.push({ order: g.order, error });
    }
  };

  // Files are read a few at a time (the translators mostly wait on the disk or the
  // workers); each folder's groups are planned and written as soon as it is read.
  const stream = groupStream(files);
  await mapPool(files, limit, async (file, index) => {
    const result = await readOne(file);
    options.onFile?.(++done, files.length, file);
    if (result.status === 'ok') for (const m of result.measurements) for (const f of m.files) claimed.add(f);
    else if (result.status === 'skipped') skipped.push({ file, reason: result.reason });
    else readErrors.push({ index, error: { file, message: result.message, ...(result.fix ? { fix: result.fix } : {}) } });
    for (const g of stream.add(index, result.status === 'ok' ? result.measurements : [])) staged.push(stage(() => planAndWrite(g)));
  });
  await Promise.all(staged);

  readErrors.sort((a, b) => a.index - b.index);
  errors.push(...readErrors.map((e) => e.error), ...planErrors.sort(byOrder).map((e) => e.error));
  // A file named by a measurement (an SES .ibw beside its .txt, a NeXus data file) is not "skipped".
  const order = new Map(files.map((f, i) => [f, i]));
  const unclaimed = skipped.filter((s) => !claimed.has(s.file)).sort((a, b) => order.get(a.file)! - order.get(b.file)!);

  const records: RecordOutcome[] = written.sort(byOrder).map((w) => w.outcome);
  const commits: CommitResult[] = [];
  if (!writeNow) {
    // One commit per instrument branch; records are compared with what that branch holds.
    const byBranch = new Map<string, Planned[]>();
    for (const { planned: p } of planned.sort(byOrder)) {
      const b = ingestBranch(p.instrumentId, now, settings.timeZone);
      byBranch.set(b, [...(byBranch.get(b) ?? []), p]);
    }
    for (const [branch, batch] of byBranch) {
      const result = await commitBatch(
        catalogRoot,
        branch,
        async () => {
          // A fresh folder cache per branch: checking out a branch removes folders git emptied.
          const onBranch = { catalogRoot, dryRun: false, force, folders: catalogFolders() };
          const outs = await mapPool(batch, limit, (p) => apply(p, onBranch));
          records.push(...outs);
          return { paths: outs.flatMap((o) => [o.path, ...o.attachments]), message: commitMessage(outs, files.length) };
        },
        options.commitOptions,
      );
      commits.push(result);
      if (result.error) errors.push({ file: catalogRoot, message: result.error, fix: 'commit the catalogue by hand, or fix the repository state and ingest again' });
    }
  }
  return { records, errors, skipped: unclaimed, files: files.length, dryRun, commits };
}

/** A commit message that says why: which acquisitions came in, and from where. */
function commitMessage(outs: readonly RecordOutcome[], files: number): string {
  const changed = outs.filter((o) => o.status !== 'unchanged');
  const created = changed.filter((o) => o.status === 'created').length;
  const head = `ingest: ${created} new, ${changed.length - created} updated dataset record(s) from ${files} file(s)`;
  return `${head}\n\n${changed.map((o) => `- ${o.pid} ${o.title}`).join('\n')}\n`;
}
