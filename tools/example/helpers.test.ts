import { describe, expect, it } from 'vitest';
import { checkOrcid } from '../core/identifiers.ts';
import { orcidFromBase, rorFromBase } from './ids.ts';
import { createRandom } from './random.ts';
import { retentionDate } from './records.ts';
import { localToEpoch, zonedIso } from './time.ts';

describe('identifiers', () => {
  it('computes ORCID check digits, including X', () => {
    expect(orcidFromBase('000000021825009')).toBe('0000-0002-1825-0097'); // ORCID's documented test iD
    const x = orcidFromBase('000000021825010');
    expect(x).toBe('0000-0002-1825-010X');
    expect(checkOrcid(x)).toEqual({ ok: true });
  });

  it('computes ROR checksums that match a real ROR id', () => {
    expect(rorFromBase('12a77v')).toBe('https://ror.org/012a77v79'); // Lund University
    expect(() => rorFromBase('12a7u!')).toThrow(/Crockford/);
  });
});

describe('time', () => {
  it('writes Stockholm wall-clock times with the offset in force, across the spring DST change', () => {
    expect(zonedIso(Date.UTC(2024, 2, 31, 0, 59, 59), 'Europe/Stockholm')).toBe('2024-03-31T01:59:59+01:00');
    expect(zonedIso(Date.UTC(2024, 2, 31, 1, 0, 0), 'Europe/Stockholm')).toBe('2024-03-31T03:00:00+02:00');
    expect(zonedIso(localToEpoch('2023-02-13T08:00', 'Europe/Stockholm'), 'UTC')).toBe('2023-02-13T07:00:00+00:00');
  });

  it('keeps retention at least the full number of years, rolling a leap day forward', () => {
    expect(retentionDate(Date.UTC(2020, 1, 29, 12), 7)).toBe('2027-03-01');
    expect(retentionDate(Date.UTC(2024, 5, 10, 12), 7)).toBe('2031-06-10');
  });
});

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds; forks are independent of draw order', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 5 }, () => a.int(0, 1000));
    expect(Array.from({ length: 5 }, () => b.int(0, 1000))).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => createRandom(43).int(0, 1000))).not.toEqual(seqA);
    const c = createRandom(42);
    c.next();
    expect(c.fork('x').hex(16)).toBe(createRandom(42).fork('x').hex(16));
  });
});
