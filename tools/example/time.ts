/**
 * Local times with their UTC offset (`2024-03-12T14:22:05+01:00`), as records carry
 * them: the facility's wall clock, so summer and winter time come out right.
 */
import { DateTime } from 'luxon';

const HOUR = 3_600_000;
// Offsets change at most on the hour, so one luxon lookup per zone and hour
// suffices; the synthetic benchmark formats millions of times.
const offsetCache = new Map<string, number>();

function offsetMinutes(epochMs: number, timeZone: string): number {
  const key = `${timeZone}@${Math.floor(epochMs / HOUR)}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    const dt = DateTime.fromMillis(epochMs, { zone: timeZone });
    if (!dt.isValid) throw new Error(`"${timeZone}" is not a known IANA time zone`);
    off = dt.offset;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  return off;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 with offset, seconds precision, for an instant in the given IANA time zone. */
export function zonedIso(epochMs: number, timeZone: string): string {
  const off = offsetMinutes(epochMs, timeZone);
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

/** Epoch milliseconds of a local wall-clock time in the given zone (`2024-03-12T09:00`). */
export function localToEpoch(local: string, timeZone: string): number {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid) throw new Error(`"${local}" is not a valid local time in ${timeZone}`);
  return dt.toMillis();
}
