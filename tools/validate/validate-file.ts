/**
 * Checks one catalogue file on its own: parse, schema, per-record rules; and
 * extracts the compact index entry (id and references) that cross-record rules
 * need after the walk. Synchronous on purpose: it runs inside worker threads,
 * where blocking reads are cheapest, and in the main thread for small catalogues.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Finding } from '../core/findings.ts';
import { classifyPath, type PathInfo, type RecordType } from '../core/layout.ts';
import { parseJsonBytes, tooLargeSource, type JsonSource } from './json-source.ts';
import { ID_FIELD, type RuleContext, type RuleIssue } from './rules/context.ts';
import { recordRules } from './rules/index.ts';
import { extractReferences, type Ref } from './rules/references.ts';
import { isAllowedNonRecord, strayFile } from './rules/stray-files.ts';
import { validateAgainstSchema } from './schema-validator.ts';

/** One file to check. */
export interface FileTask {
  /** Absolute path. */
  path: string;
  /** POSIX path relative to the catalogue root. */
  rel: string;
  /** False: only index it (its findings are not wanted, but other records may reference it). */
  report: boolean;
}

/** What the cross-record rules keep of a record. */
export interface IndexEntry {
  rel: string;
  type: RecordType;
  id: string | undefined;
  refs: Ref[];
}

export interface FileResult {
  rel: string;
  findings: Finding[];
  /** Set for a file the layout classifies as a record and that parsed to an object. */
  entry?: IndexEntry;
}

export interface FileOptions {
  ctx: RuleContext;
  maxBytes: number;
  schemasDir?: string;
}

const shownDirs = new Map<string, string>();

/** The path findings show: relative to the current directory when inside it, else absolute (memoised per folder). */
export function displayPath(abs: string): string {
  const cut = Math.max(abs.lastIndexOf('/'), abs.lastIndexOf('\\'));
  const dir = abs.slice(0, cut);
  let shown = shownDirs.get(dir);
  if (shown === undefined) {
    const rel = relative(process.cwd(), dir);
    shown = rel === '' ? '' : rel.startsWith('..') || isAbsolute(rel) ? dir.split('\\').join('/') : rel.split('\\').join('/');
    if (shownDirs.size > 100_000) shownDirs.clear();
    shownDirs.set(dir, shown);
  }
  const name = abs.slice(cut + 1);
  return shown === '' ? name : `${shown}/${name}`;
}

function readSource(path: string, file: string, maxBytes: number, checkDuplicates: boolean): JsonSource {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return tooLargeSource(file, size, maxBytes);
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return parseJsonBytes(buf.subarray(0, off), file, { maxBytes, checkDuplicates });
  } finally {
    closeSync(fd);
  }
}

/** The id a record's path implies (datasets and publications need the configured prefixes). */
function idFromPath(info: PathInfo, ctx: RuleContext): string | undefined {
  if (info.type === 'dataset') return ctx.config?.pidPrefix ? `${ctx.config.pidPrefix}/${info.localId ?? info.id}` : undefined;
  if (info.type === 'publication') return ctx.config?.doiPrefix ? `${ctx.config.doiPrefix}/${info.id}` : undefined;
  return info.id;
}

/** Ties a rule issue to the file (and line, when the pointer exists in it). */
export function toFinding(issue: RuleIssue, source: Pick<JsonSource, 'file' | 'locate'>): Finding {
  const pos = source.locate(issue.pointer);
  return { ...issue, file: source.file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
}

/** Checks one file. Never throws for bad content; an unreadable file is a finding too. */
export function validateFile(task: FileTask, opts: FileOptions): FileResult {
  const file = displayPath(task.path);
  const info = classifyPath(task.rel);
  if (!info && isAllowedNonRecord(task.rel)) return { rel: task.rel, findings: [] };
  if (!info && !task.rel.endsWith('.json')) {
    return { rel: task.rel, findings: task.report ? [{ ...strayFile(task.rel, undefined), file }] : [] };
  }
  let source: JsonSource;
  try {
    source = readSource(task.path, file, opts.maxBytes, task.report);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return {
      rel: task.rel,
      findings: task.report
        ? [{ severity: 'error', code: 'file/unreadable', file, message: `cannot read the file: ${e.code ?? e.message}`, fix: 'Check that the file exists and is readable.' }]
        : [],
    };
  }
  const findings = task.report ? [...source.findings] : [];
  const value = source.value;
  if (!info) {
    if (task.report) findings.push(toFinding(strayFile(task.rel, value), source));
    return { rel: task.rel, findings };
  }
  // A record that cannot be read still holds its place: index the id its path implies, so that
  // one broken file is one finding, not also a dangling reference in every record that points to it.
  const pathId = idFromPath(info, opts.ctx);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { rel: task.rel, findings, entry: { rel: task.rel, type: info.type, id: pathId, refs: [] } };
  }
  const record = value as Record<string, unknown>;
  const idField = ID_FIELD[info.type];
  const id = idField && typeof record[idField] === 'string' ? (record[idField] as string) : pathId;
  const entry: IndexEntry = { rel: task.rel, type: info.type, id: info.type === 'config' ? 'config' : id, refs: extractReferences(info.type, record) };
  if (!task.report) return { rel: task.rel, findings, entry };

  const schemaFindings = validateAgainstSchema(info.type, record, source, opts.schemasDir);
  findings.push(...schemaFindings);
  // A value the schema already rejected gets no second, rule-level finding at the same place.
  const rejected = new Set(schemaFindings.map((f) => f.pointer));
  const input = { type: info.type, rel: task.rel, info, record };
  for (const rule of recordRules) {
    let issues: RuleIssue[];
    try {
      issues = rule(input, opts.ctx);
    } catch (err) {
      // A rule that throws is a bug in Shelfmark; say so, and keep checking the other files.
      findings.push({
        severity: 'error',
        code: 'internal/rule',
        file,
        message: `internal error in rule ${rule.name || 'unnamed'}: ${(err as Error).message}`,
        fix: 'This is a bug in Shelfmark, not necessarily in your data. Please report it with this file attached.',
      });
      continue;
    }
    for (const issue of issues) {
      if (!rejected.has(issue.pointer)) findings.push(toFinding(issue, source));
    }
  }
  return { rel: task.rel, findings, entry };
}
