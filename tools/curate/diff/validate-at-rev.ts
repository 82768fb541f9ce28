/**
 * The validation status of a changed record as it is at the head revision,
 * read from git rather than the working tree: JSON, schema, the per-record
 * rules (with the config and profiles of that revision) and whether the
 * records it references exist there. Uniqueness across the whole catalogue is
 * left to `shelfmark validate`, which CI runs beside the diff.
 */
import type { Finding, Severity } from '../../core/findings.ts';
import { LayoutError, recordPath, type PathInfo } from '../../core/layout.ts';
import type { GitRepo } from '../../git/git.ts';
import { parseJsonText } from '../../validate/json-source.ts';
import { isObject, type CatalogConfig, type ProfileField, type RuleContext, type RuleIssue } from '../../validate/rules/context.ts';
import { recordRules } from '../../validate/rules/index.ts';
import { danglingReference, extractReferences } from '../../validate/rules/references.ts';
import { validateAgainstSchema } from '../../validate/schema-validator.ts';
import { parseRecord } from './change-set.ts';

/** What a finding in the diff keeps: enough to show and act on. */
export interface DiffFinding {
  severity: Severity;
  code: string;
  pointer?: string;
  line?: number;
  message: string;
  fix?: string;
}

export interface RecordValidation {
  status: 'valid' | 'warnings' | 'errors';
  findings: DiffFinding[];
}

/** A validation and the value parsed on the way (undefined when the text is not JSON). */
export interface ValidatedText {
  validation: RecordValidation;
  value: unknown;
}

/** The catalogue as it is at one revision, as far as validating single records needs it. */
export interface RevisionContext {
  rules: RuleContext;
  /** Raw profile records by id (for field names). */
  profiles: Record<string, unknown>;
  /** True when a file (relative to the catalogue root) exists at the revision. */
  exists(rel: string): boolean;
  /** Every file at the revision, relative to the catalogue root (for worker threads). */
  rels(): string[];
}

/** Loads config, profiles and the file list of `sha` under `root`. */
export async function loadRevisionContext(repo: GitRepo, sha: string, root: string, now: Date): Promise<RevisionContext> {
  const all = await repo.listFilesAt(sha, root);
  const prefix = `${root}/`;
  const rels = new Set(all.map((p) => p.slice(prefix.length)));
  const read = async (rel: string) => (rels.has(rel) ? parseRecord(await repo.readFileAt(sha, prefix + rel)) : undefined);
  const config = await read('config.json');
  const profileRels = [...rels].filter((r) => /^profiles\/[^/]+\.json$/.test(r));
  const raw = await Promise.all(profileRels.map(read));
  const profiles: Record<string, unknown> = {};
  const fields: Record<string, ProfileField[]> = {};
  for (const p of raw) {
    if (!isObject(p) || typeof p.id !== 'string' || !Array.isArray(p.fields)) continue;
    profiles[p.id] = p;
    fields[p.id] = p.fields.filter((f): f is ProfileField => isObject(f) && typeof f.key === 'string');
  }
  return {
    rules: { config: isObject(config) ? (config as CatalogConfig) : undefined, profiles: fields, now: now.toISOString() },
    profiles,
    exists: (rel) => rels.has(rel),
    rels: () => [...rels],
  };
}

const keep = (f: Finding | (RuleIssue & { line?: number })): DiffFinding => ({
  severity: f.severity,
  code: f.code,
  ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
  ...(f.line !== undefined ? { line: f.line } : {}),
  message: f.message,
  ...(f.fix !== undefined ? { fix: f.fix } : {}),
});

/** Validates one record text at its place `rel` (relative to the catalogue root); `file` names it in findings. */
export function validateRecordText(text: string, rel: string, info: PathInfo, file: string, ctx: RevisionContext): ValidatedText {
  const source = parseJsonText(text, file);
  const findings: DiffFinding[] = source.findings.map(keep);
  const value = source.value;
  if (isObject(value)) {
    const schema = validateAgainstSchema(info.type, value, source);
    findings.push(...schema.map(keep));
    const rejected = new Set(schema.map((f) => f.pointer));
    const issues: RuleIssue[] = [];
    for (const rule of recordRules) {
      try {
        issues.push(...rule({ type: info.type, rel, info, record: value }, ctx.rules));
      } catch (err) {
        issues.push({ severity: 'error', code: 'internal/rule', pointer: '', message: `internal error in rule ${rule.name || 'unnamed'}: ${(err as Error).message}`, fix: 'This is a bug in Shelfmark; please report it.' });
      }
    }
    for (const ref of extractReferences(info.type, value)) {
      let target: string;
      try {
        target = recordPath(ref.target, ref.id);
      } catch (err) {
        if (err instanceof LayoutError) continue; // a malformed id is reported by the schema or identity rules
        throw err;
      }
      if (!ctx.exists(target)) issues.push(danglingReference(ref));
    }
    for (const i of issues) {
      if (rejected.has(i.pointer)) continue;
      const pos = source.locate(i.pointer);
      findings.push(keep(pos ? { ...i, line: pos.line } : i));
    }
  }
  const status = findings.some((f) => f.severity === 'error') ? 'errors' : findings.length > 0 ? 'warnings' : 'valid';
  return { validation: { status, findings }, value };
}
