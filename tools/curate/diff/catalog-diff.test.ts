import { afterAll, describe, expect, it } from 'vitest';
import { openRepo } from '../../git/git.ts';
import { cleanupAll, makeTempRepo, type TempRepo } from '../../git/test-utils.ts';
import { diffCatalog, type CatalogDiff } from './catalog-diff.ts';
import { diffToJson } from './json.ts';
import { DIFF_MARKER, diffToMarkdown } from './markdown.ts';
import { fixtureFiles, fixtureRecords, repoPath } from './test-fixture.ts';

afterAll(cleanupAll);

const NOW = new Date('2026-01-15T12:00:00Z');

/** The fixture change: a curated dataset, a new (broken) dataset, a removed annotation, an instrument description. */
async function fixtureChange(): Promise<{ repo: TempRepo; diff: CatalogDiff }> {
  const records = fixtureRecords();
  const ds = structuredClone(records.dataset);
  const sm = ds.scientificMetadata as Record<string, Record<string, unknown>>;
  sm.pass_energy = { value: 50, unit: 'eV' };
  sm.photon_energy = { value: 1200, unit: 'eV', name: 'Photon energy' };
  (sm.analyser!.lens as Record<string, unknown>).mode = 'Angular30';
  delete sm.pressure;
  sm.manipulator = { temperature: { value: 20, unit: 'K', name: 'Sample temperature' } };
  ds.keywords = ['silver', 'XPS', 'Ag(111)'];
  ds.datasetName = 'Ag 3d core level, normal emission';

  const added = structuredClone(records.dataset);
  added.pid = '20.500.12345/20240017/xps-0002';
  added.datasetName = 'Ag 3d core level, grazing';
  (added.scientificMetadata as Record<string, unknown>).pass_energy = { value: 20, unit: 'eVV' };

  const repo = await makeTempRepo({
    files: fixtureFiles(),
    commits: [
      {
        message: 'curate',
        files: {
          [repoPath('dataset', ds)]: ds,
          [repoPath('dataset', added)]: added,
          [repoPath('annotation', records.annotation)]: null,
          'catalog/instruments/flexpes.md': '---\ntitle: FlexPES\n---\nA soft X-ray beamline.\n',
        },
      },
    ],
  });
  const git = await openRepo(repo.dir);
  try {
    const diff = await diffCatalog(git, { base: repo.commits[0]!, head: 'HEAD', now: NOW });
    // Revisions as a reviewer would type them, stable for the snapshots.
    diff.base.rev = 'main';
    return { repo, diff };
  } finally {
    git.close();
  }
}

describe('diffCatalog on a temporary repository', async () => {
  const { diff } = await fixtureChange();

  it('finds each changed record with its status, grouped by type', () => {
    expect(diff.records.map((r) => [r.type, r.status, r.id])).toEqual([
      ['dataset', 'modified', '20.500.12345/20240017/xps-0001'],
      ['dataset', 'added', '20.500.12345/20240017/xps-0002'],
      ['annotation', 'removed', '20240017/xps-0001/c-0001'],
    ]);
    expect(diff.otherFiles).toEqual([{ path: 'catalog/instruments/flexpes.md', status: 'A' }]);
  });

  it('reports field changes with human names and units', () => {
    const mod = diff.records[0]!;
    const byPointer = Object.fromEntries(mod.changes.map((c) => [c.pointer, c]));
    expect(byPointer['/scientificMetadata/pass_energy']).toMatchObject({ op: 'change', label: 'Pass energy', old: { value: 20, unit: 'eV' }, new: { value: 50, unit: 'eV' } });
    expect(byPointer['/scientificMetadata/analyser/lens/mode']).toMatchObject({ label: 'analyser › lens › mode', old: 'Transmission', new: 'Angular30' });
    expect(byPointer['/scientificMetadata/pressure']).toMatchObject({ op: 'remove', label: 'Chamber pressure' });
    expect(byPointer['/scientificMetadata/manipulator/temperature']).toMatchObject({ op: 'add', label: 'Sample temperature' });
    expect(byPointer['/datasetName']?.label).not.toBe('datasetName'); // the schema's title
  });

  it('gives the validation status of each changed record at head', () => {
    expect(diff.records[0]!.validation?.status).toBe('valid');
    const broken = diff.records[1]!.validation!;
    expect(broken.status).toBe('errors');
    expect(broken.findings.some((f) => f.pointer?.startsWith('/scientificMetadata/pass_energy') && f.line !== undefined)).toBe(true);
    expect(diff.records[2]!.validation).toBeUndefined();
  });

  it('renders Markdown for a PR comment', async () => {
    const md = diffToMarkdown(diff);
    expect(md.startsWith(DIFF_MARKER)).toBe(true);
    expect(md).toContain('| Pass energy<br>`/scientificMetadata/pass_energy` | 20 eV | 50 eV |');
    expect(md).toContain('1200 eV (same amount)');
    await expect(md).toMatchFileSnapshot('__snapshots__/fixture-diff.md');
  });

  it('renders JSON for machines', async () => {
    const json = diffToJson(diff);
    const doc = JSON.parse(json) as { summary: { byStatus: Record<string, number> }; omitted: number };
    expect(doc.summary.byStatus).toEqual({ added: 1, modified: 1, renamed: 0, removed: 1 });
    expect(doc.omitted).toBe(0);
    await expect(json).toMatchFileSnapshot('__snapshots__/fixture-diff.json');
  });
});

