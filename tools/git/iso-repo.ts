/**
 * The `iso` engine: isomorphic-git, pure JavaScript. Serves reads at a
 * revision without spawning a process, and the whole interface where no git
 * binary exists. Differences from the git binary, by design of isomorphic-git:
 * renames are detected only when the content is unchanged (git also pairs
 * similar files), history walks every parent of a merge (git simplifies it
 * for a path), and remotes must be http(s).
 */
import * as fs from 'node:fs';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { GitError } from './errors.ts';
import type {
  CommitInfo,
  CommitOptions,
  DeletedFile,
  FileChange,
  GitRepo,
  HistoryOptions,
  RecordChange,
  StatusEntry,
} from './git.ts';
import { appendChange } from './log-parser.ts';
import { byPath, checkRev, cleanMessage, notFound, toIso } from './cli-repo.ts';
import { gonePaths, isUnder } from './tombstones.ts';
import { diffTrees, type TreeChange } from './tree-diff.ts';

type CommitObject = Awaited<ReturnType<typeof git.readCommit>>['commit'];

export class IsoRepo implements GitRepo {
  readonly dir: string;
  readonly engine = 'iso' as const;
  /** isomorphic-git's object cache (pack indexes, parsed objects), shared by every call on this repo. */
  private readonly cache: object = {};

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Opens the repository containing `dir`; its root becomes `dir`. */
  static async open(dir: string): Promise<IsoRepo> {
    try {
      return new IsoRepo(await git.findRoot({ fs, filepath: dir }));
    } catch (err) {
      throw new GitError('E_GIT_NOT_A_REPO', dir, `${dir}: not a git repository. Run \`git init\` there, or open the folder that holds .git.`, String(err));
    }
  }

  private get base() {
    return { fs, dir: this.dir, cache: this.cache };
  }

  /** Maps an isomorphic-git error to a GitError naming `what`. */
  private fail(err: unknown, what: string): GitError {
    if (err instanceof GitError) return err;
    const code = (err as { code?: string }).code ?? '';
    const msg = (err as Error).message ?? String(err);
    const d = this.dir;
    switch (code) {
      case 'NotFoundError':
        return new GitError('E_GIT_UNKNOWN_REV', d, `${d}: ${what}: ${msg}. Check the name with \`git branch -a\` or \`git log\`.`, msg);
      case 'CheckoutConflictError':
        return new GitError('E_GIT_DIRTY', d, `${d}: ${what}: local changes would be overwritten (${msg}). Commit or discard them first.`, msg);
      case 'AlreadyExistsError':
        return new GitError('E_GIT_BRANCH_EXISTS', d, `${d}: ${what}: ${msg}. Pick another name.`, msg);
      case 'MissingNameError':
        return new GitError('E_GIT_IDENTITY', d, `${d}: git does not know who is committing. Pass an author to commit(), or set user.name and user.email.`, msg);
      case 'PushRejectedError':
        return new GitError('E_GIT_PUSH_REJECTED', d, `${d}: ${what} was rejected (${msg}). Fetch and integrate the remote changes, then push again (or push with force).`, msg);
      case 'HttpError':
      case 'SmartHttpError':
      case 'UrlParseError':
      case 'UnknownTransportError':
        return new GitError('E_GIT_REMOTE', d, `${d}: ${what}: the remote cannot be reached (${msg}). Check the remote URL (the iso engine speaks http(s) only) and that the server is up.`, msg);
      default:
        if ((err as { code?: string }).code === 'ECONNREFUSED')
          return new GitError('E_GIT_REMOTE', d, `${d}: ${what}: connection refused. Check the remote URL and that the server is up.`, msg);
        return new GitError('E_GIT', d, `${d}: ${what} failed: ${msg}.`, msg);
    }
  }

  /** The commit a revision names: full or short sha, branch, tag, remote branch, with `~n`, `^` and `^n` suffixes. */
  private async resolve(rev: string): Promise<string> {
    checkRev(this.dir, rev);
    const m = /^(.*?)((?:[~^]\d*)*)$/.exec(rev)!;
    const name = m[1] ?? '';
    let oid: string;
    try {
      if (/^[0-9a-f]{40}$/.test(name)) oid = name;
      else if (/^[0-9a-f]{4,39}$/.test(name)) oid = await git.expandOid({ ...this.base, oid: name }).catch(() => git.resolveRef({ ...this.base, ref: name }));
      else oid = await git.resolveRef({ ...this.base, ref: name });
      oid = await this.peel(oid);
      for (const [, op, num] of (m[2] ?? '').matchAll(/([~^])(\d*)/g)) {
        const n = num === '' ? 1 : Number(num);
        if (op === '~') {
          for (let i = 0; i < n; i++) oid = this.parentOf(await this.readCommit(oid), oid, 0, rev);
        } else if (n > 0) oid = this.parentOf(await this.readCommit(oid), oid, n - 1, rev);
      }
      return oid;
    } catch (err) {
      if (err instanceof GitError) throw err;
      throw new GitError('E_GIT_UNKNOWN_REV', this.dir, `${this.dir}: unknown revision "${rev}". Check the name with \`git branch -a\` or \`git log\`${rev === 'HEAD' ? ' (a fresh repository has no commits yet)' : ''}.`, String(err));
    }
  }

