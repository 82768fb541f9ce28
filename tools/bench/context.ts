/**
 * What every benchmark section gets: where to put things, which sizes to run,
 * a cached synthetic catalogue of any size, and a way to measure a child process.
 * Sections live in tools/bench/sections/<name>.ts and export a {@link Section}.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
 * A fingerprint of the generator's sources: a cached catalogue is reused only
 * when it was made by the same code, so a generator change regenerates it.
 */
export async function generatorFingerprint(repoRoot: string): Promise<string> {
  const hash = createHash('sha256');
  const dirs = [join(repoRoot, 'tools/example'), join(repoRoot, 'tools/example/seeds')];
  const files = [join(repoRoot, 'tools/bench/synthetic.ts'), join(repoRoot, 'tools/catalog/write.ts')];
  for (const d of dirs) {
    for (const f of (await readdir(d)).sort()) if (f.endsWith('.ts') && !f.endsWith('.test.ts')) files.push(join(d, f));
  }
  for (const f of files) hash.update(f.slice(repoRoot.length)).update(await readFile(f));
  return hash.digest('hex').slice(0, 12);
}

/** Builds the context for one `npm run bench` run. */
export function createContext(opts: { repoRoot: string; sizes: number[]; seed: number; profile: boolean }): BenchContext {
  const benchDir = join(opts.repoRoot, '.bench');
  const log = (m: string) => process.stderr.write(`${m}\n`);
  return {
    ...opts,
    benchDir,
    log,
    async catalog(n) {
      const fp = await generatorFingerprint(opts.repoRoot);
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
  };
}
