/**
 * What a proposal changes, in words a curator reads in `git log` and in the
 * pull request: records added, updated and removed by type, the proposals they
 * belong to, and the fields that changed, e.g.
 * "Update 3 datasets in proposal 20240017: keywords, description". Pure.
 */
import { classifyPath, type RecordType } from '../../core/layout.ts';

/** One changed file under the catalogue root, with its parsed JSON on each side (undefined when absent or not JSON). */
export interface RecordDelta {
  /** POSIX path relative to the catalogue root. */
  rel: string;
  status: 'A' | 'M' | 'D';
  before?: unknown;
  after?: unknown;
}

export interface ChangeSummary {
  /** One line: the commit subject and the pull request title. */
  title: string;
  /** One line per record: `update dataset <pid> (keywords, description)`. */
  items: string[];
  /** Counts by action and type. */
  counts: Record<'added' | 'updated' | 'removed', Partial<Record<RecordType | 'file', number>>>;
}

const PLURAL: Record<RecordType | 'file', [string, string]> = {
  config: ['config', 'configs'],
  instrument: ['instrument', 'instruments'],
  technique: ['technique', 'techniques'],
  profile: ['profile', 'profiles'],
  publication: ['publication', 'publications'],
  proposal: ['proposal', 'proposals'],
  sample: ['sample', 'samples'],
  dataset: ['dataset', 'datasets'],
  annotation: ['annotation', 'annotations'],
  file: ['file', 'files'],
};
const ORDER: (RecordType | 'file')[] = ['dataset', 'annotation', 'sample', 'proposal', 'publication', 'instrument', 'technique', 'profile', 'config', 'file'];
const VERB = { added: 'add', updated: 'update', removed: 'remove' } as const;
const ACTION = { A: 'added', M: 'updated', D: 'removed' } as const;
const ID_FIELD: Partial<Record<RecordType, string>> = { dataset: 'pid', publication: 'doi', proposal: 'proposalId', sample: 'sampleId', technique: 'pid', instrument: 'id', profile: 'id', annotation: 'id' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (n: number, t: RecordType | 'file') => `${n} ${PLURAL[t][n === 1 ? 0 : 1]}`;

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Top-level fields whose values differ, in the order of the newer record. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isObject(before) || !isObject(after)) return [];
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** The proposal a record belongs to, when it belongs to one. */
function proposalOf(type: RecordType, rel: string, record: unknown): string | undefined {
  const parts = rel.split('/');
  if (type === 'dataset' || type === 'annotation') return parts[2];
  if (type === 'proposal') return classifyPath(rel)?.id;
  if (type === 'sample' && isObject(record) && typeof record.proposalId === 'string') return record.proposalId;
  return undefined;
}

/** Summarises the deltas; `maxItems` caps the per-record lines (the rest is counted). */
export function summarise(deltas: readonly RecordDelta[], opts: { maxItems?: number; maxFields?: number } = {}): ChangeSummary {
  const maxItems = opts.maxItems ?? 50;
  const maxFields = opts.maxFields ?? 4;
  const counts: ChangeSummary['counts'] = { added: {}, updated: {}, removed: {} };
  const proposals = new Set<string>();
  const fields: string[] = [];
  const items: string[] = [];
  const sorted = [...deltas].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const d of sorted) {
    const info = classifyPath(d.rel);
    const type: RecordType | 'file' = info?.type ?? 'file';
    const action = ACTION[d.status];
    counts[action][type] = (counts[action][type] ?? 0) + 1;
    const record = d.after ?? d.before;
    let name = d.rel;
    if (info) {
      const p = proposalOf(info.type, d.rel, record);
      if (p) proposals.add(p);
      const idField = ID_FIELD[info.type];
      name = isObject(record) && idField && typeof record[idField] === 'string' ? (record[idField] as string) : info.id;
    }
    const f = d.status === 'M' ? changedFields(d.before, d.after) : [];
    for (const k of f) if (!fields.includes(k)) fields.push(k);
    items.push(`${VERB[action]} ${type} ${name}${f.length ? ` (${f.join(', ')})` : ''}`);
  }
  const phrases: string[] = [];
  for (const action of ['updated', 'added', 'removed'] as const) {
    const parts = ORDER.filter((t) => counts[action][t]).map((t) => count(counts[action][t]!, t));
    if (parts.length) phrases.push(`${VERB[action]} ${joinWords(parts)}`);
  }
  let title = phrases.join('; ') || 'no changes';
  title = title[0]!.toUpperCase() + title.slice(1);
  const ps = [...proposals].sort();
  if (ps.length === 1) title += ` in proposal ${ps[0]}`;
  else if (ps.length > 1 && ps.length <= 3) title += ` in proposals ${joinWords(ps)}`;
  else if (ps.length > 3) title += ` in ${ps.length} proposals`;
  if (fields.length) title += `: ${fields.slice(0, maxFields).join(', ')}${fields.length > maxFields ? ` and ${fields.length - maxFields} more` : ''}`;
  const shown = items.slice(0, maxItems);
  if (items.length > maxItems) shown.push(`… and ${items.length - maxItems} more`);
  return { title, items: shown, counts };
}

/** The commit message: the title, a blank line, one line per record. */
export function commitMessage(summary: ChangeSummary): string {
  return `${summary.title}\n\n${summary.items.map((i) => `- ${i}`).join('\n')}\n`;
}

/** The pull request body: the records changed, and how the proposal was made. */
export function pullRequestBody(summary: ChangeSummary, branch: string): string {
  return [
    summary.title,
    '',
    ...summary.items.map((i) => `- ${i}`),
    '',
    `Proposed from branch \`${branch}\` with \`shelfmark propose\`; running it again on this branch updates this pull request.`,
    '',
  ].join('\n');
}