  private parentOf(c: CommitObject, oid: string, i: number, rev: string): string {
    const p = c.parent[i];
    if (!p) throw new GitError('E_GIT_UNKNOWN_REV', this.dir, `${this.dir}: "${rev}" goes past the first commit (${oid.slice(0, 7)} has no parent ${i + 1}).`);
    return p;
  }

  /** The commit an object names: readCommit follows annotated tags itself and returns the commit's id. */
  private async peel(oid: string): Promise<string> {
    try {
      return (await git.readCommit({ ...this.base, oid })).oid;
    } catch (err) {
      if ((err as { code?: string }).code === 'ObjectTypeError') return oid; // a tree or blob: keep it, as git rev-parse does
      throw err;
    }
  }

  private async readCommit(oid: string): Promise<CommitObject> {
    return (await git.readCommit({ ...this.base, oid })).commit;
  }

  private async historyWithOrder(opts: HistoryOptions): Promise<{ map: Map<string, RecordChange[]>; order: Map<string, number> }> {
    const map = new Map<string, RecordChange[]>();
    const order = new Map<string, number>();
    let start: string;
    try {
      start = await this.resolve(opts.rev ?? 'HEAD');
    } catch (err) {
      if ((opts.rev ?? 'HEAD') === 'HEAD' && (await this.unborn())) return { map, order };
      throw err;
    }
    const since = opts.since === undefined ? undefined : Date.parse(toIso(opts.since)) / 1000;
    const paths = (opts.paths ?? []).map(normalise);
    // git log's default order: newest commit date first among the commits not yet shown.
    const queue: Array<{ oid: string; c: CommitObject }> = [{ oid: start, c: await this.readCommit(start) }];
    const seen = new Set([start]);
    while (queue.length) {
      const { oid, c } = queue.shift()!;
      for (const p of c.parent) {
        if (seen.has(p)) continue;
        seen.add(p);
        const pc = await this.readCommit(p);
        let at = queue.findIndex((q) => q.c.committer.timestamp < pc.committer.timestamp);
        if (at === -1) at = queue.length;
        queue.splice(at, 0, { oid: p, c: pc });
      }
      if (since !== undefined && c.committer.timestamp < since) continue;
      if (c.parent.length > 1) continue; // like git log without -m: merges list no changes
      const parentTree = c.parent[0] ? (await this.readCommit(c.parent[0])).tree : undefined;
      const changes = await diffTrees(this.base, parentTree, c.tree, paths);
      if (changes.length === 0) continue;
      const info = commitInfo(oid, c);
      if (!order.has(oid)) order.set(oid, order.size);
      for (const ch of changes) appendChange(map, ch.path, toRecordChange(info, ch));
    }
    return { map, order };
  }

  private async unborn(): Promise<boolean> {
    try {
      await git.resolveRef({ ...this.base, ref: 'HEAD' });
      return false;
    } catch {
      return true;
    }
  }

  async history(opts: HistoryOptions = {}): Promise<Map<string, RecordChange[]>> {
    return (await this.historyWithOrder(opts)).map;
  }

  async deletedFiles(folder: string, opts: { rev?: string } = {}): Promise<DeletedFile[]> {
    const rev = opts.rev ?? 'HEAD';
    const { map, order } = await this.historyWithOrder({ paths: [folder], rev });
    if (map.size === 0) return [];
    const present = new Set(await this.listFilesAt(rev, folder));
    const out: DeletedFile[] = [];
    for (const g of gonePaths(map, present, order)) {
      const lastCommit = this.parentOf(await this.readCommit(g.deletedIn.sha), g.deletedIn.sha, 0, g.deletedIn.sha);
      const content = await this.readFileAt(lastCommit, g.path);
      const d: DeletedFile = { path: g.path, deletedIn: g.deletedIn, lastCommit, content };
      if (g.renamedTo !== undefined) d.renamedTo = g.renamedTo;
      out.push(d);
    }
    return out;
  }

  async readFileAt(rev: string, path: string): Promise<string> {
    const oid = await this.resolve(rev);
    try {
      const { blob } = await git.readBlob({ ...this.base, oid, filepath: normalise(path) });
      return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('utf8');
    } catch {
      throw notFound(this.dir, rev, path);
    }
  }

