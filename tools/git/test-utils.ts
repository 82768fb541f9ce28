/**
 * Temporary git repositories and a local git server for everyone's tests.
 * Independent of the test framework: plain async functions that return paths
 * and a cleanup function, built on the git binary (not on the module under test).
 *
 *   const repo = await makeTempRepo({ files: { 'catalog/a.json': { id: 'a' } },
 *                                     commits: [{ message: 'edit a', files: { 'catalog/a.json': '{}' } }] });
 *   repo.commits        // shas, oldest first; stable across runs (fixed identity and dates)
 *   await repo.git('log', '--oneline')
 *   const remote = await serveBareRepo();   // { url: 'http://127.0.0.1:PORT/repo.git', bareDir, stop }
 *   await repo.git('push', remote.url, 'main');
 *   await remote.stop(); await repo.cleanup();   // or cleanupAll() in an afterAll hook
 *
 * Determinism: every commit has the identity {@link TEST_IDENTITY} and the date
 * {@link TEST_EPOCH} plus one hour per commit (or the date given), for author
 * and committer alike, and global/system git config is ignored, so commit ids
 * are the same on every machine.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The author and committer of every test commit. */
export const TEST_IDENTITY = { name: 'Shelfmark Test', email: 'test@shelfmark.invalid' } as const;

/** The date of the first test commit; commit i is this plus i hours. */
export const TEST_EPOCH = '2024-01-01T00:00:00Z';

/** File content: text as is, anything else as 2-space JSON with a final newline; null deletes. */
export type FileContent = string | object | null;

export interface TempCommit {
  message: string;
  /** Files to write (or delete, with null), relative to the repository root. */
  files?: Record<string, FileContent>;
  /** Files to rename (`git mv`), old path → new path, done before `files` are written. */
  renames?: Record<string, string>;
  /** Default: {@link TEST_EPOCH} + (commit index) hours. */
  date?: string;
  author?: { name: string; email: string };
}

export interface TempRepoOptions {
  /** Files of the first commit ("initial"); omitted when there are none. */
  files?: Record<string, FileContent>;
  /** Further commits, in order. */
  commits?: TempCommit[];
  /** First branch; default main. */
  branch?: string;
}

export interface TempRepo {
  dir: string;
  /** Shas of the commits made, oldest first. */
  commits: string[];
  /** Runs git in the repository with the fixed identity and the next commit date; resolves with stdout. */
  git(...args: string[]): Promise<string>;
  /** Writes files (null deletes) in the working tree, without staging. */
  write(files: Record<string, FileContent>): Promise<void>;
  /** Makes one more commit like those in `commits`; returns its sha. */
  commit(c: TempCommit): Promise<string>;
  cleanup(): Promise<void>;
}

const made = new Set<string>();

/** A fresh empty folder under the system temp folder, removed by {@link cleanupAll}. */
export async function makeTempDir(prefix = 'shelfmark-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes a folder made here. */
export async function removeTempDir(dir: string): Promise<void> {
  made.delete(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Removes every temp folder made here and stops every server still running. */
export async function cleanupAll(): Promise<void> {
  await Promise.all([...servers].map((s) => s.stop()));
  await Promise.all([...made].map(removeTempDir));
}

/** A second identity, for histories where a curator (not the test) made the commits. */
export const CURATOR = { name: 'Curator One', email: 'c1@shelfmark.invalid' } as const;

/** The environment that makes git deterministic: fixed identity and dates, no global or system config. */
export function fixedGitEnv(date = TEST_EPOCH, who: { name: string; email: string } = TEST_IDENTITY): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
  };
}

/** Runs git in `cwd`; rejects with git's stderr in the message. */
export function runGit(cwd: string, args: string[], env: NodeJS.ProcessEnv = fixedGitEnv()): Promise<string> {
  return new Promise((res, rej) => {
    execFile('git', args, { cwd, env, maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`git ${args.join(' ')} (in ${cwd}) failed: ${stderr.trim() || err.message}`));
      else res(stdout);
    });
  });
}

/** The ISO date of test commit number `i` (0-based). */
export function testDate(i: number): string {
  return new Date(Date.parse(TEST_EPOCH) + i * 3_600_000).toISOString().replace('.000Z', 'Z');
}

async function writeFiles(dir: string, files: Record<string, FileContent>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) {
      await rm(full, { force: true });
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
    const tmp = `${full}.tmp-${process.pid}`;
    await writeFile(tmp, text);
    await rename(tmp, full);
  }
}

