import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';
import { CANARY, DERIVED, FIXTURE_NOW, RAW, RESTRICTED, writeFixtureCatalog } from './test-fixture.ts';

let root: string;
let index: SiteIndex;

beforeAll(async () => {
  root = await writeFixtureCatalog();
  await writeFile(join(root, 'datasets', 'broken.json'), '{'); // not a record path: ignored
  index = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed: false });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('buildSiteIndex', () => {
  it('keeps the visible datasets, newest first, and never the embargoed one', () => {
    expect(index.datasets.map((d) => d.pid)).toEqual([DERIVED.pid, RESTRICTED.pid, RAW.pid]);
    expect(JSON.stringify(index)).not.toContain('CANARY');
  });
  it('lists what listings need of a dataset', () => {
    const raw = index.datasets.find((d) => d.pid === RAW.pid)!;
    expect(raw).toMatchObject({ year: '2024', type: 'raw', instrumentId: 'aurora', proposalId: '20240017', license: 'CC-BY-4.0' });
    expect(raw.rel).toBe('datasets/c5/20240017/xps-0001.json');
    expect(index.datasets.find((d) => d.pid === DERIVED.pid)!.inputs).toEqual([RAW.pid]);
  });
  it('drops embargoed members and draft publications', () => {
    expect(index.publications.map((p) => p.id)).toEqual(['10.5072/shelfmark.pub-0001']);
    expect(index.publications[0]!.pids).toEqual([RAW.pid]);
  });
  it('shows everything in an internal build', async () => {
    const internal = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed: true });
    expect(internal.datasets.map((d) => d.pid)).toContain(CANARY.pid);
    expect(internal.publications).toHaveLength(2);
  });
  it('reports an unreadable record and goes on', async () => {
    await writeFile(join(root, 'instruments', 'bad.json'), '{"id": ');
    const again = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed: false });
    expect(again.problems.map((p) => p.rel)).toEqual(['instruments/bad.json']);
    expect(again.datasets).toHaveLength(3);
    await rm(join(root, 'instruments', 'bad.json'));
  });
});
