/**
 * `shelfmark check`'s core: runs the guards (rules.ts) on every record a
 * change touches between merge-base(base, head) and head, and returns findings
 * with file, line and pointer. The policy comes from the config at the BASE
 * revision, so a pull request cannot loosen the rules it is checked by.
 */
import type { Finding } from '../../core/findings.ts';
import type { GitRepo } from '../../git/git.ts';
import { parseJsonText } from '../../validate/json-source.ts';
import { ID_FIELD, isObject } from '../../validate/rules/context.ts';
import { parseRecord, readChangeSet, type ChangeSetOptions } from '../diff/change-set.ts';
import { diffRecords } from '../diff/record-diff.ts';
import { DEFAULT_GRACE_DAYS, guardChange, type GuardIssue, type GuardPolicy } from './rules.ts';

export interface CheckOptions extends ChangeSetOptions {
  /** "Now" for the grace period and embargo dates; default the current time. */
  now?: Date;
}

export interface CheckResult {
  findings: Finding[];
  /** Sha of the commit compared against (merge-base), and of head. */
  from: string;
  head: string;
  stats: { files: number; records: number };
  policy: GuardPolicy;
}

/** The policy in a config record (defaults where it says nothing). */
export function policyFrom(config: unknown, now: Date): GuardPolicy {
  const c = isObject(config) ? config : {};
  return {
    curationFields: Array.isArray(c.curationFields) ? c.curationFields.filter((f): f is string => typeof f === 'string') : [],
    rawGracePeriodDays: typeof c.rawGracePeriodDays === 'number' ? c.rawGracePeriodDays : DEFAULT_GRACE_DAYS,
    now,
  };
}

/** Runs the guards on the change from merge-base(base, head) to head. */
export async function checkGuards(repo: GitRepo, opts: CheckOptions): Promise<CheckResult> {
  const set = await readChangeSet(repo, opts);
  const now = opts.now ?? new Date();
  let config: unknown;
  try {
    config = parseRecord(await repo.readFileAt(set.from, `${set.root}/config.json`));
  } catch {
    config = undefined; // no config at base: the defaults apply
  }
  const policy = policyFrom(config, now);
  const findings: Finding[] = [];
  let records = 0;
  const removedIds = new Map<string, string>();
  const added: { type: string; id: string; path: string; text: string }[] = [];

  // New records need parsing only to pair them with deleted ones (a move git did not see).
  const hasDeletions = set.files.some((f) => f.status === 'D');
  for (const f of set.files) {
    const info = f.info ?? f.oldInfo;
    if (!info) continue;
    records++;
    if (f.status === 'A' && !hasDeletions) continue;
    const before = parseRecord(f.before);
    const after = parseRecord(f.after);
    const issues = guardChange(
      { type: info.type, status: f.status, path: f.path, ...(f.oldPath !== undefined ? { oldPath: f.oldPath } : {}), before, after, changes: f.status === 'A' ? [] : diffRecords(before, after) },
      policy,
    );
    const text = f.after ?? f.before ?? '';
    findings.push(...toFindings(issues, f.path, text));
    const idField = ID_FIELD[info.type];
    if (idField && f.status === 'D' && isObject(before) && typeof before[idField] === 'string') removedIds.set(`${info.type}\0${before[idField]}`, f.path);
    if (idField && f.status === 'A' && isObject(after) && typeof after[idField] === 'string') added.push({ type: info.type, id: after[idField], path: f.path, text });
  }
  // A move with a large edit shows in git as a deletion plus an addition: pair them by id.
  for (const a of added) {
    const from = removedIds.get(`${a.type}\0${a.id}`);
    if (from === undefined) continue;
    findings.push(
      ...toFindings(
        [
          {
            severity: 'error',
            code: 'guard/renamed',
            pointer: '',
            message: `${a.type} ${a.id} moved from ${from} to ${a.path}; record paths and ids are permanent because landing pages and citations use them`,
            fix: `Move the file back to ${from}. To replace the record, add a new one with a new id and link it (relationships: IsNewVersionOf).`,
          },
        ],
        a.path,
        a.text,
      ),
    );
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  return { findings, from: set.from, head: set.head.sha, stats: { files: set.files.length, records }, policy };
}

function toFindings(issues: GuardIssue[], file: string, text: string): Finding[] {
  if (issues.length === 0) return [];
  const source = parseJsonText(text, file);
  return issues.map((i) => {
    const pos = i.pointer ? source.locate(i.pointer) : undefined;
    return {
      severity: i.severity,
      code: i.code,
      file,
      ...(i.pointer ? { pointer: i.pointer } : {}),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      message: i.message,
      ...(i.found !== undefined ? { found: i.found } : {}),
      fix: i.fix,
    };
  });
}
