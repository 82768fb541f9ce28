/**
 * Findings as text (grouped by file, for people), JSON (for machines) and
 * GitHub workflow annotations (for pull requests). Pure: returns strings.
 */
import { styleText } from 'node:util';
import type { Finding } from '../../core/findings.ts';

/** Counts used in summaries. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  files: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors, files: new Set(findings.map((f) => f.file)).size };
}

type Paint = (format: Parameters<typeof styleText>[0], text: string) => string;
const plain: Paint = (_f, t) => t;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:column  /pointer  error: message` plus expected/found/fix lines, grouped by file, then a summary line. */
export function formatText(
  findings: readonly Finding[],
  stats: { files: number; records: number },
  opts: { color?: boolean } = {},
): string {
  const paint: Paint = opts.color ? (f, t) => styleText(f, t, { validateStream: false }) : plain;
  const lines: string[] = [];
  let lastFile: string | undefined;
  for (const f of findings) {
    if (lastFile !== undefined && f.file !== lastFile) lines.push('');
    lastFile = f.file;
    const where = f.line !== undefined ? `${f.file}:${f.line}:${f.column ?? 1}` : f.file;
    const sev = f.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    const pointer = f.pointer ? `  ${paint('cyan', f.pointer)}` : '';
    lines.push(`${paint('bold', where)}${pointer}  ${sev}: ${f.message}  ${paint('dim', `[${f.code}]`)}`);
    if (f.expected !== undefined) lines.push(`    expected: ${f.expected}`);
    if (f.found !== undefined) lines.push(`    found:    ${f.found}`);
    if (f.fix !== undefined) lines.push(`    fix:      ${f.fix}`);
  }
  const c = countFindings(findings);
  const checked = `${plural(stats.files, 'file')} checked, ${plural(stats.records, 'record')}`;
  if (findings.length > 0) lines.push('');
  lines.push(
    findings.length === 0
      ? paint('green', `✔ no problems (${checked})`)
      : `${c.errors > 0 ? paint('red', '✖') : paint('yellow', '⚠')} ${plural(c.errors, 'error')} and ${plural(c.warnings, 'warning')} in ${plural(c.files, 'file')} (${checked})`,
  );
  return `${lines.join('\n')}\n`;
}

/** The findings as one JSON document: `{ summary, stats, findings }`. */
export function formatJson(findings: readonly Finding[], stats: object): string {
  const c = countFindings(findings);
  return `${JSON.stringify({ summary: { errors: c.errors, warnings: c.warnings }, stats, findings }, null, 2)}\n`;
}

// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions (escaping per actions/toolkit command.ts)
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error file=…,line=…,col=…,title=…::message` workflow command per finding. */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [`file=${escapeProperty(f.file)}`];
      if (f.line !== undefined) props.push(`line=${f.line}`);
      if (f.column !== undefined) props.push(`col=${f.column}`);
      props.push(`title=${escapeProperty(`shelfmark ${f.code}${f.pointer ? ` at ${f.pointer}` : ''}`)}`);
      const body = [f.message, f.expected && `expected: ${f.expected}`, f.found && `found: ${f.found}`, f.fix && `fix: ${f.fix}`]
        .filter(Boolean)
        .join('\n');
      return `::${f.severity} ${props.join(',')}::${escapeData(body)}\n`;
    })
    .join('');
}