/**
 * A temporary git repository with the given commits, made with fixed
 * identities and dates (see the module comment). Local config sets
 * user.name/user.email too, so code under test that commits without an
 * explicit author works.
 */
export async function makeTempRepo(opts: TempRepoOptions = {}): Promise<TempRepo> {
  const dir = await makeTempDir('shelfmark-repo-');
  const branch = opts.branch ?? 'main';
  await runGit(dir, ['init', '-q', `--initial-branch=${branch}`]);
  await runGit(dir, ['config', 'user.name', TEST_IDENTITY.name]);
  await runGit(dir, ['config', 'user.email', TEST_IDENTITY.email]);
  await runGit(dir, ['config', 'commit.gpgsign', 'false']);
  const commits: string[] = [];

  const commit = async (c: TempCommit): Promise<string> => {
    const env = fixedGitEnv(c.date ?? testDate(commits.length), c.author ?? TEST_IDENTITY);
    for (const [from, to] of Object.entries(c.renames ?? {})) {
      await mkdir(dirname(join(dir, to)), { recursive: true });
      await runGit(dir, ['mv', from, to], env);
    }
    await writeFiles(dir, c.files ?? {});
    await runGit(dir, ['add', '-A'], env);
    await runGit(dir, ['commit', '-q', '--allow-empty', '-m', c.message], env);
    const sha = (await runGit(dir, ['rev-parse', 'HEAD'], env)).trim();
    commits.push(sha);
    return sha;
  };

  if (opts.files && Object.keys(opts.files).length) await commit({ message: 'initial', files: opts.files });
  for (const c of opts.commits ?? []) await commit(c);

  return {
    dir,
    commits,
    git: (...args) => runGit(dir, args, fixedGitEnv(testDate(commits.length))),
    write: (files) => writeFiles(dir, files),
    commit,
    cleanup: () => removeTempDir(dir),
  };
}

export interface ServedRepo {
  /** Clone/push URL, e.g. http://127.0.0.1:41234/repo.git */
  url: string;
  /** The bare repository on disk; inspect it with `git --git-dir=<bareDir> …`. */
  bareDir: string;
  /** Stops the server and removes the bare repository (unless it was passed in). */
  stop(): Promise<void>;
}

const servers = new Set<ServedRepo>();

/**
 * Serves a bare repository over git's smart HTTP on 127.0.0.1 and a free port,
 * push enabled, through tools/git/http-server.ts (git http-backend) in a child
 * process, so a test that runs git synchronously cannot deadlock it. Creates an
 * empty bare repository unless `bareDir` is given. Both engines (and plain git)
 * can clone, fetch and push.
 */
export async function serveBareRepo(opts: { bareDir?: string; name?: string } = {}): Promise<ServedRepo> {
  let bareDir: string;
  let owned: string | undefined;
  if (opts.bareDir) bareDir = resolve(opts.bareDir);
  else {
    owned = await makeTempDir('shelfmark-remote-');
    bareDir = join(owned, opts.name ?? 'repo.git');
    await runGit(owned, ['init', '-q', '--bare', '--initial-branch=main', bareDir]);
  }
  const root = dirname(bareDir);
  const script = join(dirname(fileURLToPath(import.meta.url)), 'http-server.ts');
  const child: ChildProcess = spawn(process.execPath, [script, root], { stdio: ['pipe', 'pipe', 'pipe'] });
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => rej(new Error(`git http server did not start within 10 s: ${err}`)), 10_000);
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        try {
          res((JSON.parse(line) as { port: number }).port);
        } catch {
          rej(new Error(`git http server said ${JSON.stringify(line)}`));
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`git http server exited (code ${code}) before listening: ${err}`));
    });
  });
  child.stdout!.resume();
  const name = bareDir.slice(root.length + 1);
  let stopped: Promise<void> | undefined;
  const served: ServedRepo = {
    url: `http://127.0.0.1:${port}/${name}`,
    bareDir,
    stop: () =>
      (stopped ??= (async () => {
        servers.delete(served);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise<void>((r) => child.once('exit', () => r()));
          child.stdin!.end(); // the server exits when its stdin closes
          const t = setTimeout(() => child.kill('SIGKILL'), 2_000);
          await exited;
          clearTimeout(t);
        }
        if (owned) await removeTempDir(owned);
      })()),
  };
  servers.add(served);
  return served;
}
