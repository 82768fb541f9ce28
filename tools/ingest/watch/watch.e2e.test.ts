/**
 * End to end: the watch daemon as a child process, a bare repository served on
 * 127.0.0.1 as its remote, corpus files written slowly in pieces, the daemon
 * SIGKILLed in the middle of a batch and restarted. Every file must end up in
 * exactly one committed record on the remote ingest branch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir, runGit, serveBareRepo } from '../../git/test-utils.ts';
import { CORPUS, HAVE_CORPUS, REPO_ROOT, corpusCatalog } from '../test-utils/corpus.ts';

afterAll(cleanupAll);

const FILES = [
  'scienta-ses/Ag_0001.txt',
  'scienta-ses/Ag_0001Ag__001.ibw',
  'scienta-ses/Cu-HHTP_0001.txt',
  'scienta-ses/Cu-HHTP_0001Cu-HHTP__001.ibw',
  'scienta-ses/Cu-HHTP_0003.txt',
  'scienta-ses/MERLIN_9.pxt',
  'specs-prodigy/MgFe2O4_small.xy',
  'specs-prodigy/In-situ_PBTTT_XPS_SPECS.xml',
  'other/regular.vms',
  'nexus/writer_1_3.h5',
  'nexus/NXxas.hdf5',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Copies a file the way an instrument writes one: in four pieces, with pauses. */
async function writeSlowly(from: string, to: string): Promise<void> {
  const data = await readFile(from);
  const fh = await open(to, 'w');
  const piece = Math.ceil(data.length / 4);
  for (let i = 0; i < data.length; i += piece) {
    await fh.write(data.subarray(i, i + piece));
    await fh.sync();
    await sleep(80);
  }
  await fh.close();
}

