import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordPath } from '../core/layout.ts';
import { cleanupAll, makeTempDir, makeTempRepo } from '../git/test-utils.ts';
import { ingest, ingestBranch, keepCuration, type ReadFile } from './ingest.ts';
import { makeCatalog, sesMeasurement } from './test-utils/fixtures.ts';

afterAll(cleanupAll);

/** A stand-in translator: "BAD" files are errors, ".skip" files skipped, others one SES measurement titled by their first line. */
const fakeRead: ReadFile = async (file) => {
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.skip')) return { status: 'skipped', file, reason: 'not an instrument file' };
  if (text.startsWith('BAD')) return { status: 'error', file, message: 'truncated SES file: [Data 1] missing', fix: 'export again' };
  const title = text.split('\n')[0]!;
  // Like SES: "Ag_0001.txt" and "Ag_0001Ag__001.ibw" are one acquisition (first 7 characters of the name).
  const groupKey = join(dirname(file), basename(file).slice(0, 7));
  return { status: 'ok', file, measurements: [sesMeasurement(file, { title, groupKey })] };
};

async function setup(files: Record<string, string>) {
  const tmp = await makeTempDir('shelfmark-ingest-');
  const catalog = await makeCatalog(join(tmp, 'catalog'));
  const data = join(tmp, 'data', '20240017');
  await mkdir(data, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(data, name), text);
  return { tmp, catalog, data };
}

const now = new Date('2025-01-01T12:00:00Z');

