/**
 * The `cli` engine: simple-git driving the git binary. Reads bypass
 * simple-git where it would cost: `history` streams `git log` through
 * {@link LogParser} (simple-git buffers a command's whole output), and
 * object reads (`readFileAt`, `revParse`, `deletedFiles`' contents) go
 * through one long-lived `git cat-file --batch` ({@link CatFile}).
 */
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';
import { CatFile } from './cat-file.ts';
import { GitError, errorFromStderr } from './errors.ts';
import type {
  ChangeStatus,
  CommitOptions,
  DeletedFile,
  FileChange,
  GitRepo,
  HistoryOptions,
  RecordChange,
  StatusEntry,
} from './git.ts';
import { LOG_FORMAT, LogParser, appendChange } from './log-parser.ts';
import { gonePaths } from './tombstones.ts';

/**
 * The environment git runs in. Ambient GIT_* variables are dropped (a hook's
 * GIT_DIR or GIT_INDEX_FILE would point git at another repository; simple-git
 * refuses most of them anyway), except the CA settings https remotes may need.
 * Messages are in English whatever the locale, so errorFromStderr can read them.
 */
const PASS_THROUGH = ['GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];
const IDENTITY_VARS = ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_DATE', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_COMMITTER_DATE'];
const ALLOWED = [...PASS_THROUGH, ...IDENTITY_VARS, 'GIT_TERMINAL_PROMPT'];
const GUARDED = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

export function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    const key = k.toLowerCase();
    if (v === undefined || GUARDED.has(key)) continue;
    if (key.startsWith('git_') && !PASS_THROUGH.includes(k)) continue;
    env[k] = v;
  }
  return { ...env, LC_ALL: 'C', LANG: 'C', GIT_TERMINAL_PROMPT: '0' };
}
const ENV = gitEnv();

function sgit(baseDir: string, binary: string, env: Record<string, string> = ENV): SimpleGit {
  return simpleGit({ baseDir, binary, maxConcurrentProcesses: 8, allowEnvironment: ALLOWED }).env(env);
}

export class CliRepo implements GitRepo {
  readonly dir: string;
  readonly engine = 'cli' as const;
  private readonly binary: string;
  private readonly sg: SimpleGit;
  /** Reads objects by name without a spawn per read. */
  private readonly objects: CatFile;

  private constructor(dir: string, binary: string) {
    this.dir = dir;
    this.binary = binary;
    this.sg = sgit(dir, binary);
    this.objects = new CatFile(binary, dir, ENV);
  }

  /** Opens the repository containing `dir`; its root becomes `dir`. */
  static async open(dir: string, binary = 'git'): Promise<CliRepo> {
    let root: string;
    try {
      root = (await sgit(dir, binary).raw(['rev-parse', '--show-toplevel'])).trim();
    } catch (err) {
      const text = String((err as Error).message ?? err);
      if (/no such file|enoent|cannot use simple-git on a directory that does not exist/i.test(text))
        throw new GitError('E_GIT_NOT_A_REPO', dir, `${dir}: folder does not exist. Create it and run \`git init\` there.`, text);
      throw errorFromStderr(dir, 'open', text);
    }
    if (!root) throw new GitError('E_GIT_NOT_A_REPO', dir, `${dir}: this is a bare repository or a .git folder; open a working tree.`);
    return new CliRepo(root, binary);
  }

  /** Runs git through simple-git; failures become GitErrors that name `what`. */
  private async run(args: string[], what = args[0] ?? 'git', sg: SimpleGit = this.sg): Promise<string> {
    try {
      return await sg.raw(args);
    } catch (err) {
      throw errorFromStderr(this.dir, what, String((err as Error).message ?? err));
    }
  }

