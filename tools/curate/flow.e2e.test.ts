/**
 * The curation loop for real, as a curator runs it: the `shelfmark` CLI on a
 * temporary catalogue repository whose `origin` is a bare repository served
 * over git's smart HTTP on 127.0.0.1, with a local GitHub REST stand-in as the
 * forge. Steps run in order and share state:
 *
 *   edit → propose (push + PR opened) → annotate → propose again (same PR updated) → diff → check
 *
 * Shared with part B of #5, which adds `diff` and `check` steps below (keep the
 * order: each step starts from the repository state the previous one left).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPath } from '../core/layout.ts';
import { startFakeForge, type FakeForge } from '../forge/fake-forge.ts';
import { cleanupAll, makeTempDir, type ServedRepo, type TempRepo } from '../git/test-utils.ts';
import { baseRecords, PID } from '../catalog/test-catalog.ts';
import { pushedCatalogue } from './test-remote.ts';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../cli/shelfmark.ts');

export interface Flow {
  repo: TempRepo;
  remote: ServedRepo;
  forge: FakeForge;
  /** Runs `shelfmark <args>` in the repository; resolves with its output and exit code (never rejects). */
  shelfmark(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** git in the bare remote. */
  remoteGit(...args: string[]): Promise<string>;
}

/** A catalogue repository with one linked record of each type, pushed to a served remote, with a fake GitHub configured. */
async function setUpFlow(): Promise<Flow> {
  const forge = await startFakeForge('github', { repository: 'nordlys/catalogue', token: 'flow-token' });
  const records = baseRecords();
  records.config.forge = { kind: 'github', url: forge.url, repository: 'nordlys/catalogue', branch: 'main' };
  // The fields curators may change on published and old raw records (the `check` steps rely on them).
  records.config.curationFields = ['/keywords', '/description'];
  const { repo, remote, remoteGit } = await pushedCatalogue({ records, remoteName: 'catalogue.git' });
  const shelfmark = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
      execFile(process.execPath, [CLI, ...args], { cwd: repo.dir, env: { ...process.env, GITHUB_TOKEN: 'flow-token', NO_COLOR: '1' } }, (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  return { repo, remote, forge, shelfmark, remoteGit };
}

const DATASET = `catalog/${recordPath('dataset', PID)}`;

describe('curation flow: edit → propose → propose again (CLI, served remote, fake GitHub)', () => {
  let flow: Flow;
  let branch = '';
  beforeAll(async () => {
    flow = await setUpFlow();
  }, 60_000);
  afterAll(async () => {
    await flow?.forge.stop();
    await cleanupAll();
  });

  it('edit: sets keywords through the CLI and writes the record', async () => {
    const r = await flow.shelfmark('edit', PID, '--set', '/keywords=["XPS","silver"]', '--set', '/description=Ag 3d after three sputter cycles');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${DATASET}`);
    const rec = JSON.parse(readFileSync(join(flow.repo.dir, DATASET), 'utf8'));
    expect(rec.keywords).toEqual(['XPS', 'silver']);
  });

  it('edit: refuses an invalid value with the finding, and leaves the file alone', async () => {
    const before = readFileSync(join(flow.repo.dir, DATASET), 'utf8');
    const r = await flow.shelfmark('edit', PID, '--set', '/access/status=secret');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused, nothing written');
    expect(r.stderr).toMatch(new RegExp(`${DATASET}:\\d+:\\d+  /access/status  error`));
    expect(readFileSync(join(flow.repo.dir, DATASET), 'utf8')).toBe(before);
  });

  it('propose: commits on a curate/ branch, pushes it and opens a pull request on the forge', async () => {
    const r = await flow.shelfmark('propose');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    branch = /on (curate\/[0-9a-f]{10}):/.exec(r.stdout)?.[1] ?? '';
    expect(branch).not.toBe('');
    expect(r.stdout).toContain('opened pull request #1: Update 1 dataset in proposal 20240017: keywords, description');
    // The remote has the branch with the commit, and the summary as its message.
    const subject = (await flow.remoteGit('log', '-1', '--format=%s', branch)).trim();
    expect(subject).toBe('Update 1 dataset in proposal 20240017: keywords, description');
    expect(JSON.parse(await flow.remoteGit('show', `${branch}:${DATASET}`)).keywords).toEqual(['XPS', 'silver']);
    expect((await flow.remoteGit('rev-parse', branch)).trim()).toBe((await flow.repo.git('rev-parse', 'HEAD')).trim());
    // The forge saw: look for an open PR from this branch, none, so open one.
    expect(flow.forge.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /api/v3/repos/nordlys/catalogue/pulls', 'POST /api/v3/repos/nordlys/catalogue/pulls']);
    expect(flow.forge.requests[0]!.query).toEqual({ head: `nordlys:${branch}`, base: 'main', state: 'open' });
    expect(flow.forge.requests[1]!.body).toMatchObject({ head: branch, base: 'main', title: subject });
    expect(flow.forge.requests[1]!.headers.authorization).toBe('token flow-token');
    expect(flow.forge.pulls).toHaveLength(1);
    expect(flow.forge.pulls[0]!.body).toContain(`- update dataset ${PID} (keywords, description)`);
  });

  it('propose again after another change: same branch, new commit, the SAME pull request updated', async () => {
    const a = await flow.shelfmark('annotate', PID, '--author', 'Jonas Berg', '--comment', 'Plasmon loss at 368.9 eV, not a second species.');
    expect(a.code).toBe(0);
    flow.forge.requests.length = 0;
    const r = await flow.shelfmark('propose');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`on ${branch}: Add 1 annotation in proposal 20240017`);
    expect(r.stdout).toContain('updated pull request #1');
    expect(flow.forge.pulls).toHaveLength(1);
    expect(flow.forge.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /api/v3/repos/nordlys/catalogue/pulls', 'PATCH /api/v3/repos/nordlys/catalogue/pulls/1']);
    // The PR now describes the whole branch against main.
    expect(flow.forge.pulls[0]!.title).toBe('Update 1 dataset; add 1 annotation in proposal 20240017: keywords, description');
    expect((await flow.remoteGit('rev-list', '--count', `main..${branch}`)).trim()).toBe('2');
  });

  it('propose with nothing new: pushes nothing new, still updates (never duplicates) the PR', async () => {
    flow.forge.requests.length = 0;
    const r = await flow.shelfmark('propose');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing new to commit');
    expect(flow.forge.requests.map((q) => q.method)).toEqual(['GET', 'PATCH']);
    expect(flow.forge.pulls).toHaveLength(1);
  });

  it('diff: shows the branch against main as a reviewer reads it, with validation status', async () => {
    const md = await flow.shelfmark('diff', 'main', branch);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('<!-- shelfmark:diff -->')).toBe(true);
    expect(md.stdout).toContain('2 records changed: 1 added, 1 modified');
    expect(md.stdout).toMatch(/\| Keywords<br>`\/keywords` \| [^|]* \| XPS, silver \|/);
    expect(md.stdout).toContain('Plasmon loss at 368.9 eV');
    const json = await flow.shelfmark('diff', 'main', branch, '--format', 'json');
    const doc = JSON.parse(json.stdout) as { summary: { byStatus: Record<string, number>; validation: Record<string, number> }; records: { type: string; status: string }[] };
    expect(doc.summary.byStatus).toEqual({ added: 1, modified: 1, renamed: 0, removed: 0 });
    expect(doc.summary.validation).toEqual({ valid: 2, warnings: 0, errors: 0 });
    expect(doc.records.map((r) => `${r.type} ${r.status}`)).toEqual(['dataset modified', 'annotation added']);
  });

  it('check: passes a change to curation fields of an old raw dataset plus a new annotation', async () => {
    const r = await flow.shelfmark('check', '--base', 'main', '--head', branch);
    expect(r.stdout).toContain('no problems');
    expect(r.code).toBe(0);
  });

  it('check: refuses a frozen field of an old raw dataset, naming rule, file, pointer and the versioning route', async () => {
    const e = await flow.shelfmark('edit', PID, '--set', '/scientificMetadata/pass_energy={"value":20,"unit":"eV"}');
    expect(e.code).toBe(0);
    await flow.repo.git('commit', '-q', '-am', 'change a frozen field');
    const r = await flow.shelfmark('check', '--base', 'main', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: { code: string; file: string; pointer: string; line: number; fix: string }[] };
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ code: 'guard/raw-frozen', file: DATASET, pointer: '/scientificMetadata/pass_energy' });
    expect(doc.findings[0]!.line).toBeGreaterThan(1);
    expect(doc.findings[0]!.fix).toContain(`shelfmark publish --new-version ${PID}`);
    const text = await flow.shelfmark('check', '--base', 'main');
    expect(text.stdout).toMatch(new RegExp(`${DATASET}:\\d+:\\d+  /scientificMetadata/pass_energy  error: .*\\[guard/raw-frozen\\]`));
    await flow.repo.git('reset', '-q', '--hard', 'HEAD~1');
  });

  it('diff and check: an unknown revision is exit 2 with a message, not a stack trace', async () => {
    for (const args of [['diff', 'no-such-branch'], ['check', '--base', 'no-such-branch']]) {
      const r = await flow.shelfmark(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown revision "no-such-branch"');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('review comment: the diff goes onto the PR as ONE comment, updated (not repeated) on the next run', async () => {
    const md = await flow.shelfmark('diff', 'main', branch);
    const review = join(await makeTempDir(), 'review.md');
    writeFileSync(review, md.stdout);
    flow.forge.requests.length = 0;
    const first = await flow.shelfmark('comment', '1', '--body-file', review);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^✔ created comment \d+ on #1/);
    const second = await flow.shelfmark('comment', '1', '--body-file', review);
    expect(second.stdout).toMatch(/^✔ updated comment \d+ on #1/);
    expect(flow.forge.comments).toHaveLength(1);
    // Same marker as `shelfmark diff` and review.yml, not prepended a second time.
    expect(md.stdout.startsWith('<!-- shelfmark:diff -->\n')).toBe(true);
    expect(flow.forge.comments[0]!.body).toBe(md.stdout);
    expect(flow.forge.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /api/v3/repos/nordlys/catalogue/issues/1/comments',
      'POST /api/v3/repos/nordlys/catalogue/issues/1/comments',
      'GET /api/v3/repos/nordlys/catalogue/issues/1/comments',
      `PATCH /api/v3/repos/nordlys/catalogue/issues/comments/${flow.forge.comments[0]!.id}`,
    ]);
  });
});
