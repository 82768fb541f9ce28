/**
 * `shelfmark embargo`: put a dataset under embargo until a date, or lift the
 * embargo (the data becomes public), validated before the write.
 */
import type { DatasetAccess as Access } from '../core/types.generated.ts';
import { CurateError } from './errors.ts';
import { resolveRecord, type ResolvedRecord } from './resolve.ts';
import { readRecord, saveRecord, type SaveResult } from './store.ts';

export interface EmbargoResult extends SaveResult {
  record: ResolvedRecord;
  before: Access | undefined;
  after: Access;
  /** When an embargo that had not ended yet is lifted: how many whole days early. */
  liftedEarlyDays?: number;
}

const DAY = 86_400_000;

/** `until` (a date or date-time) → embargoed; `lift` → public. Exactly one of them. */
export async function setEmbargo(opts: { root: string; pid: string; until?: string; lift?: boolean; reason?: string; now?: Date }): Promise<EmbargoResult> {
  if ((opts.until === undefined) === !opts.lift)
    throw new CurateError('E_CURATE_BAD_ARGUMENT', 'give either --until <date> (e.g. --until 2027-03-14) or --lift, not both and not neither.');
  const now = opts.now ?? new Date();
  const record = resolveRecord(opts.root, opts.pid, 'dataset');
  const before = await readRecord(record.abs);
  const prev = before.access as Access | undefined;
  let after: Access;
  let liftedEarlyDays: number | undefined;
  if (opts.until !== undefined) {
    const t = Date.parse(opts.until);
    if (Number.isNaN(t))
      throw new CurateError('E_CURATE_BAD_ARGUMENT', `--until ${JSON.stringify(opts.until)} is not a date. Expected YYYY-MM-DD (e.g. 2027-03-14) or a date-time with offset.`);
    if (t <= now.getTime())
      throw new CurateError('E_CURATE_BAD_ARGUMENT', `--until ${opts.until} is not in the future, so the embargo would already be over. To make the data public, use --lift.`);
    const reason = opts.reason ?? prev?.reason;
    after = { status: 'embargoed', embargoedUntil: opts.until, ...(reason ? { reason } : {}) };
  } else {
    after = { status: 'public' };
    const until = prev?.status === 'embargoed' && prev.embargoedUntil ? Date.parse(prev.embargoedUntil) : NaN;
    if (until > now.getTime()) liftedEarlyDays = Math.floor((until - now.getTime()) / DAY);
  }
  const saved = await saveRecord({ root: opts.root, rel: record.rel, record: { ...before, access: after }, before, now });
  return { ...saved, record, before: prev, after, ...(liftedEarlyDays !== undefined ? { liftedEarlyDays } : {}) };
}
