/**
 * Measures both engines on a synthetic catalogue, to decide ROUTES in git.ts
 * (not a test; figures go in tools/git/README.md).
 *
 *   node tools/git/measure.ts [files=20000] [commits=5]
 *
 * Builds, with git fast-import, a repository of `files` dataset records in
 * 256 buckets and `commits` commits: the first adds every file, each later one
 * edits every file and the last also deletes 2% and renames 2% (exact), so
 * history() has files × commits changes to read.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { bucketOf } from '../core/layout.ts';
import { openRepo, type GitRepo } from './git.ts';
import { makeTempRepo, cleanupAll, runGit } from './test-utils.ts';

const FILES = Number(process.argv[2] ?? 20_000);
const COMMITS = Number(process.argv[3] ?? 5);

const pathOf = (i: number) => {
  const proposal = `2024${String(Math.floor(i / 40)).padStart(4, '0')}`;
  return `catalog/datasets/${bucketOf(proposal)}/${proposal}/ds-${String(i % 40).padStart(4, '0')}.json`;
};

function fastImportStream(): string {
  const out: string[] = [];
  const when = (k: number) => 1_704_067_200 + k * 3600;
  for (let k = 0; k < COMMITS; k++) {
    const msg = k === 0 ? 'ingest all' : `edit all (${k})`;
    out.push(`commit refs/heads/main\nauthor Bench <bench@shelfmark.invalid> ${when(k)} +0000\ncommitter Bench <bench@shelfmark.invalid> ${when(k)} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`);
    const last = k === COMMITS - 1 && k > 0;
    for (let i = 0; i < FILES; i++) {
      const p = pathOf(i);
      if (last && i % 50 === 0) {
        out.push(`D ${p}\n`);
        continue;
      }
      if (last && i % 50 === 1) {
        out.push(`R ${p} ${p.replace('.json', '-moved.json')}\n`);
        continue;
      }
      const body = `${JSON.stringify({ pid: `20.500.12345/${p}`, rev: k, datasetName: `Dataset ${i}`, size: i * 1000 }, null, 2)}\n`;
      out.push(`M 100644 inline ${p}\ndata ${Buffer.byteLength(body)}\n${body}\n`);
    }
  }
  return out.join('');
}

async function time<T>(label: string, fn: () => Promise<T>, repeat = 1): Promise<T> {
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let r!: T;
  for (let i = 0; i < repeat; i++) r = await fn();
  const ms = (performance.now() - t0) / repeat;
  const heap = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  console.log(`${label.padEnd(46)} ${ms.toFixed(1).padStart(9)} ms${repeat > 1 ? ' / call' : '        '}  heap +${heap.toFixed(0)} MB`);
  return r;
}

const repo = await makeTempRepo();
const t0 = performance.now();
await new Promise<void>((resolve, reject) => {
  const p = spawn('git', ['fast-import', '--quiet'], { cwd: repo.dir, stdio: ['pipe', 'inherit', 'inherit'] });
  p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exit ${code}`))));
  p.stdin.end(fastImportStream());
});
await runGit(repo.dir, ['checkout', '-q', '-f', 'main']);
console.log(`repository: ${FILES} files × ${COMMITS} commits, built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${repo.dir})\n`);

const cli = await openRepo(repo.dir, { engine: 'cli' });
const iso = await openRepo(repo.dir, { engine: 'iso' });
const sample = Array.from({ length: 200 }, (_, k) => pathOf((k * 97 + 5) % FILES)).filter((_, k) => ((k * 97 + 5) % FILES) % 50 > 1);

const only = process.env.ENGINES?.split(',') ?? ['cli', 'iso'];
for (const [name, g] of ([['cli', cli], ['iso', iso]] as Array<[string, GitRepo]>).filter(([n]) => only.includes(n))) {
  const h = await time(`${name} history(catalog)`, () => g.history({ paths: ['catalog'] }));
  let changes = 0;
  for (const v of h.values()) changes += v.length;
  console.log(`${''.padEnd(46)} → ${h.size} paths, ${changes} changes`);
  const gone = await time(`${name} deletedFiles(catalog)`, () => g.deletedFiles('catalog'));
  console.log(`${''.padEnd(46)} → ${gone.length} gone`);
  await time(`${name} listFilesAt(HEAD, catalog)`, () => g.listFilesAt('HEAD', 'catalog'));
  await time(`${name} changedFiles(HEAD~1, HEAD)`, () => g.changedFiles('HEAD~1', 'HEAD'));
  await time(`${name} changedFiles(HEAD~1, HEAD, one bucket)`, () => g.changedFiles('HEAD~1', 'HEAD', { paths: [pathOf(7).split('/').slice(0, 3).join('/')] }));
  let i = 0;
  await time(`${name} readFileAt(HEAD~1, …) ×${sample.length}`, () => g.readFileAt('HEAD~1', sample[i++ % sample.length]!), sample.length);
  await time(`${name} headCommit() ×50`, () => g.headCommit(), 50);
  await time(`${name} currentBranch() ×50`, () => g.currentBranch(), 50);
  await time(`${name} revParse(HEAD~2) ×50`, () => g.revParse('HEAD~2'), 50);
  await time(`${name} mergeBase(HEAD~2, HEAD)`, () => g.mergeBase('HEAD~2', 'HEAD'));
  await time(`${name} status() (clean tree)`, () => g.status());
  console.log('');
}
if (process.env.KEEP_REPO) console.log(`kept ${repo.dir}`);
else await cleanupAll();
