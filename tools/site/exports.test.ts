import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from './context.ts';
import { EXPORT_FILES } from './export-files.ts';
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
