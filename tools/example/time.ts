/**
 * Local times with their UTC offset (`2024-03-12T14:22:05+01:00`), as records carry
 * them: the facility's wall clock, so summer and winter time come out right.
 */
import { DateTime } from 'luxon';

/** ISO 8601 with offset, seconds precision, for an instant in the given IANA time zone. */
export function zonedIso(epochMs: number, timeZone: string): string {
  const dt = DateTime.fromMillis(epochMs, { zone: timeZone });
  if (!dt.isValid) throw new Error(`"${timeZone}" is not a known IANA time zone`);
  return dt.toISO({ suppressMilliseconds: true })!;
}

/** Epoch milliseconds of a local wall-clock time in the given zone (`2024-03-12T09:00`). */
export function localToEpoch(local: string, timeZone: string): number {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid) throw new Error(`"${local}" is not a valid local time in ${timeZone}`);
  return dt.toMillis();
}
