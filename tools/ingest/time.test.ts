import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { datePlusYears, toZonedIso, zonedNow } from './time.ts';

describe('time', () => {
  it('places local wall time in the facility zone, with daylight saving', () => {
    expect(toZonedIso('2023-03-08T15:24:35', 'Europe/Stockholm')).toEqual({ ok: true, iso: '2023-03-08T15:24:35+01:00' });
    expect(toZonedIso('2023-07-08T15:24:35', 'Europe/Stockholm')).toEqual({ ok: true, iso: '2023-07-08T15:24:35+02:00' });
    expect(toZonedIso('2017-06-05T13:58:54', 'America/Los_Angeles')).toEqual({ ok: true, iso: '2017-06-05T13:58:54-07:00' });
  });

  it('agrees with luxon in and around the hours daylight saving skips or repeats', () => {
    expect(toZonedIso('2023-03-26T01:59:59', 'Europe/Stockholm')).toEqual({ ok: true, iso: '2023-03-26T01:59:59+01:00' });
    expect(toZonedIso('2023-03-26T02:30:00', 'Europe/Stockholm')).toEqual({ ok: true, iso: '2023-03-26T03:30:00+02:00' });
    expect(toZonedIso('2023-03-26T03:00:01', 'Europe/Stockholm')).toEqual({ ok: true, iso: '2023-03-26T03:00:01+02:00' });
    const again = toZonedIso('2023-10-29T02:30:00', 'Europe/Stockholm');
    expect(again.ok && ['2023-10-29T02:30:00+02:00', '2023-10-29T02:30:00+01:00'].includes(again.iso)).toBe(true);
    expect(toZonedIso('2023-03-08T15:61:00', 'Europe/Stockholm').ok).toBe(false);
  });

  it('keeps the instant of a time that has an offset', () => {
    expect(toZonedIso('2023-03-08T14:24:35Z', 'Europe/Stockholm')).toEqual({ ok: true, iso: '2023-03-08T15:24:35+01:00' });
    expect(toZonedIso('2023-03-08T14:24:35.250-03:30', 'Asia/Kathmandu')).toEqual({ ok: true, iso: '2023-03-08T23:39:35.250+05:45' });
    expect(toZonedIso('2023-03-08T14:24:35Z', 'UTC')).toEqual({ ok: true, iso: '2023-03-08T14:24:35Z' });
    expect(toZonedIso('2023-02-30T14:24:35Z', 'Europe/Stockholm').ok).toBe(false);
  });

  it('gives what luxon gives for instants with an offset, around daylight-saving changes too', () => {
    const luxonIso = (iso: string, zone: string) => DateTime.fromISO(iso, { zone, setZone: false }).setZone(zone).toISO({ suppressMilliseconds: true });
    const zones = ['Europe/Stockholm', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'Europe/London', 'Etc/UTC', 'UTC', 'utc', 'Asia/Tokyo'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const fmt = (n: number, w = 2) => String(n).padStart(w, '0');
    for (let i = 0; i < 3000; i++) {
      // Random instants 1970-2040, every tenth one in the hours around a European or US change.
      const t = i % 10 === 0 ? Date.UTC(2000 + (i % 40), [2, 9, 10][i % 3]!, 1 + Math.floor(rand() * 31), Math.floor(rand() * 24), Math.floor(rand() * 60)) : rand() * 2.2e12;
      const d = new Date(Math.floor(t / 1000) * 1000 + (i % 7 === 0 ? Math.floor(rand() * 1000) : 0));
      const off = [0, 60, -300, 330, -210, 765][i % 6]!;
      const shifted = new Date(d.getTime() + off * 60_000).toISOString();
      const zoneText = off === 0 && i % 12 === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${fmt(Math.floor(Math.abs(off) / 60))}:${fmt(Math.abs(off) % 60)}`;
      const iso = `${shifted.slice(0, 19)}${shifted.slice(20, 23) === '000' ? '' : shifted.slice(19, 23)}${zoneText}`;
      const zone = zones[i % zones.length]!;
      expect(toZonedIso(iso, zone), `${iso} in ${zone}`).toEqual({ ok: true, iso: luxonIso(iso, zone) });
    }
  });

  it('says why a time or zone cannot be read', () => {
    const badZone = toZonedIso('2023-03-08T15:24:35', 'Europe/Atlantis');
    expect(badZone.ok).toBe(false);
    if (!badZone.ok) expect(badZone.reason).toMatch(/not an IANA time zone/);
    const badTime = toZonedIso('08/03/2023 3pm', 'UTC');
    expect(badTime.ok).toBe(false);
  });

  it('adds years to a local date, 29 February falling back to the 28th', () => {
    expect(datePlusYears('2023-03-08T15:24:35+01:00', 3)).toBe('2026-03-08');
    expect(datePlusYears('2024-02-29T10:00:00+01:00', 1)).toBe('2025-02-28');
    expect(datePlusYears('2024-02-29T10:00:00+01:00', 4)).toBe('2028-02-29');
  });

  it('gives now in the zone in whole seconds', () => {
    expect(zonedNow(new Date('2025-06-30T22:30:00.750Z'), 'Europe/Stockholm')).toBe('2025-07-01T00:30:00+02:00');
  });
});
