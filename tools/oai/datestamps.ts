/**
 * OAI-PMH datestamps (spec §3.3): UTC, either day (`YYYY-MM-DD`) or seconds
 * (`YYYY-MM-DDThh:mm:ssZ`) granularity. This repository stores seconds and
 * accepts both in `from`/`until`.
 */

/** The granularity this repository declares in Identify. */
export const GRANULARITY = 'YYYY-MM-DDThh:mm:ssZ';

/** An instant as a seconds-granularity datestamp, e.g. `2024-04-01T08:00:00Z`. */
export function toDatestamp(date: Date | string | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `from`/`until` argument, parsed: the bound in milliseconds and its granularity. */
export interface DateArg {
  ms: number;
  granularity: 'day' | 'seconds';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Parses a `from` (start of the day) or `until` (end of the day) argument;
 * undefined when it is not a valid date in either granularity (a badArgument).
 */
export function parseDateArg(text: string, bound: 'from' | 'until'): DateArg | undefined {
  const day = DAY.exec(text);
  const sec = day ? undefined : SECONDS.exec(text);
  const m = day ?? sec;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number?, number?, number?];
  const ms = Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March: a date that does not round-trip does not exist.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  if (sec && (h! > 23 || mi! > 59 || s! > 59)) return undefined;
  if (day) return { ms: bound === 'until' ? ms + 86_399_000 : ms, granularity: 'day' };
  return { ms, granularity: 'seconds' };
}