  async listFilesAt(rev: string, folder?: string): Promise<string[]> {
    const oid = await this.resolve(rev);
    const c = await this.readCommit(oid);
    const f = folder ? normalise(folder) : '';
    const files = (await diffTrees(this.base, undefined, c.tree, f ? [f] : [])).map((ch) => ch.path);
    return files.sort(byPath);
  }

  async changedFiles(base: string, head: string, opts: { paths?: string[] } = {}): Promise<FileChange[]> {
    const [a, b] = [await this.resolve(base), await this.resolve(head)];
    const [ta, tb] = [(await this.readCommit(a)).tree, (await this.readCommit(b)).tree];
    const changes = await diffTrees(this.base, ta, tb, (opts.paths ?? []).map(normalise));
    return changes
      .map((ch): FileChange => (ch.oldPath !== undefined ? { path: ch.path, status: ch.status, oldPath: ch.oldPath } : { path: ch.path, status: ch.status }))
      .sort((x, y) => byPath(x.path, y.path));
  }

  async currentBranch(): Promise<string | undefined> {
    try {
      return (await git.currentBranch({ fs, dir: this.dir, fullname: false })) || undefined;
    } catch (err) {
      throw this.fail(err, 'current branch');
    }
  }

  async headCommit(): Promise<string> {
    return this.resolve('HEAD');
  }

  async revParse(rev: string): Promise<string> {
    return this.resolve(rev);
  }

  async status(): Promise<StatusEntry[]> {
    let rows: Array<[string, number, number, number]>;
    try {
      rows = await git.statusMatrix({ ...this.base });
    } catch (err) {
      throw this.fail(err, 'status');
    }
    const out: StatusEntry[] = [];
    for (const [path, head, work, stage] of rows) {
      const e = statusEntry(path, head, work, stage);
      if (e) out.push(e);
    }
    return out.sort((a, b) => byPath(a.path, b.path));
  }

  async isClean(): Promise<boolean> {
    return (await this.status()).length === 0;
  }

  async createBranch(name: string, opts: { from?: string; checkout?: boolean } = {}): Promise<void> {
    checkRev(this.dir, name);
    const object = await this.resolve(opts.from ?? 'HEAD');
    try {
      await git.branch({ fs, dir: this.dir, ref: name, object });
    } catch (err) {
      throw this.fail(err, `create branch ${name}`);
    }
    if (opts.checkout) await this.checkout(name);
  }

  async checkout(name: string): Promise<void> {
    await this.resolve(name); // unknown names fail with E_GIT_UNKNOWN_REV before anything changes
    try {
      await git.checkout({ ...this.base, ref: name });
    } catch (err) {
      throw this.fail(err, `checkout ${name}`);
    }
  }

  async add(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    const filepaths = paths.map(normalise).map((p) => (p === '' ? '.' : p));
    try {
      const rows = await git.statusMatrix({ ...this.base, filepaths });
      const unmatched = filepaths.filter((f) => f !== '.' && !rows.some(([path]) => isUnder(path, f)));
      if (unmatched.length)
        throw new GitError('E_GIT_PATH_NOT_FOUND', this.dir, `${this.dir}: add: ${unmatched.slice(0, 3).join(', ')}${unmatched.length > 3 ? ` and ${unmatched.length - 3} more` : ''} matched no file. Check the paths (relative to the repository root, with /).`);
      const toAdd: string[] = [];
      for (const [path, head, work, stage] of rows) {
        if (work === 0 && stage !== 0) await git.remove({ ...this.base, filepath: path });
        else if (work !== 0 && !(head === 1 && work === 1 && stage === 1)) toAdd.push(path);
      }
      if (toAdd.length) await git.add({ ...this.base, filepath: toAdd });
    } catch (err) {
      throw this.fail(err, 'add');
    }
  }

  async commit(opts: CommitOptions): Promise<string> {
    const message = cleanMessage(opts.message);
    const when = opts.date === undefined ? undefined : Date.parse(toIso(opts.date));
    if (when !== undefined && Number.isNaN(when))
      throw new GitError('E_GIT', this.dir, `commit date "${String(opts.date)}" is not a date. Use ISO 8601, e.g. 2024-01-31T10:00:00Z.`);
    const who = {
      ...(opts.author ?? {}),
      ...(when !== undefined ? { timestamp: Math.floor(when / 1000), timezoneOffset: 0 } : {}),
    };
    try {
      return await git.commit({ ...this.base, message, author: who, committer: who, disallowEmpty: !(await this.unborn()) });
    } catch (err) {
      if ((err as { code?: string }).code === 'EmptyCommitError')
        throw new GitError('E_GIT_NOTHING_TO_COMMIT', this.dir, `${this.dir}: nothing to commit. Stage changes with add(paths) first.`);
      throw this.fail(err, 'commit');
    }
  }

