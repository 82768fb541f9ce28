/**
 * The "no forge" path of `propose`: what `git request-pull` prints, a
 * summary of the branch that a maintainer can pull (by mail or chat). Runs the
 * git binary directly, as the git module has no request-pull (it is a porcelain
 * text command, not data).
 */
import { execFile } from 'node:child_process';
import { ForgeError } from './forge.ts';

/** Runs `git request-pull <start> <url> <end>` in `dir`; resolves with its text. */
export function requestPull(dir: string, start: string, url: string, end: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['request-pull', start, url, end],
      { cwd: dir, env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err)
          reject(new ForgeError('E_FORGE', `git request-pull ${start} ${url} ${end} failed: ${stderr.trim() || err.message}. Check that ${end} was pushed to ${url}.`));
        else resolve(stdout);
      },
    );
  });
}
