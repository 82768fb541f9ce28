import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPath } from '../core/layout.ts';
import { CURATOR, fixedGitEnv } from '../git/test-utils.ts';
import { readGitFacts, type GitFacts } from './git-facts.ts';
import type { SiteConfig } from './records.ts';
import { CANARY, FIXTURE_NOW, RAW, RESTRICTED, writeFixtureCatalog } from './test-fixture.ts';

let dir: string;
let facts: GitFacts;
const config = { siteBaseUrl: 'https://data.example/', publisher: 'Nordlys' } as SiteConfig;

function git(args: string[], date: string): void {
  execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: fixedGitEnv(date, CURATOR) });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shelfmark-site-git-'));
  git(['init', '-q', '--initial-branch=main'], '2024-01-01T00:00:00Z');
  await writeFixtureCatalog(join(dir, 'catalog'));
  git(['add', '.'], '2024-01-01T00:00:00Z');
  git(['commit', '-q', '-m', 'Add the catalogue'], '2024-04-01T10:00:00+02:00');
  for (const d of [RAW, CANARY]) git(['rm', '-q', `catalog/${recordPath('dataset', d.pid)}`], '2025-01-01T00:00:00Z');
  git(['commit', '-q', '-m', 'Withdraw duplicates'], '2025-02-01T10:00:00+01:00');
  facts = await readGitFacts(join(dir, 'catalog'), config, { now: FIXTURE_NOW, includeEmbargoed: false }, new Set([RESTRICTED.pid.toLowerCase()]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readGitFacts', () => {
  it('gives each record its history, keyed by its path in the catalogue', () => {
    expect(facts.history[recordPath('dataset', RESTRICTED.pid)]).toEqual([
      { hash: expect.stringMatching(/^[0-9a-f]{40}$/), date: '2024-04-01T10:00:00+02:00', author: 'Curator One', summary: 'Add the catalogue' },
    ]);
  });
  it('leaves a tombstone for a removed public dataset, with its citation and the reason', () => {
    expect(facts.tombstones).toHaveLength(1);
    const t = facts.tombstones[0]!;
    expect(t).toMatchObject({ kind: 'dataset', id: RAW.pid, url: '/datasets/20240017/xps-0001/', reason: 'Withdraw duplicates' });
    expect(t.citation).toContain('Halvorsen, I., & Chen, W. (2024).');
    expect(t.citation).toContain('https://doi.org/10.5072/shelfmark.xps-0001');
  });
  it('leaves none for a removed embargoed dataset', () => {
    expect(JSON.stringify(facts.tombstones)).not.toContain('CANARY');
  });
  it('says so when the catalogue is not in git', async () => {
    const plain = await writeFixtureCatalog();
    const none = await readGitFacts(plain, config, { now: FIXTURE_NOW, includeEmbargoed: false }, new Set());
    expect(none.tombstones).toEqual([]);
    expect(none.note).toMatch(/no record history/);
    await rm(plain, { recursive: true, force: true });
  });
});