interface Daemon {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `home`: a HOME without a git identity, so the daemon commits as the ingest identity. */
function startDaemon(incoming: string, catalog: string, home: string): Daemon {
  const child = spawn(
    process.execPath,
    ['tools/cli/shelfmark.ts', 'watch', incoming, '--catalog', catalog, '--batch-files', '3', '--batch-seconds', '2', '--stability-ms', '400'],
    { cwd: REPO_ROOT, env: { ...process.env, CI: '1', HOME: home, XDG_CONFIG_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: Record<string, unknown>[] = [];
  let buf = '';
  child.stdout!.on('data', (b: Buffer) => {
    buf += b.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ event: 'non-json', line });
      }
    }
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => {
      if (stderr.trim()) logs.push({ event: 'stderr', text: stderr });
      res({ code, signal });
    }),
  );
  return { child, logs, exited };
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every dataset record under catalog/datasets on the remote's ingest branches: branch, path and source files. */
async function remoteRecords(bare: string, incoming: string) {
  const git = (...args: string[]) => runGit(bare, ['--git-dir', bare, ...args]);
  const branches = (await git('for-each-ref', '--format=%(refname:short)', 'refs/heads/ingest/')).split('\n').filter(Boolean);
  const out: { branch: string; path: string; files: string[] }[] = [];
  for (const branch of branches) {
    const paths = (await git('ls-tree', '-r', '--name-only', branch, 'catalog/datasets')).split('\n').filter((p) => p.endsWith('.json'));
    for (const path of paths) {
      const rec = JSON.parse(await git('show', `${branch}:${path}`));
      if (rec.sourceFolder !== incoming) continue;
      out.push({ branch, path, files: rec.files.dataFileList.map((f: { path: string }) => resolve(rec.sourceFolder, f.path)) });
    }
  }
  return out;
}

describe.skipIf(!HAVE_CORPUS)(`shelfmark watch, killed and restarted (needs ${CORPUS})`, () => {
  it('puts every file in exactly one committed record on the remote', async () => {
    const served = await serveBareRepo();
    const work = await makeTempDir('shelfmark-watch-');
    const clone = join(work, 'clone');
    await runGit(work, ['clone', '-q', served.url, clone]);
    await corpusCatalog(join(clone, 'catalog'));
    await runGit(clone, ['add', '-A']);
    await runGit(clone, ['commit', '-q', '-m', 'catalogue']);
    await runGit(clone, ['push', '-q', 'origin', 'HEAD:main']);
    const incoming = join(work, 'incoming');
    await mkdir(incoming);
    const catalog = join(clone, 'catalog');
    const written: string[] = [];
    const write = async (i: number) => {
      const to = join(incoming, basename(FILES[i]!));
      await writeSlowly(join(CORPUS, FILES[i]!), to);
      written.push(to);
    };

    // First run: killed with SIGKILL right after it has seen a file of a new batch.
    const first = startDaemon(incoming, catalog, work);
    await waitFor('first daemon ready', () => first.logs.some((l) => l.event === 'watch.ready'));
    let i = 0;
    for (; i < 4; i++) await write(i);
    await waitFor('a committed batch', () => first.logs.some((l) => l.event === 'batch.committed'));
    await write(i++);
    const committedAt = first.logs.findIndex((l) => l.event === 'batch.committed');
    await waitFor('a file seen after that commit', () => first.logs.slice(committedAt).some((l) => l.event === 'file.seen'));
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // Files finished while no daemon runs, then a restart, then the rest arriving slowly.
    await write(i++);
    await write(i++);
    const second = startDaemon(incoming, catalog, work);
    await waitFor('second daemon ready', () => second.logs.some((l) => l.event === 'watch.ready'));
    for (; i < FILES.length; i++) await write(i);

    await waitFor('all files in records on the remote', async () => {
      const recs = await remoteRecords(served.bareDir, incoming);
      const files = new Set(recs.flatMap((r) => r.files));
      return written.every((f) => files.has(f));
    }, 120_000);
    second.child.kill('SIGTERM');
    const stopped = await second.exited;
    expect(stopped, JSON.stringify(second.logs.filter((l) => l.level !== 30).slice(-5))).toEqual({ code: 0, signal: null });

    const recs = await remoteRecords(served.bareDir, incoming);
    const count = new Map<string, number>();
    for (const f of recs.flatMap((r) => r.files)) count.set(f, (count.get(f) ?? 0) + 1);
    const where = JSON.stringify(recs.map((r) => [r.branch, basename(r.path), r.files.map((f) => basename(f))]));
    expect(written.map((f) => [basename(f), count.get(f) ?? 0]), where).toEqual(written.map((f) => [basename(f), 1]));
    expect([...count.keys()].sort()).toEqual([...written].sort());
    const authors = await runGit(served.bareDir, ['--git-dir', served.bareDir, 'log', '--format=%an <%ae>', '--branches=ingest/*', '--not', 'main']);
    expect(new Set(authors.trim().split('\n'))).toEqual(new Set(['Shelfmark ingest <ingest@shelfmark.invalid>']));
    // SES .txt and .ibw of one acquisition share a record even though they arrived in different batches.
    const ag = recs.find((r) => r.files.some((f) => f.endsWith('Ag_0001.txt')))!;
    expect(ag.files.map((f) => basename(f))).toEqual(['Ag_0001.txt', 'Ag_0001Ag__001.ibw']);
    // The restart picked up where the killed daemon stopped: nothing was lost or written twice.
    expect(second.logs.some((l) => l.event === 'file.seen' && l.file === written[4])).toBe(true);
    const journal = second.logs.find((l) => l.event === 'watch.start')!.journal as string;
    const lines = (await readFile(journal, 'utf8')).trim().split('\n').map((l) => { try { return JSON.parse(l); } catch { return undefined; } }).filter(Boolean);
    const last = new Map<string, string>();
    for (const e of lines) last.set(e.path, e.state);
    expect(written.map((f) => last.get(f))).toEqual(written.map(() => 'pushed'));
  }, 300_000);
});
