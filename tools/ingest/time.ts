/**
 * Instrument clocks write local wall time without an offset ("2023-03-08",
 * "15:24:35", or "06/05/2017 01:58:54 PM"). Records need ISO 8601 with an
 * offset, so a local reading is placed in the facility's IANA time zone
 * (`config.timeZone`); daylight-saving rules come from luxon, not from us.
 */
import { DateTime, IANAZone } from 'luxon';

/** A time turned into ISO 8601 with offset, or the reason it could not be. */
export type ZonedTime = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * Reads an ISO 8601 date-time (with or without offset) and returns it with an offset.
 * A reading without offset is wall time in `timeZone`; one with an offset keeps its instant
 * and is shown in `timeZone`.
 */
export function toZonedIso(iso: string, timeZone: string): ZonedTime {
  // Fast path for plain wall times: the offset of a zone is the same for a whole wall-clock
  // hour (transitions fall on the hour), so it is looked up once per hour and zone.
  const wall = /^(\d{4}-\d{2}-\d{2}T\d{2}):\d{2}:\d{2}$/.exec(iso.trim());
  if (wall) {
    const key = `${timeZone}|${wall[1]}`;
    let offset = offsets.get(key);
    if (offset === undefined) {
      const r = slowZonedIso(`${wall[1]}:00:00`, timeZone);
      if (!r.ok) return r;
      // An hour skipped by a daylight-saving change: let luxon place each time in it.
      if (r.iso.slice(0, 13) !== wall[1]) return slowZonedIso(iso, timeZone);
      offset = r.iso.slice(19);
      if (offsets.size > 10_000) offsets.clear();
      offsets.set(key, offset);
    }
    const r = slowCheck(iso.trim());
    return r ?? { ok: true, iso: `${iso.trim()}${offset}` };
  }
  return instantInZone(iso.trim(), timeZone) ?? slowZonedIso(iso, timeZone);
}

const offsets = new Map<string, string>();

/** An instant with its offset, as translators write times the file gives in UTC or with an offset. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|([+-])(\d{2}):(\d{2}))$/;

const zones = new Map<string, IANAZone | undefined>();

/**
 * Fast path for an instant with an offset (`…Z`, `…+02:00`) shown in an IANA zone: the
 * zone's offset at that instant from luxon's zone object, the text built here in the form
 * luxon's toISO gives (time.test.ts compares the two over many instants and zones).
 * Undefined when luxon must decide: an unusual form, or a fixed-offset zone such as "UTC"
 * (which luxon writes with "Z").
 */
function instantInZone(iso: string, timeZone: string): ZonedTime | undefined {
  const m = INSTANT.exec(iso);
  if (!m) return undefined;
  let zone = zones.get(timeZone);
  if (!zones.has(timeZone)) {
    zone = /^(utc|gmt)$/i.test(timeZone) || !IANAZone.isValidZone(timeZone) ? undefined : IANAZone.create(timeZone);
    if (zones.size > 100) zones.clear();
    zones.set(timeZone, zone);
  }
  if (!zone) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (y < 1000 || h > 23 || mi > 59 || s > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, m[7] ? Number(m[7].padEnd(3, '0')) : 0);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const given = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const instant = wall - given * 60_000;
  const offset = zone.offset(instant);
  const local = new Date(instant + offset * 60_000).toISOString();
  const ms = local.slice(20, 23);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { ok: true, iso: `${local.slice(0, 19)}${ms === '000' ? '' : `.${ms}`}${offset < 0 ? '-' : '+'}${hhmm}` };
}

/** A wall time whose hour exists may still have impossible minutes or seconds ("15:61:00"). */
function slowCheck(wall: string): ZonedTime | undefined {
  const mm = Number(wall.slice(14, 16));
  const ss = Number(wall.slice(17, 19));
  return mm > 59 || ss > 59 ? { ok: false, reason: `"${wall}" is not an ISO 8601 date-time (minutes or seconds out of range)` } : undefined;
}

function slowZonedIso(iso: string, timeZone: string): ZonedTime {
  const zone = DateTime.local().setZone(timeZone);
  if (!zone.isValid) return { ok: false, reason: `"${timeZone}" is not an IANA time zone (e.g. Europe/Stockholm)` };
  const dt = DateTime.fromISO(iso.trim(), { zone: timeZone, setZone: false });
  if (!dt.isValid) return { ok: false, reason: `"${iso}" is not an ISO 8601 date-time (${dt.invalidExplanation ?? dt.invalidReason})` };
  return { ok: true, iso: dt.setZone(timeZone).toISO({ suppressMilliseconds: true })! };
}

/** The calendar date (YYYY-MM-DD) of an ISO date-time, in `timeZone`. */
export function isoDate(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toISODate()!;
}

/**
 * The calendar date `years` after the local date of an ISO date-time with offset
 * (its first ten characters are already the date in the facility zone). 29 February
 * becomes 28 February in a year without it. No time-zone work: ingest calls it per record.
 */
export function datePlusYears(isoWithOffset: string, years: number): string {
  const y = Number(isoWithOffset.slice(0, 4)) + years;
  const md = isoWithOffset.slice(5, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

const memo = new Map<string, string>();

/** `now` in the facility zone, ISO with offset, whole seconds; memoised per instant and zone. */
export function zonedNow(now: Date, timeZone: string): string {
  const key = `${now.getTime()}|${timeZone}`;
  let v = memo.get(key);
  if (v === undefined) {
    const whole = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
    const r = toZonedIso(whole, timeZone);
    v = r.ok ? r.iso : whole.replace('.000Z', 'Z');
    if (memo.size > 100) memo.clear();
    memo.set(key, v);
  }
  return v;
}
