/**
 * What the diff needs from each changed record at head: its validation and the
 * few facts the summary shows (id, title, instrument, proposal). Large changes
 * are checked in worker threads, in batches, as `validateCatalog` does, since
 * parsing and validating is most of a 10,000-record diff's time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PathInfo } from '../../core/layout.ts';
import { ID_FIELD, isObject, type RuleContext } from '../../validate/rules/context.ts';
import { validateRecordText, type RecordValidation, type RevisionContext } from './validate-at-rev.ts';

/** One head text to check. */
export interface HeadTask {
  text: string;
  /** Path relative to the catalogue root. */
  rel: string;
  info: PathInfo;
  /** Path shown in findings. */
  file: string;
}

export interface HeadFacts {
  validation: RecordValidation;
  id?: string;
  title?: string;
  instrumentId?: string;
  proposalId?: string;
}

/** What a worker thread is started with: the revision context as plain data. */
export interface HeadWorkerData {
  rules: RuleContext;
  rels: string[];
}

/** Validates one head text and picks its facts. */
export function inspectHead(t: HeadTask, ctx: RevisionContext): HeadFacts {
  const { validation, value } = validateRecordText(t.text, t.rel, t.info, t.file, ctx);
  const facts: HeadFacts = { validation };
  if (!isObject(value)) return facts;
  const idField = ID_FIELD[t.info.type];
  if (idField && typeof value[idField] === 'string') facts.id = value[idField];
  for (const k of ['datasetName', 'title', 'name']) {
    if (typeof value[k] === 'string') {
      facts.title = value[k];
      break;
    }
  }
  if (t.info.type === 'dataset') {
    if (typeof value.instrumentId === 'string') facts.instrumentId = value.instrumentId;
    if (typeof value.proposalId === 'string') facts.proposalId = value.proposalId;
  }
  return facts;
}

/** Below this many records, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 2000;
const BATCH = 128;

/** Inspects every task, in order; in worker threads when there are many (`workers: 0` never). */
export async function inspectHeads(tasks: HeadTask[], ctx: RevisionContext, opts: { workers?: number } = {}): Promise<HeadFacts[]> {
  const count = opts.workers ?? (tasks.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 0);
  if (count <= 0) return tasks.map((t) => inspectHead(t, ctx));
  const data: HeadWorkerData = { rules: ctx.rules, rels: ctx.rels() };
  const out = new Array<HeadFacts>(tasks.length);
  const workers = Array.from({ length: count }, () => new Worker(new URL('./head-worker.ts', import.meta.url), { workerData: data }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let start = 0;
            const send = () => {
              if (next >= tasks.length) return resolve();
              start = next;
              next += BATCH;
              w.postMessage(tasks.slice(start, start + BATCH));
            };
            w.on('message', (facts: HeadFacts[]) => {
              facts.forEach((f, i) => (out[start + i] = f));
              send();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (next < tasks.length) reject(new Error(`diff validation worker stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