describe('a large change', () => {
  it('is summarised by instrument and proposal, with the first N in full and errors first', async () => {
    const base = fixtureRecords();
    const files: Record<string, unknown> = {};
    for (const p of ['20240017', '20240018', '20240019']) {
      const proposal = { ...base.proposal, proposalId: p };
      files[repoPath('proposal', proposal)] = proposal;
    }
    let count = 0;
    for (const [proposalId, n, instrumentId] of [['20240017', 30, 'flexpes'], ['20240018', 20, 'flexpes'], ['20240019', 10, 'aurora']] as const) {
      for (let i = 1; i <= n; i++) {
        const d: Record<string, unknown> = { ...structuredClone(base.dataset), pid: `20.500.12345/${proposalId}/scan-${String(i).padStart(4, '0')}`, proposalId, instrumentId, sampleIds: [] };
        if (++count === 45) d.license = 'not-a-licence';
        files[repoPath('dataset', d)] = d;
      }
    }
    const repo = await makeTempRepo({ files: fixtureFiles(), commits: [{ message: 'ingest', files: files as Record<string, object> }] });
    const git = await openRepo(repo.dir);
    const diff = await diffCatalog(git, { base: 'HEAD~1', head: 'HEAD', now: NOW });
    // With `detail`, only the records that will be shown get their field changes (errors first).
    const lean = await diffCatalog(git, { base: 'HEAD~1', head: 'HEAD', now: NOW, detail: 5 });
    // Worker threads (used from 2,000 records on) give exactly the inline result.
    const threaded = await diffCatalog(git, { base: 'HEAD~1', head: 'HEAD', now: NOW, workers: 2 });
    git.close();
    expect(threaded).toEqual(diff);
    const detailed = lean.records.filter((r) => r.changes.length > 0);
    expect(detailed).toHaveLength(5);
    expect(detailed.every((r) => r.validation?.status === 'errors')).toBe(true);
    expect(diffToMarkdown(lean, { limit: 5 })).toBe(diffToMarkdown(diff, { limit: 5 }));
    expect(diff.records.filter((r) => r.type === 'dataset')).toHaveLength(60);

    const md = diffToMarkdown(diff, { limit: 5 });
    expect(md).toContain('Showing 5 of 62 changed records in full');
    expect(md).toContain('| `flexpes` | 50 | 0 | 0 | 0 |');
    expect(md).toContain('| `aurora` | 10 | 0 | 0 | 0 |');
    expect(md).toContain('| `20240017` | 30 | 0 | 0 | 0 |');
    // aurora is not in the catalogue, so those ten carry errors; the licence error is shown too.
    expect(md).toContain('❌ 11 records with errors');
    const shown = md.match(/^#### /gm) ?? [];
    expect(shown).toHaveLength(5);
    const json = JSON.parse(diffToJson(diff, { limit: 5 })) as { records: { validation?: { status: string } }[]; omitted: number; summary: { datasetsByProposal: { id: string; total: number }[] } };
    expect(json.omitted).toBe(57);
    expect(json.records.every((r) => r.validation?.status === 'errors')).toBe(true);
    expect(json.summary.datasetsByProposal.map((g) => [g.id, g.total])).toEqual([['20240017', 30], ['20240018', 20], ['20240019', 10]]);
  });

  it('keeps the Markdown under the size budget', async () => {
    const { diff } = await fixtureChange();
    const md = diffToMarkdown(diff, { maxChars: 1500 });
    expect(md.length).toBeLessThan(2500);
    expect(md).toMatch(/left out to keep this comment under GitHub's size limit/);
  });
});
