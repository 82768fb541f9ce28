import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPath } from '../core/layout.ts';
import { followRenames, GitError, openRepo, type Engine, type GitRepo } from './git.ts';
import { cleanupAll, makeTempDir, makeTempRepo, runGit, testDate, TEST_IDENTITY, type TempRepo } from './test-utils.ts';

const ds = (name: string) => `catalog/${recordPath('dataset', `20.500.12345/20240017/${name}`)}`;
const DS1 = ds('ds-1');
const DS2 = ds('ds-2');
const DS3 = ds('ds-3');
const DS4 = ds('ds-4');
const P1 = `catalog/${recordPath('proposal', '20240017')}`;

/**
 * c0 add ds-1, ds-2, p1, README · c1 edit ds-1 · c2 rename ds-2→ds-3, delete p1 ·
 * c3 delete ds-1, add ds-4 · c4 restore p1 · c5 edit README · c6 re-add ds-1 · c7 delete ds-1 again
 */
async function fixture(): Promise<TempRepo> {
  return makeTempRepo({
    files: { [DS1]: { v: 1 }, [DS2]: { v: 'two, long enough to be recognised when renamed' }, [P1]: { v: 'p1' }, 'README.md': '# r\n' },
    commits: [
      { message: 'edit ds-1', files: { [DS1]: { v: 2 } } },
      { message: 'move ds-2, withdraw proposal\n\nLonger body.', renames: { [DS2]: DS3 }, files: { [P1]: null } },
      { message: 'withdraw ds-1, add ds-4', files: { [DS1]: null, [DS4]: { v: 4 } } },
      { message: 'restore proposal', files: { [P1]: { v: 'p1 again' } } },
      { message: 'readme', files: { 'README.md': '# r2\n' } },
      { message: 're-add ds-1', files: { [DS1]: { v: 3 } } },
      { message: 'withdraw ds-1 again', author: { name: 'Curator Two', email: 'c2@shelfmark.invalid' }, files: { [DS1]: null } },
    ],
  });
}

const ENGINES: Engine[] = ['cli', 'iso', 'auto'];
let repo: TempRepo;
let c: string[];

beforeAll(async () => {
  repo = await fixture();
  c = repo.commits;
  await repo.git('tag', '-a', 'v1', '-m', 'release 1', c[1]!);
});
afterAll(cleanupAll);

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(GitError);
    return (err as GitError).code;
  }
  return 'no error';
};

