/**
 * Ingest of the real third-party files in ../shared/corpus into a copy of the
 * example catalogue; the records must pass the validator except where the file
 * itself cannot say what the profile or schema asks (that is a curator's job).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir } from '../git/test-utils.ts';
import { validateCatalog } from '../validate/validate-catalog.ts';
import { ingest, type IngestSummary } from './ingest.ts';
import { CORPUS, HAVE_CORPUS, REPO_ROOT, corpusCatalog } from './test-utils/corpus.ts';

afterAll(cleanupAll);

/** Findings that only say the source file lacks something (curators fill these in). */
const FILE_CANNOT_SAY = (f: { code: string; pointer?: string }) =>
  f.code === 'profile/required' ||
  f.code === 'profile/range' ||
  f.code === 'ref/technique' ||
  (f.code === 'schema/required' && ['/instrumentId', '/startTime'].includes(f.pointer ?? ''));

describe.skipIf(!HAVE_CORPUS)(`ingest of the real corpus (needs ${CORPUS})`, () => {
  let catalog: string;
  let ses: IngestSummary;
  let all: IngestSummary;
  beforeAll(async () => {
    catalog = await corpusCatalog(join(await makeTempDir(), 'catalog'));
    ses = await ingest([join(CORPUS, 'scienta-ses')], { catalogRoot: catalog });
    all = await ingest(['scienta-ses', 'specs-prodigy', 'other', 'nexus'].map((d) => join(CORPUS, d)), { catalogRoot: catalog });
  }, 120_000);

  it('makes one record per SES measurement, grouping .txt with its .ibw', () => {
    expect(ses.errors).toEqual([]);
    expect(ses.records.map((r) => [r.title, r.sources.map((s) => s.split('/').pop())])).toEqual([
      ['Ag_0001', ['Ag_0001.txt', 'Ag_0001Ag__001.ibw']],
      ['Cu-HHTP_0001', ['Cu-HHTP_0001.txt', 'Cu-HHTP_0001Cu-HHTP__001.ibw']],
      ['Cu-HHTP_0003', ['Cu-HHTP_0003.txt']],
      ['MERLIN_9', ['MERLIN_9.pxt']],
    ]);
    expect(ses.records.every((r) => r.instrumentId === 'aurora')).toBe(true);
  });

  it('maps the SES header through the xps profile', async () => {
    const ag = ses.records.find((r) => r.title === 'Ag_0001')!;
    const rec = JSON.parse(await readFile(join(catalog, ag.path), 'utf8'));
    expect(rec.metadataProfile).toBe('xps');
    expect(rec.startTime).toBe('2023-03-08T15:24:35+01:00');
    expect(rec.provenance.rawStartTime).toBe('2023-03-08 15:24:35');
    expect(rec.scientificMetadata.photon_energy).toMatchObject({ value: 520, unit: 'eV', name: 'Photon energy' });
    expect(rec.scientificMetadata.pass_energy).toMatchObject({ value: 50, unit: 'eV' });
    expect(rec.scientificMetadata.dwell_time).toMatchObject({ value: 0.203, unit: 's' });
    expect(rec.scientificMetadata.region_name).toEqual({ value: 'Ag3d', name: 'Region' });
    expect(rec.scientificMetadata.kinetic_energy_range).toEqual({ min: 138, max: 156, unit: 'eV', name: 'Kinetic energy range' });
    expect(rec.provenance.missingRequired).toEqual(['sample_temperature']);
    expect(rec.attachments).toEqual([expect.objectContaining({ path: 'quicklook.svg', mediaType: 'image/svg+xml' })]);
    const svg = await readFile(join(catalog, ag.attachments[0]!), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Binding Energy (eV)');
    expect(rec.files.dataFileList.map((f: { path: string; size: number }) => [f.path, f.size])).toEqual([
      ['Ag_0001.txt', 20892],
      ['Ag_0001Ag__001.ibw', 4000],
    ]);
  });

  it('reads every corpus file into a record or reports it, and nothing twice', () => {
    const claimed = all.records.flatMap((r) => r.sources);
    // Only a Prodigy file with several groups feeds several records (one per group).
    const shared = sharedFiles(all).map((f) => f.split('/').pop());
    expect(shared).toEqual(['MgFe2O4_with_transmission_function.xy']);
    const accounted = new Set([...claimed, ...all.errors.map((e) => e.file), ...all.skipped.map((s) => s.file)]);
    expect(accounted.size).toBe(all.files);
  });

  it('writes records the validator accepts, except for what the files cannot say', async () => {
    const result = await validateCatalog({ root: catalog, paths: [join(catalog, 'datasets')] });
    const ours = new Set(all.records.map((r) => r.path.split('/').pop()));
    const findings = result.findings.filter((f) => ours.has(f.file.split('/').pop()));
    expect(findings.length).toBeGreaterThan(0); // the profiles ask for things no file has
    expect(findings.filter((f) => !FILE_CANNOT_SAY(f)).map((f) => `${f.file} ${f.code} ${f.pointer}: ${f.message}`)).toEqual([]);
    const sesFiles = new Set(ses.records.map((r) => r.path.split('/').pop()));
    const sesSchema = findings.filter((f) => sesFiles.has(f.file.split('/').pop()) && f.code.startsWith('schema/'));
    expect(sesSchema).toEqual([]);
  });

  it('changes nothing when the same files come in again', async () => {
    const again = await ingest([join(CORPUS, 'scienta-ses')], { catalogRoot: catalog });
    expect(again.records.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(again.records.map((r) => r.pid)).toEqual(ses.records.map((r) => r.pid));
  });

  it('gives the same records when the translators run in worker threads', async () => {
    const cat = await corpusCatalog(join(await makeTempDir(), 'catalog'));
    const now = new Date('2026-01-01T00:00:00Z');
    const pooled = await ingest([join(CORPUS, 'scienta-ses'), join(CORPUS, 'specs-prodigy')], { catalogRoot: cat, workers: 2, now, dryRun: true });
    const inProcess = await ingest([join(CORPUS, 'scienta-ses'), join(CORPUS, 'specs-prodigy')], { catalogRoot: cat, workers: 0, now, dryRun: true });
    expect(pooled.records.length).toBeGreaterThan(4);
    expect(pooled.records.map((r) => [r.pid, r.hashes, r.warnings])).toEqual(inProcess.records.map((r) => [r.pid, r.hashes, r.warnings]));
    expect(pooled.errors).toEqual(inProcess.errors);
  }, 60_000);

  it('writes the same record and quick-look files whether the workers or the main thread read', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const dirs = ['scienta-ses', 'specs-prodigy', 'other'].map((d) => join(CORPUS, d));
    const [pooledCat, inProcessCat] = await Promise.all([0, 1].map(async () => corpusCatalog(join(await makeTempDir(), 'catalog'))));
    const pooled = await ingest(dirs, { catalogRoot: pooledCat!, workers: 2, now });
    const inProcess = await ingest(dirs, { catalogRoot: inProcessCat!, workers: 0, now });
    const written = pooled.records.flatMap((r) => [r.path, ...r.attachments]);
    expect(written.filter((p) => p.endsWith('.svg')).length).toBeGreaterThan(4);
    expect(inProcess.records.flatMap((r) => [r.path, ...r.attachments])).toEqual(written);
    for (const rel of written) expect(await readFile(join(pooledCat!, rel), 'utf8'), rel).toBe(await readFile(join(inProcessCat!, rel), 'utf8'));
  }, 60_000);

  it('shelfmark ingest ../shared/corpus/scienta-ses prints one line per measurement', async () => {
    const cat = await corpusCatalog(join(await makeTempDir(), 'catalog'));
    const { code, stdout } = await new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
      execFile(process.execPath, ['tools/cli/shelfmark.ts', 'ingest', '--catalog', cat, '../shared/corpus/scienta-ses'], { cwd: REPO_ROOT, env: { ...process.env, CI: '1' } }, (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const recordLines = lines.filter((l) => l.startsWith('created '));
    expect(recordLines).toHaveLength(4);
    expect(recordLines[0]).toMatch(/^created\s+20\.500\.12345\/20230012\/ag-0001-[0-9a-f]{8}  "Ag_0001"  aurora  1 warning$/);
    expect(lines).toContain('6 file(s) read: 4 record(s) (4 new, 0 updated, 0 unchanged), 0 skipped, 0 error(s).');
  }, 60_000);
});

/** Files that feed more than one record. */
function sharedFiles(s: IngestSummary): string[] {
  const seen = new Map<string, number>();
  for (const f of s.records.flatMap((r) => r.sources)) seen.set(f, (seen.get(f) ?? 0) + 1);
  return [...seen].filter(([, c]) => c > 1).map(([f]) => f);
}
