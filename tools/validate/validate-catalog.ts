/**
 * Validates a whole catalogue: every file on its own (parse, schema, record
 * rules; in worker threads for large catalogues), then the rules across records
 * (unique ids, references) on a compact index. `paths` limits which files are
 * reported, but the whole catalogue is read so references still resolve.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../core/findings.ts';
import { walkCatalog } from '../catalog/read.ts';
import { CatalogIndex, type CrossIssue } from './catalog-index.ts';
import { loadRuleContext } from './context.ts';
import { DEFAULT_MAX_BYTES, parseJsonText } from './json-source.ts';
import { compiledSchemas, SCHEMAS_DIR } from './schema-validator.ts';
import { displayPath, toFinding, validateFile, type FileOptions, type FileResult, type FileTask } from './validate-file.ts';

export interface ValidateOptions {
  /** The catalogue folder (holding config.json). */
  root: string;
  /** Files or folders (absolute, or relative to the current directory or to `root`) whose findings are wanted; default all. */
  paths?: string[];
  /** "Now" for embargo checks; default the current time. */
  now?: Date;
  /** Size limit per record file in bytes; default 10 MB. */
  maxBytes?: number;
  /** Worker threads; default: one per core (at most 8) when the catalogue has 10,000 files or more, else none (a worker costs about a second of start-up: modules and schema compilation). */
  workers?: number;
  /** Schemas folder; default `schemas/` of this repository. */
  schemasDir?: string;
}

export interface ValidateResult {
  findings: Finding[];
  stats: { files: number; records: number; byType: Record<string, number> };
}

const BATCH = 128;

// Batches in flight per worker: while the main thread merges one result, the worker already has the next batch.
const IN_FLIGHT = 3;

async function runInWorkers(tasks: FileTask[], opts: FileOptions, count: number, onResult: (r: FileResult) => void): Promise<void> {
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: opts }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            let outstanding = 0;
            const send = () => {
              while (outstanding < IN_FLIGHT && next < tasks.length) {
                worker.postMessage(tasks.slice(next, next + BATCH));
                next += BATCH;
                outstanding++;
              }
              if (outstanding === 0) resolvePromise();
            };
            worker.on('message', (results: FileResult[]) => {
              outstanding--;
              for (const r of results) onResult(r);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (outstanding > 0) reject(new Error(`validation worker stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Resolves the `paths` option into absolute paths, with findings for those that do not exist or lie outside the root. */
function resolvePaths(root: string, paths: string[] | undefined, findings: Finding[]): string[] | undefined {
  if (!paths || paths.length === 0) return undefined;
  const out: string[] = [];
  for (const p of paths) {
    const candidates = [resolve(p), resolve(root, p)];
    const abs = candidates.find((c) => existsSync(c));
    if (!abs) {
      findings.push({ severity: 'error', code: 'file/not-found', file: p, message: `no such file or folder: ${p}`, fix: 'Check the path (it is relative to the current directory).' });
      continue;
    }
    if (abs !== root && !abs.startsWith(root + sep)) {
      findings.push({ severity: 'error', code: 'file/outside-catalogue', file: displayPath(abs), message: `${p} is not inside the catalogue ${displayPath(root)}`, fix: 'Pass paths inside the catalogue folder, or set --root.' });
      continue;
    }
    out.push(abs);
  }
  return out;
}

/** Adds line and column to cross-record issues by re-reading the (few) files they are in. */
function locateCrossIssues(root: string, issues: CrossIssue[]): Finding[] {
  const byFile = new Map<string, CrossIssue[]>();
  for (const i of issues) byFile.set(i.rel, [...(byFile.get(i.rel) ?? []), i]);
  const findings: Finding[] = [];
  let reread = 0;
  for (const [rel, list] of byFile) {
    const abs = resolve(root, rel);
    const file = displayPath(abs);
    let locate: (pointer: string) => { line: number; column: number } | undefined = () => undefined;
    if (reread++ < 5000) {
      try {
        locate = parseJsonText(readFileSync(abs, 'utf8'), file).locate;
      } catch {
        // unreadable now: report without a line
      }
    }
    for (const { issue } of list) findings.push(toFinding(issue, { file, locate }));
  }
  return findings;
}

/** Validates the catalogue under `opts.root`; returns findings (sorted by file and line) and counts. */
export async function validateCatalog(opts: ValidateOptions): Promise<ValidateResult> {
  const root = resolve(opts.root);
  const findings: Finding[] = [];
  const stats: ValidateResult['stats'] = { files: 0, records: 0, byType: {} };
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    findings.push({
      severity: 'error',
      code: 'file/no-catalogue',
      file: displayPath(root),
      message: `the catalogue folder ${displayPath(root)} does not exist`,
      fix: 'Run from the repository root, or pass --root <folder holding config.json>.',
    });
    return { findings, stats };
  }
  const only = resolvePaths(root, opts.paths, findings);
  const reported = (abs: string) => !only || only.some((p) => abs === p || abs.startsWith(p + sep));

  const tasks: FileTask[] = [];
  for await (const f of walkCatalog(root)) tasks.push({ path: f.path, rel: f.rel, report: reported(f.path) });
  stats.files = tasks.length;
  if (!tasks.some((t) => t.rel === 'config.json') && reported(resolve(root, 'config.json'))) {
    findings.push({
      severity: 'error',
      code: 'layout/no-config',
      file: displayPath(resolve(root, 'config.json')),
      message: 'the catalogue has no config.json',
      expected: 'catalog/config.json with pidPrefix, doiPrefix, retentionYears, …',
      fix: 'Create config.json in the catalogue root (see schemas/config.schema.json).',
    });
  }

  // A schema that does not load would silently pass every record: say so.
  for (const problem of compiledSchemas(opts.schemasDir ?? SCHEMAS_DIR, 'fast').problems) {
    findings.push({
      severity: 'error',
      code: 'internal/schema',
      file: displayPath(opts.schemasDir ?? SCHEMAS_DIR),
      message: problem,
      fix: 'Fix the schema file: this is a problem in the data model, not in the records.',
    });
  }

  const fileOpts: FileOptions = {
    ctx: loadRuleContext(root, opts.now ?? new Date()),
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(opts.schemasDir ? { schemasDir: opts.schemasDir } : {}),
  };
  const index = new CatalogIndex();
  const reportOf = new Map<string, boolean>(); // only needed for the order-independent index: small strings
  for (const t of tasks) if (!t.report) reportOf.set(t.rel, false);
  const onResult = (r: FileResult) => {
    findings.push(...r.findings);
    if (r.entry) {
      stats.records++;
      stats.byType[r.entry.type] = (stats.byType[r.entry.type] ?? 0) + 1;
      index.add(r.entry, reportOf.get(r.rel) ?? true);
    }
  };
  const workers = opts.workers ?? (tasks.length >= 10_000 ? Math.min(availableParallelism(), 8) : 0);
  if (workers > 0) await runInWorkers(tasks, fileOpts, workers, onResult);
  else for (const t of tasks) onResult(validateFile(t, fileOpts));

  findings.push(...locateCrossIssues(root, [...index.duplicateIds(), ...index.checkReferences()]));
  findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.pointer ?? '').localeCompare(b.pointer ?? ''),
  );
  return { findings, stats };
}
