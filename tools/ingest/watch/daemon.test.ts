import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir, makeTempRepo, runGit } from '../../git/test-utils.ts';
import type { ReadFile } from '../ingest.ts';
import { ingestBranch } from '../ingest.ts';
import { makeCatalog, sesMeasurement } from '../test-utils/fixtures.ts';
import { startWatch, type WatchHandle } from './daemon.ts';

afterAll(cleanupAll);

/** The first line of a file names its acquisition ("group=A"): rewriting it moves the file to another record. */
const read: ReadFile = async (file) => {
  const text = await readFile(file, 'utf8');
  const group = /^group=(\w+)/.exec(text)?.[1];
  if (!group) return { status: 'error', file, message: 'no group line' };
  return { status: 'ok', file, measurements: [sesMeasurement(file, { title: `group ${group}`, groupKey: join(dirname(file), group) })] };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => Promise<boolean> | boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function setup() {
  const repo = await makeTempRepo({ files: { 'README.md': 'catalogue\n' } });
  await makeCatalog(join(repo.dir, 'catalog'));
  await repo.commit({ message: 'catalogue' });
  const remote = join(await makeTempDir(), 'remote.git');
  await runGit(dirname(remote), ['init', '-q', '--bare', '--initial-branch=main', remote]);
  await repo.git('remote', 'add', 'origin', remote);
  const incoming = join(await makeTempDir(), '20240017');
  await mkdir(incoming);
  return { repo, remote, incoming, catalog: join(repo.dir, 'catalog'), journal: join(repo.dir, '.git', 'watch.jsonl') };
}

const quiet = pino({ level: 'silent' });
const branch = ingestBranch('flexpes', new Date(), 'Europe/Stockholm');
const remoteRecords = async (remote: string) => {
  const out = await runGit(remote, ['--git-dir', remote, 'ls-tree', '-r', '--name-only', branch, 'catalog/datasets']).catch(() => '');
  return out.split('\n').filter((p) => p.endsWith('.json')).map((p) => basename(p));
};

describe('startWatch', () => {
  it('commits and pushes a batch, and moves a rewritten file to its new record', async () => {
    const { remote, incoming, catalog, journal } = await setup();
    const start = () => startWatch({ folder: incoming, catalogRoot: catalog, batchFiles: 2, batchSeconds: 0.3, stabilityMs: 150, journalPath: journal, logger: quiet, read });
    let w: WatchHandle = await start();
    await w.ready;
    await writeFile(join(incoming, 'x.dat'), 'group=alpha\n');
    await writeFile(join(incoming, 'y.dat'), 'group=beta\n');
    await until('two records on the remote', async () => (await remoteRecords(remote)).length === 2);
    expect((await remoteRecords(remote)).map((n) => n.replace(/-[0-9a-f]{8}\.json$/, '')).sort()).toEqual(['alpha', 'beta']);

    await writeFile(join(incoming, 'x.dat'), 'group=gamma\n');
    await until('alpha replaced by gamma', async () => {
      const names = (await remoteRecords(remote)).map((n) => n.replace(/-[0-9a-f]{8}\.json$/, '')).sort();
      return names.join() === 'beta,gamma';
    });
    await w.stop();

    // A restart with nothing new changes nothing on the remote.
    const head = (await runGit(remote, ['--git-dir', remote, 'rev-parse', branch])).trim();
    w = await start();
    await w.ready;
    await w.stop();
    expect((await runGit(remote, ['--git-dir', remote, 'rev-parse', branch])).trim()).toBe(head);
    const states = (await readFile(journal, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { path: string; state: string });
    const last = new Map(states.map((e) => [basename(e.path), e.state]));
    expect(Object.fromEntries(last)).toEqual({ 'x.dat': 'pushed', 'y.dat': 'pushed' });
  }, 60_000);

  it('journals a bad file as failed and does not retry it until it changes', async () => {
    const { incoming, catalog, journal } = await setup();
    const w = await startWatch({ folder: incoming, catalogRoot: catalog, batchFiles: 1, batchSeconds: 0.2, stabilityMs: 150, journalPath: journal, logger: quiet, read });
    await w.ready;
    await writeFile(join(incoming, 'bad.dat'), 'garbage\n');
    await until('bad file failed', () => w.journal.files.get(join(incoming, 'bad.dat'))?.state === 'failed');
    await writeFile(join(incoming, 'bad.dat'), 'group=fixed\n');
    await until('fixed file pushed', () => w.journal.files.get(join(incoming, 'bad.dat'))?.state === 'pushed');
    await w.stop();
  }, 60_000);
});