describe('ingest', () => {
  it('writes one record per measurement, then changes nothing for unchanged sources', async () => {
    const { catalog, data } = await setup({ 'Ag_0001.txt': 'Ag 3d\n', 'Cu_0002.txt': 'Cu 2p\n', 'notes.skip': 'x' });
    const first = await ingest([data], { catalogRoot: catalog, read: fakeRead, now });
    expect(first.errors).toEqual([]);
    expect(first.files).toBe(3);
    expect(first.skipped.map((s) => s.file)).toEqual([join(data, 'notes.skip')]);
    expect(first.records.map((r) => [r.title, r.status])).toEqual([
      ['Ag 3d', 'created'],
      ['Cu 2p', 'created'],
    ]);
    const path = join(catalog, first.records[0]!.path);
    const rec = JSON.parse(await readFile(path, 'utf8'));
    expect(rec.pid).toBe(first.records[0]!.pid);
    expect(rec.provenance.sourceFiles).toEqual([{ path: 'Ag_0001.txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: 6 }]);
    await stat(join(catalog, first.records[0]!.attachments[0]!));
    const before = (await stat(path)).mtimeMs;

    const again = await ingest([data], { catalogRoot: catalog, read: fakeRead, now: new Date('2025-02-01T00:00:00Z') });
    expect(again.records.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect((await stat(path)).mtimeMs).toBe(before);
  });

  it('updates the same record when a source changes, keeping what curators added', async () => {
    const { catalog, data } = await setup({ 'Ag_0001.txt': 'Ag 3d\n' });
    const first = await ingest([data], { catalogRoot: catalog, read: fakeRead, now });
    const path = join(catalog, first.records[0]!.path);
    const curated = JSON.parse(await readFile(path, 'utf8'));
    curated.description = 'Sputtered twice.';
    curated.scientificMetadata.sample.temperature = { value: 300, unit: 'K', name: 'Sample temperature' };
    await writeFile(path, JSON.stringify(curated));
    await writeFile(join(data, 'Ag_0001.txt'), 'Ag 3d, second sweep\n');
    const second = await ingest([data], { catalogRoot: catalog, read: fakeRead, now });
    expect(second.records.map((r) => [r.pid, r.status])).toEqual([[first.records[0]!.pid, 'updated']]);
    const rec = JSON.parse(await readFile(path, 'utf8'));
    expect(rec.datasetName).toBe('Ag 3d, second sweep');
    expect(rec.description).toBe('Sputtered twice.');
    expect(rec.scientificMetadata.sample.temperature.value).toBe(300);
    expect(rec.provenance.missingRequired).toBeUndefined();
    expect(rec.provenance.warnings.join('\n')).not.toMatch(/sample\/temperature/);
  });

  it('keeps earlier files of an acquisition when its other files arrive in a later batch', async () => {
    const { catalog, data } = await setup({ 'Ag_0001.txt': 'Ag 3d\n' });
    const first = await ingest([join(data, 'Ag_0001.txt')], { catalogRoot: catalog, read: fakeRead, now });
    await writeFile(join(data, 'Ag_0001Ag__001.ibw'), 'wave\n');
    const second = await ingest([join(data, 'Ag_0001Ag__001.ibw')], { catalogRoot: catalog, read: fakeRead, now });
    expect(second.records.map((r) => [r.pid, r.status, r.sources.map((f) => basename(f))])).toEqual([
      [first.records[0]!.pid, 'updated', ['Ag_0001.txt', 'Ag_0001Ag__001.ibw']],
    ]);
    const rec = JSON.parse(await readFile(join(catalog, second.records[0]!.path), 'utf8'));
    expect(rec.datasetName).toBe('Ag 3d'); // the .txt stays the primary file
    expect(rec.files.dataFileList.map((f: { path: string }) => f.path)).toEqual(['Ag_0001.txt', 'Ag_0001Ag__001.ibw']);
    const both = await ingest([data], { catalogRoot: catalog, read: fakeRead, now });
    expect(both.records.map((r) => r.status)).toEqual(['unchanged']);
  });

  it('reports a bad file and goes on with the batch', async () => {
    const { catalog, data } = await setup({ 'A_0001.txt': 'A\n', 'B_0001.txt': 'BAD\n', 'C_0001.txt': 'C\n' });
    const s = await ingest([data, join(data, 'missing.txt')], { catalogRoot: catalog, read: fakeRead, now });
    expect(s.records.map((r) => r.title)).toEqual(['A', 'C']);
    expect(s.errors).toEqual([
      { file: join(data, 'missing.txt'), message: 'cannot read: ENOENT', fix: expect.any(String) },
      { file: join(data, 'B_0001.txt'), message: 'truncated SES file: [Data 1] missing', fix: 'export again' },
    ]);
  });

  it('survives a translator that throws', async () => {
    const { catalog, data } = await setup({ 'A_0001.txt': 'A\n', 'B_0001.txt': 'B\n' });
    const throwing: ReadFile = async (f) => (f.includes('B_') ? Promise.reject(new Error('boom')) : fakeRead(f));
    const s = await ingest([data], { catalogRoot: catalog, read: throwing, now });
    expect(s.records).toHaveLength(1);
    expect(s.errors[0]!.message).toMatch(/boom/);
  });

  it('reports a record it cannot write and writes the others', async () => {
    const { catalog, data } = await setup({ 'A_0001.txt': 'A\n', 'B_0001.txt': 'B\n' });
    const planned = await ingest([data], { catalogRoot: catalog, read: fakeRead, now, dryRun: true });
    // A file where B's attachments folder must go: the write of B fails, A's goes through.
    const blocked = join(catalog, planned.records[1]!.attachments[0]!, '..');
    await mkdir(dirname(blocked), { recursive: true });
    await writeFile(blocked, 'not a folder');
    const s = await ingest([data], { catalogRoot: catalog, read: fakeRead, now });
    expect(s.records.map((r) => [r.title, r.status])).toEqual([['A', 'created']]);
    expect(s.errors).toEqual([{ file: join(data, 'B_0001.txt'), message: expect.stringContaining(`could not write ${planned.records[1]!.path}`), fix: expect.stringMatching(/writable/) }]);
  });

  it('writes nothing on a dry run', async () => {
    const { catalog, data } = await setup({ 'A_0001.txt': 'A\n' });
    const s = await ingest([data], { catalogRoot: catalog, read: fakeRead, now, dryRun: true });
    expect(s.records[0]!.status).toBe('created');
    await expect(stat(join(catalog, s.records[0]!.path))).rejects.toThrow();
  });

  it('commits one batch on ingest/<instrument>/<date> and goes back to the branch it was on', async () => {
    const repo = await makeTempRepo({ files: { 'README.md': 'catalogue\n' } });
    const catalog = await makeCatalog(join(repo.dir, 'catalog'));
    await repo.commit({ message: 'catalogue', files: {} });
    const data = join(await makeTempDir(), '20240017');
    await mkdir(data);
    await writeFile(join(data, 'A_0001.txt'), 'A\n');
    await writeFile(join(data, 'B_0001.txt'), 'B\n');
    const s = await ingest([data], { catalogRoot: catalog, read: fakeRead, now, commit: true });
    expect(s.errors).toEqual([]);
    const branch = ingestBranch('flexpes', now, 'Europe/Stockholm');
    expect(branch).toBe('ingest/flexpes/2025-01-01');
    expect(s.commits).toHaveLength(1);
    expect(s.commits[0]!.sha).toMatch(/^[0-9a-f]{40}$/);
    expect((await repo.git('branch', '--show-current')).trim()).toBe('main');
    const files = (await repo.git('show', '--name-only', '--format=%s', branch)).trim().split('\n');
    expect(files[0]).toMatch(/^ingest: 2 new, 0 updated dataset record\(s\) from 2 file\(s\)$/);
    expect(files).toContain(`catalog/${recordPath('dataset', s.records[0]!.pid)}`);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
    // The records are on the branch, not on main.
    await expect(stat(join(catalog, s.records[0]!.path))).rejects.toThrow();
    const again = await ingest([data], { catalogRoot: catalog, read: fakeRead, now, commit: true });
    expect(again.records.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.commits[0]!.sha).toBeUndefined();
    // A later file of acquisition A finds A's record on the branch (main is checked out).
    await writeFile(join(data, 'A_0001.ibw'), 'wave\n');
    const later = await ingest([join(data, 'A_0001.ibw')], { catalogRoot: catalog, read: fakeRead, now, commit: true });
    expect(later.records.map((r) => [r.status, r.sources.map((f) => basename(f))])).toEqual([['updated', ['A_0001.ibw', 'A_0001.txt']]]);
    const rec = JSON.parse(await repo.git('show', `${branch}:catalog/${later.records[0]!.path}`));
    expect(rec.files.dataFileList.map((f: { path: string }) => f.path)).toEqual(['A_0001.ibw', 'A_0001.txt']);
  });

  it('reports a catalogue outside git instead of throwing', async () => {
    const { catalog, data, tmp } = await setup({ 'A_0001.txt': 'A\n' });
    await rm(join(tmp, '.git'), { recursive: true, force: true });
    const s = await ingest([data], { catalogRoot: catalog, read: fakeRead, now, commit: true });
    expect(s.errors.at(-1)!.message).toMatch(/not in a git repository/);
  });
});

describe('keepCuration', () => {
  it('keeps curated fields and metadata the files do not give', () => {
    const out = keepCuration(
      { keywords: ['x'], datasetName: 'old', scientificMetadata: { a: { value: 1 }, g: { b: { value: 2 }, c: { value: 3 } } } },
      { datasetName: 'new', scientificMetadata: { a: { value: 9 }, g: { b: { value: 8 } } } },
    );
    expect(out).toEqual({ datasetName: 'new', keywords: ['x'], scientificMetadata: { a: { value: 9 }, g: { b: { value: 8 }, c: { value: 3 } } } });
  });
});
