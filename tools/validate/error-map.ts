/**
 * Turns Ajv's errors into one finding per problem, in words a curator reads:
 * `missing required property "pid"`, `"eVV" is not ...`, with what was
 * expected (the schema's title and example), what was found and how to fix it.
 *
 * Ajv reports every branch of a failed `anyOf`/`oneOf` (a metadata entry that
 * is neither quantity, range, plain value nor group yields a dozen errors).
 * Branch errors come right before the `anyOf` error in Ajv's output, all under
 * its instance path; we collapse them to the branch that nearly matched: errors
 * deeper in the value win (the value had the right shape there), otherwise the
 * branch with the fewest errors that did not fail on type. In the spirit of
 * Starlight's `utils/error-map.ts`.
 */
import type { ErrorObject } from 'ajv';
import { preview } from '../core/findings.ts';
import { pointerSegments } from './json-source.ts';

/** A schema problem before it is tied to a file. */
export interface SchemaIssue {
  code: string;
  pointer: string;
  message: string;
  expected?: string;
  found?: string;
  fix?: string;
}

interface SchemaLike {
  title?: string;
  examples?: unknown[];
  properties?: Record<string, unknown>;
  enum?: unknown[];
  const?: unknown;
}

const isUnder = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);
const depth = (path: string) => (path === '' ? 0 : path.split('/').length - 1);

/** Reduces the raw list: each failed anyOf/oneOf is replaced by the errors of its best branch. */
export function collapseBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    if (e.keyword === 'oneOf' && (e.params as { passingSchemas?: unknown }).passingSchemas) {
      out.push(e); // matched more than one branch: that is the error itself
      continue;
    }
    let start = out.length;
    while (start > 0 && isUnder(out[start - 1]!.instancePath, e.instancePath)) start--;
    const run = out.splice(start);
    out.push(...bestBranch(run, e));
  }
  return out;
}

function bestBranch(all: ErrorObject[], parent: ErrorObject): ErrorObject[] {
  // A failed `not` says only "some other branch should have matched"; it never names the fix.
  const run = all.some((e) => e.keyword !== 'not') ? all.filter((e) => e.keyword !== 'not') : all;
  if (run.length === 0) return [parent];
  const deepest = Math.max(...run.map((e) => depth(e.instancePath)));
  if (deepest > depth(parent.instancePath)) {
    // The value matched some branch's shape; what is wrong is inside it.
    return run.filter((e) => depth(e.instancePath) > depth(parent.instancePath));
  }
  const groups = new Map<string, ErrorObject[]>();
  for (const e of run) {
    const key = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const plausible = [...groups.values()].filter((g) => g.every((e) => e.keyword !== 'type'));
  if (plausible.length > 0) return plausible.reduce((a, b) => (b.length < a.length ? b : a));
  // Every branch failed on type: one error listing the types that would do.
  const types = new Set<string>();
  for (const e of run) {
    if (e.keyword !== 'type') continue;
    const t = (e.params as { type: string | string[] }).type;
    for (const x of Array.isArray(t) ? t : [t]) types.add(x);
  }
  return types.size > 0 ? [{ ...parent, keyword: 'type', params: { type: [...types] } }] : [parent];
}

const article = (t: string) => (/^(ORCID|SPDX|[aeioAEIO])/.test(t) ? `an ${t}` : `a ${t}`);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && Number.isInteger(value)) return `the number ${value}`;
  return typeof value === 'string' ? `the string ${preview(value, 40)}` : `${article(typeof value)} ${preview(value, 40)}`;
}

function example(schema: SchemaLike | undefined): string {
  const ex = schema?.examples?.[0];
  return ex === undefined ? '' : ` such as ${preview(ex, 60)}`;
}

