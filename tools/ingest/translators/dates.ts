/**
 * Instrument time stamps to ISO 8601. Instruments write local wall-clock time in
 * whatever form their PC's locale gave (`2023-03-08 15:24:35`, US `06/05/2017
 * 01:58:54 PM`, Prodigy `08/24/23 14:19:47 UTC`, Unix seconds). A reading has an
 * offset only when the file states one; otherwise the pipeline applies the
 * catalogue's time zone. Parsing goes through luxon, not hand-written regexes.
 */
import { DateTime, type TokenParser } from 'luxon';

const ISO_NO_MS = { suppressMilliseconds: true } as const;

const parsers = new Map<string, TokenParser>();

/** luxon's `fromFormat`, with each format compiled once: compiling is most of its cost, and ingest parses thousands of stamps. */
function fromFormat(text: string, format: string, opts: { zone: string; locale?: string }): DateTime {
  const key = `${opts.locale ?? ''}\0${format}`;
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = DateTime.buildFormatParser(format, opts.locale ? { locale: opts.locale } : {})));
  return DateTime.fromFormatParser(text, parser, opts);
}

/** Formats tried for a date and a time that the file gives without a zone. */
const LOCAL_FORMATS = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd H:mm:ss',
  'yyyy-MM-dd hh:mm:ss a',
  'yyyy-MM-dd h:mm:ss a',
  'MM/dd/yyyy hh:mm:ss a',
  'M/d/yyyy h:mm:ss a',
  'MM/dd/yyyy HH:mm:ss',
  'M/d/yyyy H:mm:ss',
  'dd.MM.yyyy HH:mm:ss',
  'd.M.yyyy H:mm:ss',
  'yyyy/MM/dd HH:mm:ss',
];

/**
 * A date and a time as SES writes them (`Date=` and `Time=` keys) to ISO 8601
 * without an offset, e.g. `06/05/2017` + `01:58:54 PM` → `2017-06-05T13:58:54`.
 * Slashed dates are read as US month/day, which is what SES writes on US-locale PCs.
 */
export function localDateTime(date: string, time: string): string | undefined {
  const text = `${date.trim()} ${time.trim()}`;
  for (const format of LOCAL_FORMATS) {
    const dt = fromFormat(text, format, { zone: 'utc', locale: 'en-US' });
    if (dt.isValid) return dt.toISO({ ...ISO_NO_MS, includeOffset: false }) ?? undefined;
  }
  return undefined;
}

/** Prodigy's `08/24/23 14:19:47 UTC` (US order, two-digit year, explicit zone) to ISO 8601. */
export function prodigyDateTime(text: string): string | undefined {
  const m = /^(\d{1,2}\/\d{1,2}\/\d{2,4}) (\d{1,2}:\d{2}:\d{2})(?: (.+))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, date, time, zone] = m as unknown as [string, string, string, string | undefined];
  const format = date.split('/')[2]!.length === 2 ? 'M/d/yy H:mm:ss' : 'M/d/yyyy H:mm:ss';
  if (!zone) {
    const dt = fromFormat(`${date} ${time}`, format, { zone: 'utc' });
    return dt.isValid ? (dt.toISO({ ...ISO_NO_MS, includeOffset: false }) ?? undefined) : undefined;
  }
  const dt = fromFormat(`${date} ${time}`, format, { zone: zone === 'UTC' ? 'utc' : zone });
  return dt.isValid ? (dt.toISO(ISO_NO_MS) ?? undefined) : undefined;
}

/** Unix epoch seconds (SpecsLab2 cycle times) to ISO 8601 in UTC. */
export function epochSeconds(seconds: number): string | undefined {
  const dt = DateTime.fromSeconds(seconds, { zone: 'utc' });
  return dt.isValid ? (dt.toISO(ISO_NO_MS) ?? undefined) : undefined;
}

/** Calendar fields plus an hours-ahead-of-GMT offset (VAMAS) to ISO 8601 with that offset. */
export function fieldsDateTime(
  f: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  hoursAheadOfGmt: number,
): string | undefined {
  const zone = hoursAheadOfGmt === 0 ? 'utc' : `UTC${hoursAheadOfGmt > 0 ? '+' : ''}${hoursAheadOfGmt}`;
  const dt = DateTime.fromObject(f, { zone });
  return dt.isValid ? (dt.toISO(ISO_NO_MS) ?? undefined) : undefined;
}

/** An ISO 8601 string as NeXus writes it, normalised (kept without offset when it has none). */
export function isoDateTime(text: string): string | undefined {
  const t = text.trim().replace(' ', 'T');
  const dt = DateTime.fromISO(t, { setZone: true });
  if (!dt.isValid) return undefined;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(t);
  return dt.toISO({ suppressMilliseconds: true, includeOffset: hasOffset }) ?? undefined;
}
