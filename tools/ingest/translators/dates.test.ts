import { describe, expect, it } from 'vitest';
import { epochSeconds, fieldsDateTime, isoDateTime, localDateTime } from './dates.ts';

describe('instrument time stamps', () => {
  it('reads SES dates in ISO, US and 12-hour forms without inventing an offset', () => {
    expect(localDateTime('2023-03-08', '15:24:35')).toBe('2023-03-08T15:24:35');
    expect(localDateTime('06/05/2017', '01:58:54 PM')).toBe('2017-06-05T13:58:54');
    expect(localDateTime('06/05/2017', '12:00:01 PM')).toBe('2017-06-05T12:00:01');
    expect(localDateTime('31.12.2020', '23:59:59')).toBe('2020-12-31T23:59:59');
    expect(localDateTime('13/45/2017', '01:00:00')).toBeUndefined();
  });
  it('reads epoch seconds, VAMAS fields and NeXus ISO strings', () => {
    expect(epochSeconds(1643391325)).toBe('2022-01-28T17:35:25Z');
    expect(fieldsDateTime({ year: 2023, month: 8, day: 24, hour: 14, minute: 19, second: 47 }, 2)).toBe('2023-08-24T14:19:47+02:00');
    expect(isoDateTime('2019-02-14T14:25:57')).toBe('2019-02-14T14:25:57');
    expect(isoDateTime('2023-03-08T15:24:35+01:00')).toBe('2023-03-08T15:24:35+01:00');
    expect(isoDateTime('not a date')).toBeUndefined();
  });
});
