/**
 * The catalogue diff as Markdown for a pull request comment: a summary line and
 * table, then each record (grouped by type) with a before/after table of its
 * fields and its validation status. Large changes show counts by instrument
 * and proposal and the first `limit` records in full. The text stays under
 * GitHub's comment size limit (65,536 characters). Pure.
 */
import type { RecordType } from '../../core/layout.ts';
import type { CatalogDiff, LabelledChange, RecordDiff, RecordStatus } from './catalog-diff.ts';
import { pickShown, summarise, type GroupCount } from './summary.ts';
import { formatValue, sameAmount } from './values.ts';

/** The hidden marker that lets the review workflow update its one comment instead of adding another. */
export const DIFF_MARKER = '<!-- shelfmark:diff -->';

export interface MarkdownOptions {
  /** Records shown in full; default 50. */
  limit?: number;
  /** Stop adding records past this length; default 60,000 (GitHub allows 65,536). */
  maxChars?: number;
  /** Rows listed in the instrument and proposal tables; default 15. */
  groupRows?: number;
}

const TYPE_HEADING: Record<RecordType, string> = {
  config: 'Configuration',
  instrument: 'Instruments',
  technique: 'Techniques',
  profile: 'Metadata profiles',
  publication: 'Publications',
  proposal: 'Proposals',
  sample: 'Samples',
  dataset: 'Datasets',
  annotation: 'Annotations',
};

const STATUS_WORD: Record<RecordStatus, string> = { added: 'Added', removed: 'Removed', modified: 'Modified', renamed: 'Renamed' };
const STATUS_ICON: Record<RecordStatus, string> = { added: '➕', removed: '➖', modified: '✏️', renamed: '🔀' };
const VALIDATION: Record<string, string> = { valid: '✅ valid', warnings: '⚠️ warnings', errors: '❌ errors' };