describe.each(ENGINES)('engine %s: reading', (engine) => {
  let g: GitRepo;
  beforeAll(async () => {
    g = await openRepo(repo.dir, { engine });
  });

  it('reads the history of every file under a folder in one pass', async () => {
    const h = await g.history({ paths: ['catalog'] });
    const summary = Object.fromEntries([...h].map(([p, ch]) => [p, ch.map((x) => `${c.indexOf(x.sha)}${x.status}${x.oldPath ? `<${x.oldPath}` : ''}`)]));
    expect(summary).toEqual({
      [DS1]: ['7D', '6A', '3D', '1M', '0A'],
      [DS2]: ['0A'],
      [DS3]: [`2R<${DS2}`],
      [DS4]: ['3A'],
      [P1]: ['4A', '2D', '0A'],
    });
    const last = h.get(DS1)![0]!;
    expect(last).toMatchObject({ date: '2024-01-01T07:00:00+00:00', author: { name: 'Curator Two', email: 'c2@shelfmark.invalid' }, subject: 'withdraw ds-1 again' });
    expect(h.get(DS3)![0]!.subject).toBe('move ds-2, withdraw proposal');
    expect(followRenames(h, DS3).map((x) => `${c.indexOf(x.sha)}${x.status}`)).toEqual(['2R', '0A']);
  });

  it('limits history by path, date and starting revision', async () => {
    const all = await g.history();
    expect(all.get('README.md')!.map((x) => c.indexOf(x.sha))).toEqual([5, 0]);
    const since = await g.history({ paths: ['catalog'], since: testDate(3) });
    expect(since.get(DS1)!.map((x) => c.indexOf(x.sha))).toEqual([7, 6, 3]);
    expect(since.has(DS2)).toBe(false);
    const atC2 = await g.history({ paths: [P1, DS1], rev: c[2]! });
    expect([...atC2.keys()].sort()).toEqual([DS1, P1].sort());
    expect(atC2.get(P1)!.map((x) => c.indexOf(x.sha))).toEqual([2, 0]);
  });

  it('lists deleted files with the commit that removed them and their last content', async () => {
    const gone = await g.deletedFiles('catalog');
    expect(gone.map((d) => d.path)).toEqual([DS1, DS2]);
    expect(gone[0]).toMatchObject({ deletedIn: { sha: c[7], subject: 'withdraw ds-1 again' }, lastCommit: c[6] });
    expect(JSON.parse(gone[0]!.content)).toEqual({ v: 3 });
    expect(gone[1]).toMatchObject({ deletedIn: { sha: c[2] }, lastCommit: c[1], renamedTo: DS3 });
    const atC3 = await g.deletedFiles('catalog', { rev: c[3]! });
    expect(atC3.map((d) => [d.path, c.indexOf(d.deletedIn.sha), c.indexOf(d.lastCommit)])).toEqual([
      [DS1, 3, 2],
      [DS2, 2, 1],
      [P1, 2, 1],
    ]);
    expect(JSON.parse(atC3[0]!.content)).toEqual({ v: 2 });
  });

  it('reads a file at a revision, by branch, sha, short sha and ancestry', async () => {
    expect(JSON.parse(await g.readFileAt(c[1]!, DS1))).toEqual({ v: 2 });
    expect(JSON.parse(await g.readFileAt('main~1', DS1))).toEqual({ v: 3 });
    expect(JSON.parse(await g.readFileAt(c[4]!.slice(0, 10), P1))).toEqual({ v: 'p1 again' });
    expect(await g.readFileAt('HEAD', 'README.md')).toBe('# r2\n');
    expect(await codeOf(g.readFileAt('HEAD', DS1))).toBe('E_GIT_PATH_NOT_FOUND');
    expect(await codeOf(g.readFileAt('no-such-branch', DS1))).toBe('E_GIT_UNKNOWN_REV');
    expect(await codeOf(g.readFileAt('--output=x', DS1))).toBe('E_GIT_UNKNOWN_REV');
  });

  it('lists files at a revision, optionally under a folder', async () => {
    expect(await g.listFilesAt('HEAD')).toEqual(['README.md', P1, DS3, DS4].sort());
    expect(await g.listFilesAt(c[0]!, 'catalog/datasets')).toEqual([DS1, DS2].sort());
    expect(await g.listFilesAt(c[0]!, 'catalog/datasets/')).toEqual([DS1, DS2].sort());
  });

  it('lists changed files between two revisions, with renames', async () => {
    expect(await g.changedFiles(c[1]!, c[3]!)).toEqual(
      [
        { path: DS1, status: 'D' },
        { path: DS3, status: 'R', oldPath: DS2 },
        { path: DS4, status: 'A' },
        { path: P1, status: 'D' },
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
    expect(await g.changedFiles(c[4]!, c[5]!)).toEqual([{ path: 'README.md', status: 'M' }]);
    expect(await g.changedFiles(c[4]!, c[5]!, { paths: ['catalog'] })).toEqual([]);
  });

  it('names the branch, head and revisions', async () => {
    expect(await g.currentBranch()).toBe('main');
    expect(await g.headCommit()).toBe(c[7]);
    expect(await g.revParse('HEAD~2')).toBe(c[5]);
    expect(await g.revParse(c[3]!.slice(0, 8))).toBe(c[3]);
    expect(await codeOf(g.revParse('nope'))).toBe('E_GIT_UNKNOWN_REV');
    expect(await g.revParse('v1')).toBe(c[1]); // an annotated tag names the commit it tags
    expect(JSON.parse(await g.readFileAt('v1', DS1))).toEqual({ v: 2 });
    expect(await g.mergeBase(c[3]!, 'HEAD')).toBe(c[3]);
    expect(await g.isClean()).toBe(true);
  });
});

describe('both engines agree on reads of the same repository', () => {
  it('gives identical results for every read method', async () => {
    const [cli, iso] = [await openRepo(repo.dir, { engine: 'cli' }), await openRepo(repo.dir, { engine: 'iso' })];
    const ask = async (g: GitRepo) => ({
      history: [...(await g.history())],
      historyCatalog: [...(await g.history({ paths: ['catalog/datasets', 'catalog/proposals'], since: testDate(2) }))],
      deleted: await g.deletedFiles('catalog'),
      files: await g.listFilesAt(c[2]!),
      changed: await g.changedFiles(c[0]!, 'HEAD'),
      read: await g.readFileAt(c[2]!, DS3),
      head: await g.headCommit(),
      branch: await g.currentBranch(),
      base: await g.mergeBase(c[2]!, c[6]!),
      status: await g.status(),
    });
    const a = await ask(cli);
    expect(a.history.length).toBeGreaterThan(5);
    expect(await ask(iso)).toEqual(a);
  });

  it('differ only where documented: the cli engine also pairs renames whose content changed', async () => {
    const r = await makeTempRepo({
      files: { 'a.json': `${JSON.stringify({ title: 'x'.repeat(200), v: 1 })}\n` },
      commits: [{ message: 'rename and edit', renames: { 'a.json': 'b.json' }, files: { 'b.json': `${JSON.stringify({ title: 'x'.repeat(200), v: 2 })}\n` } }],
    });
    const cli = await openRepo(r.dir, { engine: 'cli' });
    const iso = await openRepo(r.dir, { engine: 'iso' });
    expect(await cli.changedFiles('HEAD~1', 'HEAD')).toEqual([{ path: 'b.json', status: 'R', oldPath: 'a.json' }]);
    expect(await iso.changedFiles('HEAD~1', 'HEAD')).toEqual([
      { path: 'a.json', status: 'D' },
      { path: 'b.json', status: 'A' },
    ]);
  });
});

describe.each(ENGINES)('engine %s: writing', (engine) => {
  it('branches, stages (with deletions), commits one batch and reports status', async () => {
    const r = await fixture();
    const g = await openRepo(r.dir, { engine });
    await g.createBranch('ingest/batch-1', { checkout: true });
    expect(await g.currentBranch()).toBe('ingest/batch-1');
    await r.write({ [DS4]: null, [ds('ds-5')]: { v: 5 }, [DS3]: { v: 'three' }, 'untracked.txt': 'x\n' });
    expect(await g.status()).toEqual(
      [
        { path: DS3, index: ' ', worktree: 'M' },
        { path: DS4, index: ' ', worktree: 'D' },
        { path: ds('ds-5'), index: '?', worktree: '?' },
        { path: 'untracked.txt', index: '?', worktree: '?' },
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
    await g.add(['catalog']);
    expect((await g.status()).filter((s) => s.path.startsWith('catalog')).map((s) => `${s.index}${s.worktree}`).sort()).toEqual(['A ', 'D ', 'M ']);
    const sha = await g.commit({ message: 'ingest batch 1', author: TEST_IDENTITY, date: '2024-02-01T00:00:00Z' });
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await g.headCommit()).toBe(sha);
    expect(await g.changedFiles('main', 'ingest/batch-1')).toEqual(
      [
        { path: DS3, status: 'M' },
        { path: DS4, status: 'D' },
        { path: ds('ds-5'), status: 'A' },
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
    expect(await g.isClean()).toBe(false); // untracked.txt is still there
    expect(await g.status()).toEqual([{ path: 'untracked.txt', index: '?', worktree: '?' }]);
    expect((await runGit(r.dir, ['log', '-1', '--format=%an|%ae|%aI|%cI|%B', sha])).trim()).toBe(
      'Shelfmark Test|test@shelfmark.invalid|2024-02-01T00:00:00+00:00|2024-02-01T00:00:00+00:00|ingest batch 1',
    );
    expect(await g.mergeBase('main', 'ingest/batch-1')).toBe(r.commits[7]);
    await g.checkout('main');
    expect(await g.currentBranch()).toBe('main');
    expect(JSON.parse(await readFile(join(r.dir, DS4), 'utf8'))).toEqual({ v: 4 });
  });

  it('says what to do when there is nothing to commit, the branch exists, or changes would be lost', async () => {
    const r = await fixture();
    const g = await openRepo(r.dir, { engine });
    expect(await codeOf(g.commit({ message: 'nothing', author: TEST_IDENTITY }))).toBe('E_GIT_NOTHING_TO_COMMIT');
    await g.createBranch('side', { from: r.commits[6]! });
    expect(await g.revParse('side')).toBe(r.commits[6]);
    expect(await codeOf(g.createBranch('side'))).toBe('E_GIT_BRANCH_EXISTS');
    await writeFile(join(r.dir, 'README.md'), 'local edit\n');
    expect(await codeOf(g.checkout(r.commits[4]!))).toBe('E_GIT_DIRTY');
    expect(await readFile(join(r.dir, 'README.md'), 'utf8')).toBe('local edit\n');
    expect(await codeOf(g.checkout('no-such-branch'))).toBe('E_GIT_UNKNOWN_REV');
    expect(await codeOf(g.add(['catalog/no-such-file.json']))).toBe('E_GIT_PATH_NOT_FOUND');
    try {
      await g.commit({ message: 'nothing', author: TEST_IDENTITY });
    } catch (err) {
      expect((err as Error).message).toMatch(/nothing to commit.*add\(paths\)/);
    }
  });

  it('checks out a commit as a detached head', async () => {
    const r = await fixture();
    const g = await openRepo(r.dir, { engine });
    await g.checkout(r.commits[2]!);
    expect(await g.currentBranch()).toBeUndefined();
    expect(await g.headCommit()).toBe(r.commits[2]);
  });

  it('opens only git repositories, and reads an empty one', async () => {
    const plain = await makeTempDir();
    expect(await codeOf(openRepo(plain, { engine }))).toBe('E_GIT_NOT_A_REPO');
    expect(await codeOf(openRepo(join(plain, 'missing'), { engine }))).toBe('E_GIT_NOT_A_REPO');
    if (engine !== 'iso') {
      await runGit(plain, ['init', '-q', '--bare', 'b.git']);
      expect(await codeOf(openRepo(join(plain, 'b.git'), { engine }))).toBe('E_GIT_NOT_A_REPO');
    }
    const empty = await makeTempRepo();
    const g = await openRepo(join(empty.dir, '.'), { engine });
    expect((await g.history()).size).toBe(0);
    expect(await codeOf(g.headCommit())).toBe('E_GIT_UNKNOWN_REV');
    await writeFile(join(empty.dir, 'first.json'), '{}\n');
    await g.add(['first.json']);
    const sha = await g.commit({ message: 'first', author: TEST_IDENTITY, date: testDate(0) });
    expect(await g.headCommit()).toBe(sha);
  });
});

describe('both engines write identical commits', () => {
  it('makes the same commit id from the same change, author and date', async () => {
    const shas: string[] = [];
    for (const engine of ['cli', 'iso'] as const) {
      const r = await fixture();
      const g = await openRepo(r.dir, { engine });
      await r.write({ [DS4]: null, [ds('ds-9')]: { v: 9 } });
      await g.add([DS4, ds('ds-9')]);
      shas.push(await g.commit({ message: 'same change  \n\n\nbody\n\n', author: { name: 'Ingest Bot', email: 'ingest@shelfmark.invalid' }, date: '2024-03-01T12:00:00Z' }));
    }
    expect(shas[0]).toMatch(/^[0-9a-f]{40}$/);
    expect(shas[1]).toBe(shas[0]);
  });
});

describe('opening', () => {
  it('falls back to isomorphic-git when there is no git binary, and says so when cli is demanded', async () => {
    const g = await openRepo(repo.dir, { gitBinary: '/nonexistent/git' });
    expect(g.engine).toBe('iso');
    expect(await g.headCommit()).toBe(c[7]);
    expect(await codeOf(openRepo(repo.dir, { engine: 'cli', gitBinary: '/nonexistent/git' }))).toBe('E_GIT_NO_BINARY');
  });

  it('opens from a subfolder at the repository root', async () => {
    const g = await openRepo(join(repo.dir, 'catalog', 'datasets'));
    expect(g.engine).toBe('auto');
    expect(g.dir).toBe(repo.dir);
  });

  it('does not keep a script alive after its last read (no close() needed)', async () => {
    const { spawn } = await import('node:child_process');
    const gitTs = new URL('./git.ts', import.meta.url).pathname;
    const script = `import { openRepo } from ${JSON.stringify(gitTs)};
      const g = await openRepo(${JSON.stringify(repo.dir)});
      console.log((await g.readFileAt('HEAD', 'README.md')).trim(), await g.headCommit());`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    let out = '';
    let printedAt = 0;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      printedAt = Date.now();
    });
    const code = await new Promise<number | null>((res) => child.on('exit', res));
    const lingered = Date.now() - printedAt;
    expect(code).toBe(0);
    expect(out.trim()).toBe(`# r2 ${c[7]}`);
    // The reader ends itself after 2 s idle; a script it held open would linger that long after its output.
    expect(lingered).toBeLessThan(1_500);
  });
});

describe('large batches', () => {
  it('stages and commits a batch of 3,000 new files in one commit, and reads their history in one pass', async () => {
    const r = await makeTempRepo({ files: { 'README.md': '# r\n' } });
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[ds(`batch-${String(i).padStart(5, '0')}-with-a-longish-name`)] = `{"i":${i}}\n`;
    await r.write(files);
    const g = await openRepo(r.dir);
    await g.add(Object.keys(files));
    const sha = await g.commit({ message: 'ingest 3000', author: TEST_IDENTITY, date: testDate(1) });
    expect((await g.listFilesAt(sha, 'catalog')).length).toBe(3000);
    const h = await g.history({ paths: ['catalog'] });
    expect(h.size).toBe(3000);
    expect([...h.values()].every((ch) => ch.length === 1 && ch[0]!.sha === sha && ch[0]!.status === 'A')).toBe(true);
  });
});

describe('user configuration', () => {
  it('does not change what the cli engine reads', async () => {
    const r = await fixture();
    const before = await openRepo(r.dir, { engine: 'cli' });
    const expected = { h: [...(await before.history())], ch: await before.changedFiles(r.commits[1]!, r.commits[3]!) };
    for (const [k, v] of [['color.ui', 'always'], ['color.diff', 'always'], ['diff.renames', 'false'], ['status.showUntrackedFiles', 'no'], ['core.quotepath', 'true']])
      await runGit(r.dir, ['config', k!, v!]);
    await r.write({ 'new file ü.txt': 'x\n' });
    const g = await openRepo(r.dir, { engine: 'cli' });
    expect([...(await g.history())]).toEqual(expected.h);
    expect(await g.changedFiles(r.commits[1]!, r.commits[3]!)).toEqual(expected.ch);
    expect(await g.status()).toEqual([{ path: 'new file ü.txt', index: '?', worktree: '?' }]);
  });
});

describe('merged branches (a curation PR)', () => {
  it('both engines read the same history and merge base across a merge commit', async () => {
    const r = await fixture();
    await r.git('checkout', '-q', '-b', 'curation/ds-4');
    const onBranch = await r.commit({ message: 'curate ds-4', files: { [DS4]: { v: 'curated' } } });
    await r.git('checkout', '-q', 'main');
    const onMain = await r.commit({ message: 'readme again', files: { 'README.md': '# r3\n' } });
    await r.git('merge', '-q', '--no-ff', '-m', 'Merge curation/ds-4', 'curation/ds-4');
    const [cli, iso] = [await openRepo(r.dir, { engine: 'cli' }), await openRepo(r.dir, { engine: 'iso' })];
    const h = await cli.history({ paths: ['catalog'] });
    expect(h.get(DS4)!.map((x) => x.sha)).toEqual([onBranch, r.commits[3]]);
    expect([...(await iso.history({ paths: ['catalog'] }))]).toEqual([...h]);
    expect([...(await iso.history())]).toEqual([...(await cli.history())]);
    expect(await cli.mergeBase(onBranch, onMain)).toBe(r.commits[7]);
    expect(await iso.mergeBase(onBranch, onMain)).toBe(r.commits[7]);
    expect(await iso.changedFiles(onMain, 'HEAD')).toEqual(await cli.changedFiles(onMain, 'HEAD'));
  });
});
