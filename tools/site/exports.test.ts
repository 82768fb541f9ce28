import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOaiStatic } from '../oai/build-hook.ts';
import { createContext } from './context.ts';
import { EXPORT_FILES } from './export-files.ts';
import type { ExportsJob, ExportsWorkerReport } from './exports-worker.ts';
import { writeExports, type ExportReport } from './exports.ts';
import { buildSiteIndex } from './site-index.ts';
import { FIXTURE_NOW, writeFixtureCatalog } from './test-fixture.ts';

let root: string;
let out: string;
let report: ExportReport;
const page = () => join(out, 'datasets', '20240017', 'xps-0001');

beforeAll(async () => {
  root = await writeFixtureCatalog();
  out = await mkdtemp(join(tmpdir(), 'shelfmark-site-exports-'));
  const index = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed: false });
  report = await writeExports(createContext(root, index), out);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('writeExports', () => {
  it('writes every export beside every visible dataset and publication, and nothing for the embargoed one', () => {
    expect(report.problems).toEqual([]);
    expect(report.datasets).toBe(3);
    for (const e of EXPORT_FILES) expect(existsSync(join(page(), e.file)), e.file).toBe(true);
    for (const e of EXPORT_FILES) expect(existsSync(join(out, 'doi', '10.5072', 'shelfmark.pub-0001', e.file)), e.file).toBe(true);
    expect(existsSync(join(out, 'datasets', '20249999'))).toBe(false);
  });
  it('fills the formats from the record', async () => {
    expect(await readFile(join(page(), 'datacite.xml'), 'utf8')).toContain('10.5072/shelfmark.xps-0001');
    expect(await readFile(join(page(), 'citation.bib'), 'utf8')).toMatch(/^@\w+\{/);
    expect(await readFile(join(page(), 'citation.ris'), 'utf8')).toContain('TY  - ');
    expect(JSON.parse(await readFile(join(page(), 'record.json'), 'utf8')).pid).toBe('20.500.12345/20240017/xps-0001');
  });
  it('leaves embargoed members out of a publication export', async () => {
    const text = await readFile(join(out, 'doi', '10.5072', 'shelfmark.pub-0001', 'datacite.xml'), 'utf8');
    expect(text).not.toContain('20249999');
    expect(await readFile(join(out, 'doi', '10.5072', 'shelfmark.pub-0001', 'record.json'), 'utf8')).not.toContain('CANARY');
  });
  it('copies the quick-look plot and annotation images to the URLs the page links', () => {
    expect(existsSync(join(page(), 'attachments', 'quicklook.svg'))).toBe(true);
    expect(existsSync(join(page(), 'annotations', 'c-0001', 'c-0001.png'))).toBe(true);
  });
});

/** Runs the build's exports worker thread on the fixture catalogue, as build.ts does. */
async function runExportsWorker(includeEmbargoed: boolean): Promise<{ out: string; report: ExportsWorkerReport }> {
  const index = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed });
  const data = await mkdtemp(join(tmpdir(), 'shelfmark-site-data-'));
  const dir = await mkdtemp(join(tmpdir(), 'shelfmark-site-worker-'));
  await writeFile(join(data, 'index.json'), JSON.stringify(index));
  await writeFile(join(data, 'history.json'), '{}');
  const job: ExportsJob = { root, data, outDir: dir, oaiStatic: !includeEmbargoed };
  const worker = new Worker(new URL('./exports-worker.ts', import.meta.url), { workerData: job });
  const report = await new Promise<ExportsWorkerReport>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await rm(data, { recursive: true, force: true });
  return { out: dir, report };
}

describe('the exports worker', () => {
  it('writes the exports and, for a public build, the OAI static repository from the same models, as writing it alone does', async () => {
    const { out: dir, report: r } = await runExportsWorker(false);
    try {
      expect(r.exports).toEqual(report);
      expect(r.oai?.problems).toEqual([]);
      expect(r.oai?.file).toBe(join(dir, 'oai', 'static-repository.xml'));
      for (const e of EXPORT_FILES) expect(await readFile(join(dir, 'datasets', '20240017', 'xps-0001', e.file), 'utf8')).toBe(await readFile(join(page(), e.file), 'utf8'));
      const alone = await mkdtemp(join(tmpdir(), 'shelfmark-site-oai-'));
      try {
        const index = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed: false });
        const expected = await writeOaiStatic(root, index, { history: {}, tombstones: [] }, alone);
        expect(r.oai?.records).toBe(expected.records);
        expect(await readFile(r.oai!.file, 'utf8')).toBe(await readFile(expected.file, 'utf8'));
      } finally {
        await rm(alone, { recursive: true, force: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes no OAI static repository for an internal build', async () => {
    const { out: dir, report: r } = await runExportsWorker(true);
    try {
      expect(r.oai).toBeUndefined();
      expect(existsSync(join(dir, 'oai'))).toBe(false);
      expect(r.exports.datasets).toBe(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
