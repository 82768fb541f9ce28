/**
 * Validates a record BEFORE it is written: the same schema and per-record
 * rules as `shelfmark validate`, run on the candidate text at the place it
 * will take, plus its references checked against the catalogue on disk (the
 * layout derives each referenced file from its id, so no walk is needed).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Finding } from '../core/findings.ts';
import { classifyPath, recordPath, LayoutError } from '../core/layout.ts';
import { formatRecord } from '../catalog/write.ts';
import { loadRuleContext } from '../validate/context.ts';
import { DEFAULT_MAX_BYTES, parseJsonText } from '../validate/json-source.ts';
import { danglingReference, extractReferences } from '../validate/rules/references.ts';
import { displayPath, toFinding, validateFile } from '../validate/validate-file.ts';

export interface CandidateOptions {
  /** The catalogue folder. */
  root: string;
  /** Where the record will be written, relative to the root. */
  rel: string;
  record: unknown;
  /** "Now" for embargo rules; default the current time. */
  now?: Date;
}

/** Every finding the record would get at `rel`, with lines as in the text that would be written. */
export async function checkCandidate(opts: CandidateOptions): Promise<Finding[]> {
  const root = resolve(opts.root);
  const text = formatRecord(opts.record);
  const file = displayPath(join(root, opts.rel));
  const dir = await mkdtemp(join(tmpdir(), 'shelfmark-candidate-'));
  let findings: Finding[];
  try {
    const tmp = join(dir, 'record.json');
    await writeFile(tmp, text);
    const result = validateFile(
      { path: tmp, rel: opts.rel, report: true },
      { ctx: loadRuleContext(root, opts.now ?? new Date()), maxBytes: DEFAULT_MAX_BYTES },
    );
    findings = result.findings.map((f) => ({ ...f, file }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const info = classifyPath(opts.rel);
  if (info && typeof opts.record === 'object' && opts.record !== null) {
    const source = parseJsonText(text, file);
    for (const ref of extractReferences(info.type, opts.record as Record<string, unknown>)) {
      let target: string;
      try {
        target = recordPath(ref.target, ref.id);
      } catch (err) {
        if (err instanceof LayoutError) continue; // the schema or identity rules already report a malformed id
        throw err;
      }
      if (!existsSync(join(root, target))) findings.push(toFinding(danglingReference(ref, vocabulary(root, ref.target)), source));
    }
  }
  return findings;
}

/** The ids of a small vocabulary (instruments, techniques, profiles), for a "did you mean"; undefined for large record sets. */
function vocabulary(root: string, type: string): string[] | undefined {
  if (type !== 'instrument' && type !== 'technique' && type !== 'profile') return undefined;
  try {
    return readdirSync(join(root, `${type}s`)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
  } catch {
    return undefined;
  }
}

const key = (f: Finding) => `${f.code}\0${f.pointer ?? ''}`;

export interface Verdict {
  /** Errors the change would bring in: the write is refused when there is any. */
  refused: Finding[];
  /** Warnings, and errors the record already had before the change (reported, not blocking). */
  notes: Finding[];
}

/**
 * Splits the candidate's findings into what blocks the write and what does
 * not. An error the record already had (same code at the same pointer) does
 * not block an unrelated fix; every new error does.
 */
export async function judgeChange(opts: CandidateOptions & { before?: unknown }): Promise<Verdict> {
  const findings = await checkCandidate(opts);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0 || opts.before === undefined) return { refused: errors, notes: findings.filter((f) => f.severity !== 'error') };
  const old = new Set((await checkCandidate({ ...opts, record: opts.before })).filter((f) => f.severity === 'error').map(key));
  return {
    refused: errors.filter((f) => !old.has(key(f))),
    notes: findings.filter((f) => f.severity !== 'error' || old.has(key(f))),
  };
}
