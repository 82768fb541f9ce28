/** Text output of `shelfmark ingest`: one line per record, then errors and a summary. */
import { relative } from 'node:path';
import type { IngestSummary } from '../../ingest/ingest.ts';

const rel = (p: string) => {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
};

/** The lines for stdout (records, summary) and stderr (errors), as data. */
export function formatIngestText(s: IngestSummary, opts: { verbose?: boolean } = {}): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const verb = s.dryRun ? { created: 'would create', updated: 'would update', unchanged: 'unchanged' } : { created: 'created', updated: 'updated', unchanged: 'unchanged' };
  for (const r of s.records) {
    const w = r.warnings.length;
    out.push(`${verb[r.status].padEnd(12)} ${r.pid}  ${JSON.stringify(r.title)}  ${r.instrumentId ?? '(instrument unknown)'}  ${w === 0 ? 'no warnings' : `${w} warning${w === 1 ? '' : 's'}`}`);
    if (opts.verbose) for (const msg of r.warnings) out.push(`             warning: ${msg}`);
  }
  for (const e of s.errors) err.push(`${rel(e.file)}: error: ${e.message}${e.fix ? `\n  fix: ${e.fix}` : ''}`);
  if (opts.verbose) for (const k of s.skipped) out.push(`skipped      ${rel(k.file)}: ${k.reason}`);
  const count = (st: string) => s.records.filter((r) => r.status === st).length;
  out.push(
    `${s.dryRun ? 'Dry run: ' : ''}${s.files} file(s) read: ${s.records.length} record(s) (${count('created')} new, ${count('updated')} updated, ${count('unchanged')} unchanged), ` +
      `${s.skipped.length} skipped, ${s.errors.length} error(s).`,
  );
  for (const c of s.commits) out.push(c.sha ? `Committed ${c.sha.slice(0, 12)} on ${c.branch} (${c.paths.length} path(s)).` : c.error ? '' : `Nothing new to commit on ${c.branch}.`);
  if (!opts.verbose && s.records.some((r) => r.warnings.length > 0)) out.push('Run with --verbose to list the warnings.');
  return { out: out.filter(Boolean), err };
}
