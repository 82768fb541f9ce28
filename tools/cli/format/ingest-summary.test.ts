import { describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../ingest/ingest.ts';
import { formatIngestText } from './ingest-summary.ts';

const record = (over: Partial<IngestSummary['records'][number]> = {}): IngestSummary['records'][number] => ({
  pid: '20.500.12345/20240017/ag-0001-1a2b3c4d',
  title: 'Ag 3d',
  instrumentId: 'flexpes',
  status: 'created',
  path: 'datasets/c5/20240017/ag-0001-1a2b3c4d.json',
  attachments: [],
  sources: ['/data/Ag_0001.txt'],
  hashes: {},
  warnings: ['required field "sample_temperature" is not in the source files'],
  ...over,
});

const summary = (over: Partial<IngestSummary> = {}): IngestSummary => ({ records: [record()], errors: [], skipped: [], files: 2, dryRun: false, commits: [], ...over });

describe('formatIngestText', () => {
  it('prints one line per record with pid, title, instrument and warning count, then a summary', () => {
    const { out, err } = formatIngestText(summary({ records: [record(), record({ pid: 'x/y/z', title: 'VB', instrumentId: undefined, status: 'unchanged', warnings: [] })] }));
    expect(out).toEqual([
      'created      20.500.12345/20240017/ag-0001-1a2b3c4d  "Ag 3d"  flexpes  1 warning',
      'unchanged    x/y/z  "VB"  (instrument unknown)  no warnings',
      '2 file(s) read: 2 record(s) (1 new, 0 updated, 1 unchanged), 0 skipped, 0 error(s).',
      'Run with --verbose to list the warnings.',
    ]);
    expect(err).toEqual([]);
  });

  it('lists warnings with --verbose, errors with their fix, and says what a dry run would do', () => {
    const { out, err } = formatIngestText(summary({ dryRun: true, errors: [{ file: '/data/B_0001.txt', message: 'truncated', fix: 'export again' }] }), { verbose: true });
    expect(out[0]).toMatch(/^would create /);
    expect(out[1]).toBe('             warning: required field "sample_temperature" is not in the source files');
    expect(out.at(-1)).toMatch(/^Dry run: 2 file\(s\) read: 1 record\(s\).*1 error\(s\)\.$/);
    expect(err).toEqual(['/data/B_0001.txt: error: truncated\n  fix: export again']);
  });
});