  /** Spawns git and hands stdout to `onText` chunk by chunk; resolves when git exits 0. */
  private stream(args: string[], what: string, onText: (text: string) => void, input?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, ['-c', 'core.quotepath=off', ...args], { cwd: this.dir, env: ENV });
      let stderr = '';
      let failed: unknown;
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (t: string) => {
        if (failed) return;
        try {
          onText(t);
        } catch (err) {
          failed = err;
          child.kill();
        }
      });
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('error', (err) => reject(new GitError('E_GIT_NO_BINARY', this.dir, `cannot run "${this.binary}": ${err.message}. Install git or use engine 'iso'.`)));
      child.on('close', (code) => {
        if (failed) reject(failed);
        else if (code !== 0) reject(errorFromStderr(this.dir, what, stderr));
        else resolve();
      });
      child.stdin.on('error', () => {}); // git may exit (with an error we report) before reading all input
      if (input !== undefined) child.stdin.end(input);
      else child.stdin.end();
    });
  }

  private async historyWithOrder(opts: HistoryOptions): Promise<{ map: Map<string, RecordChange[]>; order: Map<string, number> }> {
    const map = new Map<string, RecordChange[]>();
    const order = new Map<string, number>();
    const rev = checkRev(this.dir, opts.rev ?? 'HEAD');
    // Pin what user config could change in the output: signatures, colour.
    const args = ['-c', 'log.showSignature=false', 'log', '--no-color', '-z', '--name-status', '-M', `--format=${LOG_FORMAT}`];
    if (opts.since !== undefined) args.push(`--since=${toIso(opts.since)}`);
    args.push(rev, '--', ...(opts.paths?.length ? opts.paths : ['.']));
    const parser = new LogParser((path, change) => {
      if (!order.has(change.sha)) order.set(change.sha, order.size);
      appendChange(map, path, change);
    });
    if (!(await this.hasCommits(rev))) return { map, order };
    await this.stream(args, `log ${rev}`, (t) => parser.push(t));
    parser.end();
    return { map, order };
  }

  /** False for an unborn branch (a fresh repository), where log would fail. */
  private async hasCommits(rev: string): Promise<boolean> {
    if (rev !== 'HEAD') return true;
    return (await this.objects.read('HEAD^{commit}').catch(() => undefined)) !== undefined;
  }

  async history(opts: HistoryOptions = {}): Promise<Map<string, RecordChange[]>> {
    return (await this.historyWithOrder(opts)).map;
  }

  async deletedFiles(folder: string, opts: { rev?: string } = {}): Promise<DeletedFile[]> {
    const rev = opts.rev ?? 'HEAD';
    const { map, order } = await this.historyWithOrder({ paths: [folder], rev });
    const present = new Set(await this.listFilesAt(rev, folder).catch(() => []));
    const gone = gonePaths(map, present, order);
    if (gone.length === 0) return [];
    // Through the one cat-file process: each deleting commit's first parent, then each file's content there.
    const shas = [...new Set(gone.map((g) => g.deletedIn.sha))];
    const parents = await Promise.all(shas.map((s) => this.objects.read(`${s}^`)));
    const parentOf = new Map(shas.map((s, i) => [s, parents[i]?.oid ?? '']));
    const blobs = await Promise.all(gone.map((g) => this.objects.read(`${parentOf.get(g.deletedIn.sha)}:${g.path}`)));
    return gone.map((g, i) => {
      const blob = blobs[i];
      if (!blob || blob.type !== 'blob')
        throw new GitError('E_GIT', this.dir, `${this.dir}: cannot read ${g.path} at ${parentOf.get(g.deletedIn.sha)} (the parent of ${g.deletedIn.sha}). This is a bug in the git module; please report it.`);
      const out: DeletedFile = { path: g.path, deletedIn: g.deletedIn, lastCommit: parentOf.get(g.deletedIn.sha)!, content: blob.data.toString('utf8') };
      if (g.renamedTo !== undefined) out.renamedTo = g.renamedTo;
      return out;
    });
  }

  async readFileAt(rev: string, path: string): Promise<string> {
    checkRev(this.dir, rev);
    const obj = await this.objects.read(`${rev}:${path}`);
    if (!obj || obj.type !== 'blob') {
      await this.revParse(rev); // an unknown revision says so first
      throw notFound(this.dir, rev, path);
    }
    return obj.data.toString('utf8');
  }

  async listFilesAt(rev: string, folder?: string): Promise<string[]> {
    checkRev(this.dir, rev);
    const out = await this.run(['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--name-only', rev, '--', ...(folder ? [folder] : [])], `ls-tree ${rev}`);
    return out.split('\0').filter(Boolean).sort(byPath);
  }

  async changedFiles(base: string, head: string, opts: { paths?: string[] } = {}): Promise<FileChange[]> {
    checkRev(this.dir, base);
    checkRev(this.dir, head);
    const out = await this.run(
      ['-c', 'core.quotepath=off', 'diff', '--no-color', '--name-status', '-z', '-M', '--no-ext-diff', base, head, '--', ...(opts.paths ?? [])],
      `diff ${base} ${head}`,
    );
    const toks = out.split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i < toks.length; ) {
      const st = (toks[i++] ?? '').trim();
      if (!st) continue;
      if (st[0] === 'R' || st[0] === 'C') {
        const oldPath = toks[i++] ?? '';
        const path = toks[i++] ?? '';
        changes.push(st[0] === 'R' ? { path, status: 'R', oldPath } : { path, status: 'A' });
      } else {
        changes.push({ path: toks[i++] ?? '', status: (st[0] === 'A' || st[0] === 'D' ? st[0] : 'M') as ChangeStatus });
      }
    }
    return changes.sort((a, b) => byPath(a.path, b.path));
  }

  async currentBranch(): Promise<string | undefined> {
    const out = (await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], 'symbolic-ref HEAD').catch((err: unknown) => {
      if (err instanceof GitError && err.code === 'E_GIT') return '';
      throw err;
    })).trim();
    return out || undefined;
  }

  async headCommit(): Promise<string> {
    return this.revParse('HEAD');
  }

  async revParse(rev: string): Promise<string> {
    checkRev(this.dir, rev);
    // Peel to the commit (a tag names a tag object; callers want the commit); fall back for trees and blobs.
    const obj = (await this.objects.read(`${rev}^{commit}`)) ?? (await this.objects.read(rev));
    if (!obj)
      throw new GitError('E_GIT_UNKNOWN_REV', this.dir, `${this.dir}: unknown revision "${rev}". Check the name with \`git branch -a\` or \`git log\`${rev === 'HEAD' ? ' (a fresh repository has no commits yet)' : ''}.`);
    return obj.oid;
  }

  close(): void {
    this.objects.close();
  }

  async status(): Promise<StatusEntry[]> {
    const out = await this.run(['-c', 'core.quotepath=off', 'status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all'], 'status');
    const entries: StatusEntry[] = [];
    for (const tok of out.split('\0')) {
      if (tok.length < 4) continue;
      entries.push({ path: tok.slice(3), index: tok[0] as StatusEntry['index'], worktree: tok[1] as StatusEntry['worktree'] });
    }
    return entries.sort((a, b) => byPath(a.path, b.path));
  }

  async isClean(): Promise<boolean> {
    return (await this.status()).length === 0;
  }

  async createBranch(name: string, opts: { from?: string; checkout?: boolean } = {}): Promise<void> {
    checkRev(this.dir, name);
    if (opts.from !== undefined) checkRev(this.dir, opts.from);
    const from = opts.from ?? 'HEAD';
    if (opts.checkout) await this.run(['checkout', '-q', '-b', name, from], `create branch ${name}`);
    else await this.run(['branch', name, from], `create branch ${name}`);
  }

  async checkout(name: string): Promise<void> {
    checkRev(this.dir, name);
    await this.run(['checkout', '-q', name, '--'], `checkout ${name}`);
  }

  async add(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    // An ingest batch can name 100,000 files: pass them on stdin, not the command line
    // (no OS length limit, and simple-git's argument checks grow slow with thousands of arguments).
    await this.stream(['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], 'add', () => {}, `${paths.join('\0')}\0`);
  }

  async commit(opts: CommitOptions): Promise<string> {
    const staged = await this.run(['diff', '--cached', '--name-only', '-z'], 'diff --cached').catch(() => 'unborn');
    if (staged === '' && (await this.hasCommits('HEAD')))
      throw new GitError('E_GIT_NOTHING_TO_COMMIT', this.dir, `${this.dir}: nothing to commit. Stage changes with add(paths) first.`);
    const env: Record<string, string> = { ...ENV };
    if (opts.author) {
      env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = opts.author.name;
      env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = opts.author.email;
    }
    if (opts.date !== undefined) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = toIso(opts.date);
    const sg = sgit(this.dir, this.binary, env);
    await this.run(['commit', '-q', '--no-gpg-sign', '--cleanup=verbatim', '-m', cleanMessage(opts.message)], 'commit', sg);
    return this.headCommit();
  }

  async push(remote: string, branch: string, opts: { force?: boolean } = {}): Promise<void> {
    checkRev(this.dir, remote);
    checkRev(this.dir, branch);
    await this.run(['push', '--porcelain', ...(opts.force ? ['--force'] : []), remote, `refs/heads/${branch}:refs/heads/${branch}`], `push ${remote} ${branch}`);
  }

  async fetch(remote: string, branch?: string): Promise<void> {
    checkRev(this.dir, remote);
    if (branch !== undefined) checkRev(this.dir, branch);
    await this.run(['fetch', '-q', remote, ...(branch ? [`+refs/heads/${branch}:refs/remotes/${remote}/${branch}`] : [])], `fetch ${remote}`);
  }

  async addRemote(name: string, url: string): Promise<void> {
    checkRev(this.dir, name);
    await this.run(['remote', 'add', name, url], `remote add ${name}`);
  }

  async remoteUrl(name: string): Promise<string | undefined> {
    checkRev(this.dir, name);
    const out = (await this.run(['config', '--get', `remote.${name}.url`], 'config').catch(() => '')).trim();
    return out || undefined;
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    await this.revParse(a);
    await this.revParse(b);
    const out = (await this.run(['merge-base', a, b], `merge-base ${a} ${b}`).catch(() => '')).trim();
    return out || undefined;
  }
}

/** Git's path order (byte order), so both engines list files identically. */
export function byPath(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Refuses names git would take for an option. */
export function checkRev(dir: string, rev: string): string {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev))
    throw new GitError('E_GIT_UNKNOWN_REV', dir, `${dir}: "${rev}" is not a usable revision, branch or remote name (empty, starts with "-" or holds a control character).`);
  return rev;
}

/** An ISO date string from a Date or a string (strings pass through). */
export function toIso(d: Date | string): string {
  return typeof d === 'string' ? d : d.toISOString();
}

/** The message as both engines store it: trailing spaces and blank lines gone, one final newline. */
export function cleanMessage(message: string): string {
  const text = message
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) throw new GitError('E_GIT', '', 'commit message is empty. Say why the change is made.');
  return `${text}\n`;
}

export function notFound(dir: string, rev: string, path: string): GitError {
  return new GitError('E_GIT_PATH_NOT_FOUND', dir, `${dir}: ${path} does not exist at ${rev}. Check the path (relative to the repository root, with /) and the revision.`);
}