/** "Dataset type" reads "dataset type" mid-sentence; "ORCID iD" stays as it is. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function describe(schema: SchemaLike | undefined, fallback: string): string {
  return `${schema?.title ? lowerFirst(schema.title) : fallback}${example(schema)}`;
}

/** The closest of `candidates` to `word` (edit distance at most a third of its length), for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const lastSegment = (pointer: string) => pointerSegments(pointer).at(-1) ?? '';

/** One Ajv error (verbose mode: it carries `data`, `schema` and `parentSchema`) as a human issue. */
export function describeError(e: ErrorObject, root?: SchemaLike): SchemaIssue {
  const at = e.instancePath;
  const parent = e.parentSchema as SchemaLike | undefined;
  const name = lastSegment(at);
  const field = name ? `"${name}"` : 'the record';
  const p = e.params as Record<string, unknown>;
  const code = `schema/${e.keyword}`;
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty);
      // A `required` inside if/then names properties declared at the top of the schema.
      const propSchema = (parent?.properties?.[prop] ?? (at === '' ? root?.properties?.[prop] : undefined)) as SchemaLike | undefined;
      return {
        code,
        pointer: `${at}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: `missing required property "${prop}"${at ? ` in ${field}` : ''}`,
        expected: `a "${prop}" property${propSchema ? `: ${describe(propSchema, 'a value')}` : ''}`,
        found: 'no such property',
        fix: `Add "${prop}" to ${at ? `the object at ${at}` : 'the record'}.`,
      };
    }
    case 'additionalProperties': {
      const prop = String(p.additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      const guess = closest(prop, known);
      return {
        code,
        pointer: `${at}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: `unknown property "${prop}"${at ? ` in ${field}` : ''}`,
        expected: known.length ? `one of ${known.map((k) => `"${k}"`).slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}` : 'no further properties',
        found: `"${prop}"`,
        fix: guess
          ? `Did you mean "${guess}"? Rename it.`
          : `Remove "${prop}"${at === '' ? ' (values measured for a dataset belong under scientificMetadata)' : ''}.`,
      };
    }
    case 'type': {
      const types = ([] as string[]).concat(p.type as string | string[]);
      const words = types.map((t) => (t === 'object' ? 'an object' : t === 'array' ? 'an array' : article(t)));
      return {
        code,
        pointer: at,
        message: `${field} must be ${words.join(' or ')}, not ${typeName(e.data)}`,
        expected: describe(parent, types.join(' or ')),
        found: preview(e.data),
        fix: `Change ${field} to ${words.join(' or ')}.`,
      };
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      const list = allowed.map((v) => preview(v)).join(', ');
      const guess = typeof e.data === 'string' ? closest(e.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      return {
        code,
        pointer: at,
        message: `${preview(e.data, 40)} is not an allowed value of ${field}`,
        expected: allowed.length === 1 ? list : `one of ${list}`,
        found: preview(e.data),
        fix: guess ? `Did you mean ${preview(guess)}?` : `Use one of ${list}.`,
      };
    }
    case 'pattern':
    case 'format': {
      const what = describe(parent, e.keyword === 'format' ? `a ${String(p.format)} value` : `a value matching ${String(p.pattern)}`);
      return {
        code,
        pointer: at,
        message: `${preview(e.data, 60)} is not ${parent?.title ? article(lowerFirst(parent.title)) : `a valid ${name || 'value'}`}`,
        expected: what,
        found: preview(e.data),
        fix: `Write ${field} as ${what}.`,
      };
    }
    case 'minLength':
      if (p.limit === 1) {
        return { code, pointer: at, message: `${field} must not be empty`, expected: describe(parent, 'a non-empty string'), found: '""', fix: `Fill in ${field} or remove it.` };
      }
      break;
    case 'minItems':
      return {
        code,
        pointer: at,
        message: `${field} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
        expected: describe(parent, `${String(p.limit)} or more items`),
        found: `${(e.data as unknown[]).length} items`,
        fix: `Add items to ${field} or remove it if it is optional.`,
      };
    case 'uniqueItems':
      return {
        code,
        pointer: at,
        message: `${field} lists the same item twice (items ${String(p.j)} and ${String(p.i)})`,
        expected: 'each item once',
        found: preview(e.data),
        fix: `Remove item ${String(p.i)} from ${field}.`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code,
        pointer: at,
        message: `${field} ${e.message ?? 'is out of range'}`,
        expected: `a number ${String(p.comparison)} ${String(p.limit)}`,
        found: preview(e.data),
        fix: `Use a value ${String(p.comparison)} ${String(p.limit)}.`,
      };
    case 'not':
      return {
        code,
        pointer: at,
        message: `${field} has a shape that is not allowed here`,
        expected: describe(parent, 'a different shape'),
        found: preview(e.data),
        fix: 'Compare with the examples in the schema and restructure the value.',
      };
  }
  if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
    return {
      code,
      pointer: at,
      message: `${field} matches none of the shapes allowed here`,
      expected: describe(parent, 'one of the shapes in the schema'),
      found: preview(e.data),
      fix: 'Compare with the examples in the schema and restructure the value.',
    };
  }
  return {
    code,
    pointer: at,
    message: `${field} ${e.message ?? 'is not valid'}`,
    expected: describe(parent, 'a valid value'),
    found: preview(e.data),
  };
}

/** Ajv errors to issues: branches collapsed, `if` wrappers dropped, one issue per pointer and message. */
export function mapAjvErrors(errors: readonly ErrorObject[], root?: object): SchemaIssue[] {
  const collapsed = collapseBranches(errors).filter((e) => e.keyword !== 'if');
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const e of collapsed) {
    const issue = describeError(e, root as SchemaLike | undefined);
    const key = `${issue.pointer}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}