/** Escapes text for a table cell or inline Markdown. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/[*_`[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, w: string) => `${n(x)} ${w}${x === 1 ? '' : 's'}`;

function changeRow(c: LabelledChange): string {
  const label = `${cell(c.label)}<br>${code(c.pointer)}`;
  const note = c.op === 'change' && sameAmount(c.old, c.new) ? ' (same amount)' : '';
  const before = c.op === 'add' ? '' : cell(formatValue(c.old));
  const after = c.op === 'remove' ? '' : `${cell(formatValue(c.new))}${note}`;
  return `| ${label} | ${before} | ${after} |`;
}

function recordBlock(r: RecordDiff): string {
  const lines: string[] = [];
  const title = r.title ? ` — ${cell(r.title)}` : '';
  lines.push(`#### ${STATUS_ICON[r.status]} ${STATUS_WORD[r.status]} ${code(r.id)}${title}`);
  const where = r.oldPath ? `${code(r.oldPath)} → ${code(r.path)}` : code(r.path);
  lines.push('', `${where}${r.validation ? ` · ${VALIDATION[r.validation.status]}` : ''}`);
  for (const f of r.validation?.findings ?? []) {
    const at = f.pointer ? ` ${code(f.pointer)}${f.line ? ` (line ${f.line})` : ''}` : '';
    lines.push(`- ${f.severity === 'error' ? '❌' : '⚠️'}${at}: ${cell(f.message)}${f.fix ? ` — ${cell(f.fix)}` : ''} \`${f.code}\``);
  }
  if (r.changes.length > 0) {
    const table = ['| field | before | after |', '|---|---|---|', ...r.changes.map(changeRow)];
    // New and removed records list every field: fold them so the comment stays readable.
    if (r.status === 'added' || r.status === 'removed') {
      lines.push('', `<details><summary>${plural(r.changes.length, 'field')}</summary>`, '', ...table, '', '</details>');
    } else lines.push('', ...table);
  } else if (r.status === 'renamed') lines.push('', 'Content unchanged.');
  return lines.join('\n');
}

function groupTable(title: string, rows: GroupCount[], max: number): string[] {
  if (rows.length <= 1) return [];
  const out = [`**Changed datasets by ${title}**`, '', `| ${title} | added | modified | removed | renamed |`, '|---|--:|--:|--:|--:|'];
  for (const g of rows.slice(0, max)) out.push(`| ${code(g.id)} | ${n(g.added)} | ${n(g.modified)} | ${n(g.removed)} | ${n(g.renamed)} |`);
  if (rows.length > max) {
    const rest = rows.slice(max).reduce((s, g) => s + g.total, 0);
    out.push(`| … ${plural(rows.length - max, `more ${title}`)} | ${n(rest)} in all | | | |`);
  }
  out.push('');
  return out;
}

/** The diff as Markdown. */
export function diffToMarkdown(diff: CatalogDiff, opts: MarkdownOptions = {}): string {
  const limit = opts.limit ?? 50;
  const maxChars = opts.maxChars ?? 60_000;
  const groupRows = opts.groupRows ?? 15;
  const s = summarise(diff);
  const out: string[] = [DIFF_MARKER, '## Catalogue changes', ''];
  const range = `${code(diff.from.slice(0, 7))} → ${code(diff.head.sha.slice(0, 7))}`;
  if (s.records === 0 && s.otherFiles === 0) {
    out.push(`${range}: no changes under the catalogue.`);
    return `${out.join('\n')}\n`;
  }
  const parts = (['added', 'modified', 'renamed', 'removed'] as const).filter((k) => s.byStatus[k] > 0).map((k) => `${n(s.byStatus[k])} ${k}`);
  const v = s.validation;
  const checked = v.valid + v.warnings + v.errors;
  const vparts = [v.errors ? `❌ ${plural(v.errors, 'record')} with errors` : '', v.warnings ? `⚠️ ${n(v.warnings)} with warnings` : '', v.valid ? `✅ ${n(v.valid)} valid` : ''].filter(Boolean);
  out.push(`${range} · ${plural(s.records, 'record')} changed${parts.length ? `: ${parts.join(', ')}` : ''}${checked ? ` · validation: ${vparts.join(', ')}` : ''}`, '');
  out.push('| record type | added | modified | renamed | removed |', '|---|--:|--:|--:|--:|');
  for (const [type, c] of Object.entries(s.byType)) out.push(`| ${type} | ${n(c.added)} | ${n(c.modified)} | ${n(c.renamed)} | ${n(c.removed)} |`);
  out.push('');
  out.push(...groupTable('instrument', s.datasetsByInstrument, groupRows), ...groupTable('proposal', s.datasetsByProposal, groupRows));

  const shown = pickShown(diff, limit);
  if (shown.size < diff.records.length) out.push(`Showing ${n(shown.size)} of ${plural(diff.records.length, 'changed record')} in full (records with errors first); run \`shelfmark diff ${diff.base.rev} ${diff.head.rev}\` for more.`, '');
  let length = out.join('\n').length;
  let cut = 0;
  let lastType: RecordType | undefined;
  diff.records.forEach((r, i) => {
    if (!shown.has(i)) return;
    const heading = r.type !== lastType ? `### ${TYPE_HEADING[r.type]}\n\n` : '';
    const block = `${heading}${recordBlock(r)}\n`;
    if (length + block.length > maxChars) {
      cut++;
      return;
    }
    lastType = r.type;
    out.push(block);
    length += block.length + 1;
  });
  if (cut > 0) out.push(`… ${plural(cut, 'more record')} left out to keep this comment under GitHub's size limit.`, '');
  if (diff.otherFiles.length > 0) {
    out.push('### Other files', '');
    for (const f of diff.otherFiles.slice(0, limit)) out.push(`- ${f.status} ${f.oldPath ? `${code(f.oldPath)} → ` : ''}${code(f.path)}`);
    if (diff.otherFiles.length > limit) out.push(`- … ${plural(diff.otherFiles.length - limit, 'more file')}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
