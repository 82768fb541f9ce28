/**
 * The deterministic name of a proposal branch: `curate/` plus the first 10
 * hex digits of the SHA-1 over the changed paths and their new contents
 * (sorted by path; a deleted file counts as "deleted"). The same changes made
 * twice give the same branch, so a proposal is never opened twice under two
 * names; different changes give different branches. Pure.
 */
import { createHash } from 'node:crypto';

/** `content` is the file's new bytes or text, or null when the change deletes it. */
export function proposalBranch(changes: readonly { path: string; content: string | Uint8Array | null }[]): string {
  const h = createHash('sha1');
  for (const c of [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const digest = c.content === null ? 'deleted' : createHash('sha1').update(c.content).digest('hex');
    h.update(`${c.path}\0${digest}\n`);
  }
  return `curate/${h.digest('hex').slice(0, 10)}`;
}
