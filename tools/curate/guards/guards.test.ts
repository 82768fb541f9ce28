import { afterAll, describe, expect, it } from 'vitest';
import type { RecordType } from '../../core/layout.ts';
import { openRepo } from '../../git/git.ts';
import { cleanupAll, makeTempRepo, type FileContent, type TempCommit } from '../../git/test-utils.ts';
import { fixtureFiles, fixtureRecords, repoPath, DOI, PID } from '../diff/test-fixture.ts';
import { checkGuards, type CheckResult } from './check.ts';
import { isCurationField } from './rules.ts';

afterAll(cleanupAll);

/** Long after the fixture dataset's creation (2024-03-14) and its 30-day grace period, before its embargo ends (2027-03-14). */
const LATER = new Date('2026-01-15T12:00:00Z');

type Rec = Record<string, unknown>;
type Edit = (r: Record<RecordType, Rec>) => void;

/** Commits the fixture (edited by `setup`), then one change made by `change`; runs the guards on it. */
async function guard(opts: { setup?: Edit; change: (r: Record<RecordType, Rec>) => TempCommit; now?: Date }): Promise<CheckResult> {
  const records = fixtureRecords();
  opts.setup?.(records);
  const files: Record<string, FileContent> = {};
  for (const [type, r] of Object.entries(records) as [RecordType, Rec][]) files[repoPath(type, r)] = r;
  const repo = await makeTempRepo({ files, commits: [opts.change(structuredClone(records))] });
  const git = await openRepo(repo.dir);
  try {
    return await checkGuards(git, { base: 'HEAD~1', head: 'HEAD', now: opts.now ?? LATER });
  } finally {
    git.close();
  }
}

const withDoi: Edit = (r) => {
  r.dataset.doi = DOI;
};
const datasetFile = (r: Record<RecordType, Rec>) => repoPath('dataset', r.dataset);
const codes = (res: CheckResult) => res.findings.map((f) => `${f.severity} ${f.code} ${f.pointer ?? ''}`);
const sm = (r: Record<RecordType, Rec>) => r.dataset.scientificMetadata as Rec;

describe('guard/doi-frozen', () => {
  it('refuses a change outside the curation fields of a dataset with a DOI, naming file, line and pointer', async () => {
    const res = await guard({
      setup: withDoi,
      change: (r) => {
        sm(r).pass_energy = { value: 50, unit: 'eV' };
        return { message: 'fix pass energy', files: { [datasetFile(r)]: r.dataset } };
      },
      now: new Date('2024-03-20T00:00:00Z'), // inside the grace period: only the DOI rule applies
    });
    expect(codes(res)).toEqual(['error guard/doi-frozen /scientificMetadata/pass_energy']);
    const f = res.findings[0]!;
    expect(f.file).toBe(`catalog/${'datasets/c5/20240017/xps-0001.json'}`);
    expect(f.line).toBeGreaterThan(1);
    expect(f.found).toBe('20 eV → 50 eV');
    expect(f.fix).toContain(`shelfmark publish --new-version ${PID}`);
  });

  it('allows the curation fields (keywords, description)', async () => {
    const res = await guard({
      setup: withDoi,
      change: (r) => {
        r.dataset.keywords = ['silver', 'XPS', 'Ag(111)'];
        r.dataset.description = 'Now with a description.';
        return { message: 'curate', files: { [datasetFile(r)]: r.dataset } };
      },
    });
    expect(res.findings).toEqual([]);
    expect(res.stats.records).toBe(1);
  });

  it('freezes a registered publication but lets DataCite move it from registered to findable', async () => {
    const setup: Edit = (r) => {
      r.publication.status = 'registered';
      r.publication.registeredTime = '2025-01-10T10:00:00Z';
    };
    const retitled = await guard({
      setup,
      change: (r) => {
        r.publication.title = 'Ag 3d spectra, revised';
        return { message: 'retitle', files: { [repoPath('publication', r.publication)]: r.publication } };
      },
    });
    expect(codes(retitled)).toEqual(['error guard/doi-frozen /title']);
    const findable = await guard({
      setup,
      change: (r) => {
        r.publication.status = 'findable';
        return { message: 'findable', files: { [repoPath('publication', r.publication)]: r.publication } };
      },
    });
    expect(findable.findings).toEqual([]);
    const hidden = await guard({
      setup: (r) => {
        setup(r);
        r.publication.status = 'findable';
      },
      change: (r) => {
        r.publication.status = 'registered';
        return { message: 'hide', files: { [repoPath('publication', r.publication)]: r.publication } };
      },
    });
    expect(hidden.findings).toEqual([]);
    const redrafted = await guard({
      setup,
      change: (r) => {
        r.publication.status = 'draft';
        return { message: 'back to draft', files: { [repoPath('publication', r.publication)]: r.publication } };
      },
    });
    expect(codes(redrafted)).toEqual(['error guard/doi-frozen /status']);
  });

  it('takes the policy from the base revision, so a PR cannot widen curationFields for itself', async () => {
    const res = await guard({
      setup: withDoi,
      change: (r) => {
        r.config.curationFields = ['/keywords', '/scientificMetadata'];
        sm(r).pass_energy = { value: 50, unit: 'eV' };
        return { message: 'sneak', files: { 'catalog/config.json': r.config, [datasetFile(r)]: r.dataset } };
      },
    });
    expect(codes(res)).toEqual(['warning guard/policy-changed /curationFields', 'error guard/doi-frozen /scientificMetadata/pass_energy']);
  });
});

