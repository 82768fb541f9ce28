/**
 * Typed git errors. Every failure the git module raises is a {@link GitError}
 * with a stable `code` and a message that says what to do next, so the CLI can
 * print it as is and callers can branch on `code` instead of parsing text.
 */

export type GitErrorCode =
  | 'E_GIT_NOT_A_REPO'
  | 'E_GIT_NO_BINARY'
  | 'E_GIT_NOTHING_TO_COMMIT'
  | 'E_GIT_IDENTITY'
  | 'E_GIT_UNKNOWN_REV'
  | 'E_GIT_PATH_NOT_FOUND'
  | 'E_GIT_BRANCH_EXISTS'
  | 'E_GIT_DIRTY'
  | 'E_GIT_REMOTE'
  | 'E_GIT_PUSH_REJECTED'
  | 'E_GIT_UNSUPPORTED'
  | 'E_GIT';

/** A git operation failed; `code` says which way, `message` says how to fix it. */
export class GitError extends Error {
  readonly code: GitErrorCode;
  /** The repository (working tree) the operation ran in. */
  readonly dir: string;
  /** The underlying error (git's stderr or the isomorphic-git error), for bug reports. */
  readonly detail: string | undefined;

  constructor(code: GitErrorCode, dir: string, message: string, detail?: string) {
    super(message);
    this.name = 'GitError';
    this.code = code;
    this.dir = dir;
    this.detail = detail;
  }
}

/** Shortens git's stderr to its first meaningful lines for a message. */
export function firstLines(text: string, max = 3): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('hint:'))
    .slice(0, max)
    .join(' / ');
}

/**
 * Turns the stderr of a failed git command into a {@link GitError} with advice.
 * `what` names the operation (e.g. `push origin main`) for the message.
 */
export function errorFromStderr(dir: string, what: string, stderr: string): GitError {
  const s = stderr.toLowerCase();
  const said = firstLines(stderr);
  if (s.includes('not a git repository'))
    return new GitError('E_GIT_NOT_A_REPO', dir, `${dir}: not a git repository. Run \`git init\` there, or open the folder that holds .git.`, stderr);
  if (s.includes('must be run in a work tree'))
    return new GitError('E_GIT_NOT_A_REPO', dir, `${dir}: this is a bare repository (no working tree). Clone it and open the clone.`, stderr);
  if (s.includes('please tell me who you are') || s.includes('unable to auto-detect email'))
    return new GitError('E_GIT_IDENTITY', dir, `${dir}: git does not know who is committing. Pass an author to commit(), or set user.name and user.email (git config user.name "…").`, stderr);
  if (s.includes('nothing to commit') || s.includes('no changes added to commit'))
    return new GitError('E_GIT_NOTHING_TO_COMMIT', dir, `${dir}: nothing to commit. Stage changes with add(paths) first.`, stderr);
  if (s.includes('already exists') && s.includes('branch'))
    return new GitError('E_GIT_BRANCH_EXISTS', dir, `${dir}: ${what}: ${said}. Pick another branch name or check the existing branch out.`, stderr);
  if (s.includes('would be overwritten') || s.includes('please commit your changes or stash them'))
    return new GitError('E_GIT_DIRTY', dir, `${dir}: ${what}: local changes would be overwritten (${said}). Commit or discard them first.`, stderr);
  if (s.includes('[rejected]') || s.includes('non-fast-forward') || s.includes('fetch first') || s.includes('remote rejected'))
    return new GitError('E_GIT_PUSH_REJECTED', dir, `${dir}: ${what} was rejected (${said}). Fetch and integrate the remote changes, then push again (or push with force if you mean to overwrite).`, stderr);
  if (
    s.includes('does not appear to be a git repository') ||
    s.includes('could not read from remote') ||
    s.includes('unable to access') ||
    s.includes('connection refused') ||
    s.includes('no such remote') ||
    s.includes('repository') && s.includes('not found')
  )
    return new GitError('E_GIT_REMOTE', dir, `${dir}: ${what}: the remote cannot be reached (${said}). Check the remote name and URL (git remote -v) and that the server is up.`, stderr);
  if (
    s.includes('unknown revision') ||
    s.includes('bad revision') ||
    s.includes('not a valid object name') ||
    s.includes('needed a single revision') ||
    s.includes('not a valid commit') ||
    s.includes('invalid reference')
  )
    return new GitError('E_GIT_UNKNOWN_REV', dir, `${dir}: ${what}: unknown revision or branch (${said}). Check the name with \`git branch -a\` or \`git log\`.`, stderr);
  if (s.includes('does not exist in') || s.includes('exists on disk, but not in') || (s.includes('pathspec') && s.includes('did not match')))
    return new GitError('E_GIT_PATH_NOT_FOUND', dir, `${dir}: ${what}: ${said}. Check the path (relative to the repository root, with /) and the revision.`, stderr);
  return new GitError('E_GIT', dir, `${dir}: ${what} failed: ${said || 'git gave no message'}.`, stderr);
}
