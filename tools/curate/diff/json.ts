/**
 * The catalogue diff as one JSON document for machines:
 * `{ base, head, from, summary, records, omitted, otherFiles }`, where
 * `records` holds the first `limit` records in full (errors first, as in the
 * Markdown) and `omitted` counts the rest; `summary` always covers all. Pure.
 */
import type { CatalogDiff } from './catalog-diff.ts';
import { pickShown, summarise } from './summary.ts';

/** The diff as pretty-printed JSON with a final newline. */
export function diffToJson(diff: CatalogDiff, opts: { limit?: number } = {}): string {
  const limit = opts.limit ?? 50;
  const shown = pickShown(diff, limit);
  const records = diff.records.filter((_r, i) => shown.has(i));
  const doc = {
    base: diff.base,
    head: diff.head,
    from: diff.from,
    summary: summarise(diff),
    records,
    omitted: diff.records.length - records.length,
    otherFiles: diff.otherFiles,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