describe('guard/raw-frozen', () => {
  const change = (r: Record<RecordType, Rec>): TempCommit => {
    sm(r).pass_energy = { value: 50, unit: 'eV' };
    r.dataset.keywords = ['silver'];
    return { message: 'reharvest', files: { [datasetFile(r)]: r.dataset } };
  };

  it('refuses a change to a raw dataset after the grace period, outside the curation fields', async () => {
    const res = await guard({ change });
    expect(codes(res)).toEqual(['error guard/raw-frozen /scientificMetadata/pass_energy']);
    expect(res.findings[0]!.message).toContain('grace period of 30 days (ended 2024-04-13)');
  });

  it('allows it within the grace period, and for a derived dataset', async () => {
    expect((await guard({ change, now: new Date('2024-04-10T00:00:00Z') })).findings).toEqual([]);
    const derived = await guard({
      setup: (r) => {
        r.dataset.type = 'derived';
      },
      change,
    });
    expect(derived.findings.filter((f) => f.code === 'guard/raw-frozen')).toEqual([]);
  });

  it('reads rawGracePeriodDays from the config', async () => {
    const res = await guard({
      setup: (r) => {
        r.config.rawGracePeriodDays = 1000;
      },
      change,
    });
    expect(res.findings).toEqual([]);
  });
});

describe('guard/doi-deleted', () => {
  it('refuses deleting a record with a DOI, and allows deleting one without', async () => {
    const del = (r: Record<RecordType, Rec>): TempCommit => ({ message: 'delete', files: { [datasetFile(r)]: null } });
    expect(codes(await guard({ setup: withDoi, change: del }))).toEqual(['error guard/doi-deleted ']);
    expect((await guard({ change: del })).findings).toEqual([]);
  });
});

describe('guard/renamed and guard/id-changed', () => {
  it('refuses moving a record to another path', async () => {
    const res = await guard({
      change: (r) => ({ message: 'move', renames: { [datasetFile(r)]: 'catalog/datasets/c5/20240017/xps-9999.json' } }),
      now: new Date('2024-03-20T00:00:00Z'),
    });
    expect(codes(res)).toEqual(['error guard/renamed ']);
    expect(res.findings[0]!.fix).toContain(`Move the file back to ${'catalog/datasets/c5/20240017/xps-0001.json'}`);
  });

  it('refuses a move git sees as delete + add, by pairing the ids', async () => {
    const res = await guard({
      change: (r) => {
        const moved = { pid: PID, type: 'raw', datasetName: 'almost nothing left' };
        return { message: 'move and rewrite', files: { [datasetFile(r)]: null, 'catalog/datasets/c5/20240017/other.json': moved } };
      },
      now: new Date('2024-03-20T00:00:00Z'),
    });
    expect(codes(res)).toEqual(['error guard/renamed ']);
  });

  it('refuses changing the id inside the file', async () => {
    const res = await guard({
      change: (r) => {
        r.sample.sampleId = '20240017-s99';
        return { message: 'new id', files: { [repoPath('sample', fixtureRecords().sample)]: r.sample } };
      },
    });
    expect(codes(res)).toEqual(['error guard/id-changed /sampleId']);
  });
});

describe('guard/embargo-lifted-early', () => {
  it('allows lifting an embargo early, even on a DOI dataset, but reports it as a warning', async () => {
    const res = await guard({
      setup: withDoi,
      change: (r) => {
        r.dataset.access = { status: 'public' };
        return { message: 'lift', files: { [datasetFile(r)]: r.dataset } };
      },
    });
    expect(codes(res)).toEqual(['warning guard/embargo-lifted-early /access']);
    expect(res.findings[0]!.message).toContain('2027-03-14');
  });

  it('says nothing when the embargo had already ended', async () => {
    const res = await guard({
      change: (r) => {
        r.dataset.access = { status: 'public' };
        return { message: 'lift', files: { [datasetFile(r)]: r.dataset } };
      },
      now: new Date('2024-03-20T00:00:00Z'),
      setup: (r) => {
        r.dataset.access = { status: 'embargoed', embargoedUntil: '2024-03-15' };
      },
    });
    expect(res.findings).toEqual([]);
  });
});

describe('checkGuards on branches', () => {
  it('measures from the merge base, so later work on main is not blamed on the branch', async () => {
    const files = fixtureFiles(withDoi);
    const repo = await makeTempRepo({ files });
    await repo.git('switch', '-q', '-c', 'curate');
    const r = fixtureRecords();
    withDoi(r);
    r.dataset.keywords = ['curated'];
    await repo.commit({ message: 'curate keywords', files: { [datasetFile(r)]: r.dataset } });
    await repo.git('switch', '-q', 'main');
    // On main meanwhile: a (legitimate, reviewed) change to a frozen field.
    const m = fixtureRecords();
    withDoi(m);
    m.dataset.license = 'CC0-1.0';
    await repo.commit({ message: 'relicense on main', files: { [datasetFile(m)]: m.dataset } });
    const git = await openRepo(repo.dir);
    const res = await checkGuards(git, { base: 'main', head: 'curate', now: LATER });
    git.close();
    expect(res.findings).toEqual([]);
    expect(res.from).toBe(repo.commits[0]);
  });

  it('matches curation fields by pointer prefix only', () => {
    expect(isCurationField('/keywords/0', ['/keywords'])).toBe(true);
    expect(isCurationField('/keywordsExtra', ['/keywords'])).toBe(false);
  });
});