  private async httpRemote(remote: string, what: string): Promise<void> {
    const url = await this.remoteUrl(remote);
    if (url === undefined)
      throw new GitError('E_GIT_REMOTE', this.dir, `${this.dir}: ${what}: there is no remote "${remote}". Add it with addRemote(name, url).`);
    if (!/^https?:\/\//.test(url))
      throw new GitError('E_GIT_UNSUPPORTED', this.dir, `${this.dir}: ${what}: remote "${remote}" is ${url}; without a git binary only http(s) remotes work. Install git or use an http(s) URL.`);
  }

  async push(remote: string, branch: string, opts: { force?: boolean } = {}): Promise<void> {
    const what = `push ${remote} ${branch}`;
    await this.httpRemote(remote, what);
    let res: Awaited<ReturnType<typeof git.push>>;
    try {
      res = await git.push({ ...this.base, http, remote, ref: branch, remoteRef: branch, force: opts.force ?? false });
    } catch (err) {
      throw this.fail(err, what);
    }
    if (!res.ok || res.error) {
      const why = res.error ?? Object.values(res.refs ?? {}).map((r) => r.error).filter(Boolean).join('; ');
      throw new GitError('E_GIT_PUSH_REJECTED', this.dir, `${this.dir}: ${what} was rejected (${why}). Fetch and integrate the remote changes, then push again.`, why);
    }
  }

  async fetch(remote: string, branch?: string): Promise<void> {
    const what = `fetch ${remote}`;
    await this.httpRemote(remote, what);
    try {
      await git.fetch({ ...this.base, http, remote, ...(branch ? { ref: branch, singleBranch: true } : {}), tags: false });
    } catch (err) {
      throw this.fail(err, what);
    }
  }

  async addRemote(name: string, url: string): Promise<void> {
    checkRev(this.dir, name);
    try {
      await git.addRemote({ fs, dir: this.dir, remote: name, url });
    } catch (err) {
      throw this.fail(err, `remote add ${name}`);
    }
  }

  async remoteUrl(name: string): Promise<string | undefined> {
    checkRev(this.dir, name);
    const url: unknown = await git.getConfig({ fs, dir: this.dir, path: `remote.${name}.url` });
    return typeof url === 'string' && url ? url : undefined;
  }

  close(): void {}

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const oids = [await this.resolve(a), await this.resolve(b)];
    try {
      const bases = await git.findMergeBase({ ...this.base, oids });
      return bases[0];
    } catch (err) {
      throw this.fail(err, `merge-base ${a} ${b}`);
    }
  }
}

/** A repo-relative path without leading `./` or trailing `/`. */
function normalise(p: string): string {
  return p.replace(/^\.\/?/, '').replace(/\/+$/, '');
}

function commitInfo(sha: string, c: CommitObject): CommitInfo {
  const subject = (c.message.split(/\n\s*\n/)[0] ?? '').split('\n').map((l) => l.trim()).join(' ').trim();
  return { sha, date: isoDate(c.author.timestamp, c.author.timezoneOffset), author: { name: c.author.name, email: c.author.email }, subject };
}

function toRecordChange(info: CommitInfo, ch: TreeChange): RecordChange {
  const r: RecordChange = { ...info, status: ch.status };
  if (ch.oldPath !== undefined) r.oldPath = ch.oldPath;
  return r;
}

/** Git's strict ISO date (`%aI`) from a timestamp and isomorphic-git's offset (minutes west of UTC). */
export function isoDate(timestamp: number, timezoneOffset: number): string {
  const local = new Date((timestamp - timezoneOffset * 60) * 1000).toISOString().slice(0, 19);
  const off = Math.abs(timezoneOffset);
  const sign = timezoneOffset <= 0 ? '+' : '-';
  return `${local}${sign}${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`;
}

/**
 * One statusMatrix row as git's porcelain letters, or undefined when the file
 * is unchanged. Columns: HEAD (0 absent, 1 present), WORKDIR (0 absent,
 * 1 same as HEAD, 2 different), STAGE (0 absent, 1 same as HEAD, 2 same as
 * WORKDIR, 3 different from both).
 */
export function statusEntry(path: string, head: number, work: number, stage: number): StatusEntry | undefined {
  if (head === 1 && work === 1 && stage === 1) return undefined;
  if (head === 0 && stage === 0) return work === 0 ? undefined : { path, index: '?', worktree: '?' };
  const index: StatusEntry['index'] = head === 0 ? 'A' : stage === 0 ? 'D' : stage === 1 ? ' ' : 'M';
  let worktree: StatusEntry['worktree'];
  if (stage === 0) worktree = ' ';
  else if (work === 0) worktree = 'D';
  else if (stage === 3) worktree = 'M';
  else if (stage === 2) worktree = ' ';
  else worktree = work === 2 ? 'M' : ' ';
  return { path, index, worktree };
}

