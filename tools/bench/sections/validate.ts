/**
 * Benchmark section "validate": for each size, the floor (read every file and
 * JSON.parse it) and `validateCatalog` (schemas and cross-record rules), each in
 * its own process so peak memory is per step. Goal (issue #2): 100,000 datasets
 * validated within 3× the floor, in under 60 s, with peak memory under 2 GB.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, Row, Section, SectionReport } from '../context.ts';
import { summariseProfile } from '../profile.ts';

const GOAL_SIZE = 100_000;
const GOAL_RATIO = 3;
const GOAL_SECONDS = 60;
const GOAL_BYTES = 2 * 1024 ** 3;

interface StepOutput {
  ms?: number;
  files?: number;
  errors?: number;
  warnings?: number;
  codes?: Record<string, number>;
  stats?: unknown;
  sample?: unknown[];
}

function lastJsonLine(stdout: string): StepOutput {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) return {};
  try {
    return JSON.parse(line) as StepOutput;
  } catch {
    return {};
  }
}

const mb = (b: number) => Math.round(b / 1024 ** 2);

export const section: Section = {
  name: 'validate',
  description: 'validateCatalog against the floor (read + JSON.parse every file), wall time and peak RSS of the process tree',
  async run(ctx: BenchContext): Promise<SectionReport> {
    const rows: Row[] = [];
    const goals: NonNullable<SectionReport['goals']> = [];
    const details: Record<string, unknown> = {};
    const floorScript = join(ctx.repoRoot, 'tools/bench/steps/floor.ts');
    const validateScript = join(ctx.repoRoot, 'tools/bench/steps/validate.ts');
    const haveValidator = existsSync(join(ctx.repoRoot, 'tools/validate/validate-catalog.ts'));
    for (const n of ctx.sizes) {
      const dir = await ctx.catalog(n);
      ctx.log(`  [validate n=${n}] warming the page cache ...`);
      await ctx.measureNode(floorScript, [dir]);
      ctx.log(`  [validate n=${n}] floor ...`);
      const floor = await ctx.measureNode(floorScript, [dir]);
      const floorOut = lastJsonLine(floor.stdout);
      const files = floorOut.files ?? 0;
      rows.push({
        datasets: n,
        step: 'floor',
        'wall s': +(floor.wallMs / 1000).toFixed(2),
        'files/s': Math.round(files / (floor.wallMs / 1000)),
        'peak MB': mb(floor.peakRssBytes),
        'x floor': 1,
        result: floor.exitCode === 0 ? `${files} files` : `exit ${floor.exitCode}: ${floor.stderr.slice(0, 200)}`,
      });
      if (!haveValidator) {
        rows.push({ datasets: n, step: 'validate', 'wall s': null, 'files/s': null, 'peak MB': null, 'x floor': null, result: 'validator not present yet' });
        continue;
      }
      ctx.log(`  [validate n=${n}] validateCatalog ...`);
      const profDir = join(ctx.benchDir, 'profiles', `validate-${n}`);
      if (ctx.profile) {
        await rm(profDir, { recursive: true, force: true });
        await mkdir(profDir, { recursive: true });
      }
      const v = await ctx.measureNode(validateScript, [dir], ctx.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
      const out = lastJsonLine(v.stdout);
      const ratio = v.wallMs / floor.wallMs;
      rows.push({
        datasets: n,
        step: 'validate',
        'wall s': +(v.wallMs / 1000).toFixed(2),
        'files/s': Math.round(files / (v.wallMs / 1000)),
        'peak MB': mb(v.peakRssBytes),
        'x floor': +ratio.toFixed(2),
        result:
          v.exitCode === 0
            ? `${out.errors ?? '?'} errors, ${out.warnings ?? '?'} warnings`
            : `exit ${v.exitCode}: ${v.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`,
      });
      details[`validate-${n}`] = { codes: out.codes, stats: out.stats, sample: out.sample, internalMs: out.ms };
      if (ctx.profile) {
        const threads = await summariseProfile(profDir, ctx.repoRoot, 20);
        details[`profile-${n}`] = threads;
        for (const t of threads) {
          ctx.log(`  [validate n=${n}] ${t.file}: ${t.sampledMs} ms sampled; top self time:`);
          for (const h of t.hotspots.slice(0, 8)) ctx.log(`      ${String(h.selfMs).padStart(7)} ms ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.function} ${h.location}`);
        }
      }
      if (n === GOAL_SIZE) {
        goals.push(
          { goal: `validate ${GOAL_SIZE} datasets within ${GOAL_RATIO}x the floor`, met: ratio <= GOAL_RATIO, detail: `${ratio.toFixed(2)}x` },
          { goal: `validate ${GOAL_SIZE} datasets in under ${GOAL_SECONDS} s`, met: v.wallMs < GOAL_SECONDS * 1000, detail: `${(v.wallMs / 1000).toFixed(1)} s` },
          { goal: 'peak memory under 2 GB', met: v.peakRssBytes < GOAL_BYTES, detail: `${mb(v.peakRssBytes)} MB` },
          { goal: 'the synthetic catalogue validates clean', met: v.exitCode === 0 && out.errors === 0, detail: `${out.errors ?? '?'} errors` },
        );
      }
    }
    return { rows, goals, details };
  },
};
