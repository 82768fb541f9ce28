/**
 * Counts that describe a change of any size at a glance: records by type and
 * status, validation results, and changed datasets by instrument and by
 * proposal (an ingest of 10,000 datasets reads as a few lines). Pure.
 */
import type { RecordType } from '../../core/layout.ts';
import type { CatalogDiff, RecordStatus } from './catalog-diff.ts';

export type StatusCounts = Record<RecordStatus, number>;

/** Changed datasets of one instrument or proposal. */
export interface GroupCount extends StatusCounts {
  id: string;
  total: number;
}

export interface DiffSummary {
  records: number;
  byStatus: StatusCounts;
  byType: Partial<Record<RecordType, StatusCounts>>;
  validation: { valid: number; warnings: number; errors: number };
  /** Changed datasets per instrument and per proposal, most first. */
  datasetsByInstrument: GroupCount[];
  datasetsByProposal: GroupCount[];
  otherFiles: number;
}

const zero = (): StatusCounts => ({ added: 0, modified: 0, renamed: 0, removed: 0 });

function sorted(map: Map<string, GroupCount>): GroupCount[] {
  return [...map.values()].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Summarises a catalogue diff. */
export function summarise(diff: CatalogDiff): DiffSummary {
  const byStatus = zero();
  const byType: DiffSummary['byType'] = {};
  const validation = { valid: 0, warnings: 0, errors: 0 };
  const inst = new Map<string, GroupCount>();
  const prop = new Map<string, GroupCount>();
  const bump = (map: Map<string, GroupCount>, id: string, status: RecordStatus) => {
    const g = map.get(id) ?? { id, total: 0, ...zero() };
    g[status]++;
    g.total++;
    map.set(id, g);
  };
  for (const r of diff.records) {
    byStatus[r.status]++;
    (byType[r.type] ??= zero())[r.status]++;
    if (r.validation) validation[r.validation.status]++;
    if (r.type === 'dataset') {
      bump(inst, r.instrumentId ?? '(none)', r.status);
      bump(prop, r.proposalId ?? '(none)', r.status);
    }
  }
  return {
    records: diff.records.length,
    byStatus,
    byType,
    validation,
    datasetsByInstrument: sorted(inst),
    datasetsByProposal: sorted(prop),
    otherFiles: diff.otherFiles.length,
  };
}

/**
 * Which records to show in full when only `limit` fit: records with
 * validation errors first (a reviewer must see them), then the diff's order.
 */
export function pickShown(diff: CatalogDiff, limit: number): Set<number> {
  const shown = new Set<number>();
  diff.records.forEach((r, i) => {
    if (shown.size < limit && r.validation?.status === 'errors') shown.add(i);
  });
  for (let i = 0; i < diff.records.length && shown.size < limit; i++) shown.add(i);
  return shown;
}
