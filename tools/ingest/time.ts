/**
 * Instrument clocks write local wall time without an offset ("2023-03-08",
 * "15:24:35", or "06/05/2017 01:58:54 PM"). Records need ISO 8601 with an
 * offset, so a local reading is placed in the facility's IANA time zone
 * (`config.timeZone`); daylight-saving rules come from luxon, not from us.
 */
import { DateTime } from 'luxon';

/** A time turned into ISO 8601 with offset, or the reason it could not be. */
export type ZonedTime = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * Reads an ISO 8601 date-time (with or without offset) and returns it with an offset.
 * A reading without offset is wall time in `timeZone`; one with an offset keeps its instant
 * and is shown in `timeZone`.
 */
export function toZonedIso(iso: string, timeZone: string): ZonedTime {
  const zone = DateTime.local().setZone(timeZone);
  if (!zone.isValid) return { ok: false, reason: `"${timeZone}" is not an IANA time zone (e.g. Europe/Stockholm)` };
  const dt = DateTime.fromISO(iso.trim(), { zone: timeZone, setZone: false });
  if (!dt.isValid) return { ok: false, reason: `"${iso}" is not an ISO 8601 date-time (${dt.invalidExplanation ?? dt.invalidReason})` };
  return { ok: true, iso: dt.setZone(timeZone).toISO({ suppressMilliseconds: true })! };
}

/** Adds whole years to an ISO date-time with offset, keeping the offset style (e.g. embargo and retention ends). */
export function addYears(iso: string, years: number, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).plus({ years }).toISO({ suppressMilliseconds: true })!;
}

/** The calendar date (YYYY-MM-DD) of an ISO date-time, in `timeZone`. */
export function isoDate(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toISODate()!;
}
