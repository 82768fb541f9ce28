/**
 * The default author of an annotation: git's user.name where the catalogue
 * lives, the same name the proposing commit will carry. The email is left out
 * on purpose: annotations are published, and an address is not ours to publish.
 */
import { execFile } from 'node:child_process';

/** git's `user.name` in `dir`, or undefined when git has none (or is missing). */
export function gitUserName(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', 'user.name'], { cwd: dir, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout) => {
      const name = stdout.trim();
      resolve(err || !name ? undefined : name);
    });
  });
}
