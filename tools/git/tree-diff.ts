/**
 * Differences between two git trees, read with isomorphic-git. Subtrees with
 * the same id are skipped without reading them, so a commit that touches one
 * record in a catalogue of 100,000 reads only the trees on that record's path.
 * Renames are paired when a deleted and an added file have the same blob
 * (git's exact-rename pass; similar-content pairing is left to the cli engine).
 */
import * as fs from 'node:fs';
import git from 'isomorphic-git';
import { isUnder } from './tombstones.ts';

/** A file changed between two trees. */
export interface TreeChange {
  path: string;
  status: 'A' | 'M' | 'D' | 'R';
  oldPath?: string;
}

interface Ctx {
  fs: typeof fs;
  dir: string;
  cache: object;
}

interface Raw {
  path: string;
  status: 'A' | 'M' | 'D';
  oid: string;
}

/**
 * The files that differ between tree `a` and tree `b` (either may be absent:
 * everything is added or deleted), limited to `filters` (folders or files;
 * empty means everything). Order: git's tree order, renames last.
 */
export async function diffTrees(ctx: Ctx, a: string | undefined, b: string | undefined, filters: string[]): Promise<TreeChange[]> {
  const raw: Raw[] = [];
  const wantDir = (d: string) => filters.length === 0 || filters.some((f) => f === '' || isUnder(d, f) || isUnder(f, d));
  const wantFile = (p: string) => filters.length === 0 || filters.some((f) => isUnder(p, f));

  const read = async (oid: string | undefined) =>
    oid === undefined ? [] : (await git.readTree({ ...ctx, oid })).tree;

  const walk = async (ta: string | undefined, tb: string | undefined, prefix: string): Promise<void> => {
    if (ta === tb) return;
    const [ea, eb] = await Promise.all([read(ta), read(tb)]);
    const byName = new Map<string, { a?: (typeof ea)[number]; b?: (typeof eb)[number] }>();
    for (const e of ea) byName.set(e.path, { a: e });
    for (const e of eb) byName.set(e.path, { ...byName.get(e.path), b: e });
    for (const [name, { a: x, b: y }] of byName) {
      if (x && y && x.oid === y.oid && x.mode === y.mode) continue;
      const path = prefix ? `${prefix}/${name}` : name;
      const xTree = x?.type === 'tree';
      const yTree = y?.type === 'tree';
      if ((xTree || yTree) && wantDir(path)) await walk(xTree ? x!.oid : undefined, yTree ? y!.oid : undefined, path);
      const xFile = x && !xTree ? x : undefined;
      const yFile = y && !yTree ? y : undefined;
      if (!wantFile(path)) continue;
      if (xFile && yFile) raw.push({ path, status: 'M', oid: yFile.oid });
      else if (xFile) raw.push({ path, status: 'D', oid: xFile.oid });
      else if (yFile) raw.push({ path, status: 'A', oid: yFile.oid });
    }
  };
  await walk(a, b, '');
  return pairRenames(raw);
}

/** Turns a deletion and an addition of the same blob into one rename. */
function pairRenames(raw: Raw[]): TreeChange[] {
  const deleted = new Map<string, Raw[]>();
  for (const r of raw) if (r.status === 'D') deleted.set(r.oid, [...(deleted.get(r.oid) ?? []), r]);
  if (deleted.size === 0) return raw.map(({ path, status }) => ({ path, status }));
  const renamedFrom = new Map<Raw, string>();
  const used = new Set<Raw>();
  for (const r of raw) {
    if (r.status !== 'A') continue;
    const d = deleted.get(r.oid)?.find((x) => !used.has(x));
    if (!d) continue;
    used.add(d);
    renamedFrom.set(r, d.path);
  }
  const out: TreeChange[] = [];
  for (const r of raw) {
    if (used.has(r)) continue;
    const from = renamedFrom.get(r);
    out.push(from === undefined ? { path: r.path, status: r.status } : { path: r.path, status: 'R', oldPath: from });
  }
  return out;
}
