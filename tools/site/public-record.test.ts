import { describe, expect, it } from 'vitest';
import { publicRecordJson } from './public-record.ts';

describe('publicRecordJson', () => {
  it('drops personal e-mail addresses at any depth and keeps the contact address', () => {
    const record = {
      pid: '20.500.12345/20240017/xps-0001',
      contactEmail: 'beamline@example.org',
      creators: [{ name: 'Ada Berg', email: 'ada@example.org', orcid: '0000-0002-1825-0097' }],
      pi: { name: 'Bo Lind', email: 'bo@example.org' },
    };
    const text = publicRecordJson(record);
    expect(text).not.toContain('ada@example.org');
    expect(text).not.toContain('bo@example.org');
    expect(JSON.parse(text)).toEqual({
      pid: record.pid,
      contactEmail: 'beamline@example.org',
      creators: [{ name: 'Ada Berg', orcid: '0000-0002-1825-0097' }],
      pi: { name: 'Bo Lind' },
    });
  });
});
