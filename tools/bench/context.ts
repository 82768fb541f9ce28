/**
 * What every benchmark section gets: where to put things, which sizes to run,
 * a cached synthetic catalogue of any size, and a way to measure a child process.
 * Sections live in tools/bench/sections/<name>.ts and export a {@link Section}.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkCatalog } from '../catalog/read.ts';
import { generateCatalog } from './synthetic.ts';
import { measureChild, type Measurement } from './measure.ts';

export interface BenchContext {
  /** Repository root. */
  repoRoot: string;
  /** `.bench/` under the repository root (git-ignored): caches and results. */
  benchDir: string;
  /** Dataset counts to run, from `--sizes`. */
  sizes: number[];
  seed: number;
  /** Whether to record CPU profiles of the measured steps (`--profile`). */
  profile: boolean;
  /** Prints a progress line to stderr (results go to stdout). */
  log(message: string): void;
  /** The root of a synthetic catalogue of `n` datasets, generated once and cached under `.bench/`. */
  catalog(n: number): Promise<string>;
  /** Runs `node <script> ...args` in a child process and measures it. */
  measureNode(script: string, args: string[], nodeArgs?: string[]): Promise<Measurement>;
  /**
   * Flushes pending writes to disk and reads every file under `dir` once, so
   * that a step and the floor it is compared with both start with `dir` in the
   * page cache and no earlier step's writes still going out.
   */
  settle(dir: string): Promise<void>;
}

/** One printed row of a section's results. */
export type Row = Record<string, string | number | boolean | null>;

export interface SectionReport {
  /** The table printed for the section (and stored in results.json). */
  rows: Row[];
  /** Goals the section checks, each with whether it was met. */
  goals?: { goal: string; met: boolean; detail?: string }[];
  /** Anything else worth keeping in results.json (profiles, raw child output). */
  details?: Record<string, unknown>;
}

export interface Section {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<SectionReport>;
}

/**
 * A fingerprint of what the generator writes: the digest of a small catalogue
 * made with the same seed. A cached catalogue is reused only when the generator
 * still writes the same bytes, so any change to the generator or the example
 * seeds regenerates it, and a pure refactoring does not.
 */
export async function generatorFingerprint(seed: number): Promise<string> {
  const tmp = await mkdtemp(join(tmpdir(), 'shelfmark-fingerprint-'));
  try {
    const dir = join(tmp, 'catalog');
    await generateCatalog({ dir, n: 120, seed, perProposal: 40 });
    const hash = createHash('sha256');
    for await (const f of walkCatalog(dir)) hash.update(f.rel).update(await readFile(f.path));
    return hash.digest('hex').slice(0, 12);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Builds the context for one `npm run bench` run. */
export function createContext(opts: { repoRoot: string; sizes: number[]; seed: number; profile: boolean }): BenchContext {
  const benchDir = join(opts.repoRoot, '.bench');
  const log = (m: string) => process.stderr.write(`${m}\n`);
  let fingerprint: Promise<string> | undefined;
  return {
    ...opts,
    benchDir,
    log,
    async catalog(n) {
      const fp = await (fingerprint ??= generatorFingerprint(opts.seed));
      const dir = join(benchDir, `synthetic-${n}-seed${opts.seed}-${fp}`);
      const marker = join(dir, '.complete');
      if (existsSync(marker)) return dir;
      log(`  generating a synthetic catalogue of ${n.toLocaleString('en')} datasets in ${dir} ...`);
      const t0 = performance.now();
      const res = await generateCatalog({ dir, n, seed: opts.seed });
      await writeFile(marker, JSON.stringify({ ...res, ms: performance.now() - t0 }));
      log(`  generated ${res.files.toLocaleString('en')} files (${(res.bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return dir;
    },
    measureNode(script, args, nodeArgs = []) {
      return measureChild(process.execPath, [...nodeArgs, script, ...args], { cwd: opts.repoRoot });
    },
    async settle(dir) {
      spawnSync('sync');
      const files: string[] = [];
      for await (const f of walkFiles(dir)) files.push(f);
      for (let i = 0; i < files.length; i += 64) await Promise.all(files.slice(i, i + 64).map((f) => readFile(f).catch(() => undefined)));
      spawnSync('sync');
    },
  };
}

/** Every file under `dir`, depth first. */
async function* walkFiles(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walkFiles(p);
    else if (e.isFile()) yield p;
  }
}
