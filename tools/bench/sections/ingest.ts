/**
 * Benchmark section "ingest": throughput of `ingest` over 1,000 files made by
 * repeating the real corpus (../shared/corpus), text formats (SES .txt, Prodigy
 * .xy, VAMAS, SpecsLab2 XML) and binary ones (Igor .ibw/.pxt, NeXus) apart.
 * Each run starts from a fresh copy of the example catalogue; a second pass
 * measures re-ingest of unchanged sources. Goal (issue #4): ≥ 200 files/s for
 * text formats.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BenchContext, Row, Section, SectionReport } from '../context.ts';

const FILES = 1000;
const GOAL_FILES_PER_S = 200;

const SETS: Record<string, string[]> = {
  text: [
    'scienta-ses/Ag_0001.txt',
    'scienta-ses/Cu-HHTP_0001.txt',
    'scienta-ses/Cu-HHTP_0003.txt',
    'specs-prodigy/MgFe2O4_small.xy',
    'specs-prodigy/In-situ_PBTTT_XPS_SPECS.xml',
    'other/regular.vms',
  ],
  binary: ['scienta-ses/Ag_0001Ag__001.ibw', 'scienta-ses/MERLIN_9.pxt', 'nexus/writer_1_3.h5', 'nexus/NXxas.hdf5', 'nexus/Therm_6_2.nxs'],
};

/** `n` files from `files`, one copy of the set per sub-folder (same names in one folder would be one acquisition). */
async function makeInput(corpus: string, files: string[], n: number, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (let i = 0; i < n; i++) {
    const rep = join(dir, `rep-${String(Math.floor(i / files.length)).padStart(4, '0')}`);
    if (i % files.length === 0) await mkdir(rep, { recursive: true });
    const f = files[i % files.length]!;
    await copyFile(join(corpus, f), join(rep, basename(f)));
  }
}

interface StepRun {
  ms: number;
  /** CPU time of the process (user + system): the figure that load from other processes does not inflate. */
  cpuMs: number;
  files: number;
  records: number;
  errors: number;
  unchanged: number;
  firstError?: unknown;
}

export const section: Section = {
  name: 'ingest',
  description: `ingest throughput (files/s) over ${FILES} files repeated from the corpus, text and binary formats, first run and unchanged re-run`,
  async run(ctx: BenchContext): Promise<SectionReport> {
    const corpus = join(ctx.repoRoot, '../shared/corpus');
    if (!existsSync(join(corpus, 'scienta-ses'))) return { rows: [{ result: `skipped: corpus not found at ${corpus}` }] };
    const { corpusCatalog } = await import('../../ingest/test-utils/corpus.ts');
    const rows: Row[] = [];
    const goals: NonNullable<SectionReport['goals']> = [];
    const details: Record<string, unknown> = {};
    for (const [name, files] of Object.entries(SETS)) {
      const base = join(ctx.benchDir, 'ingest', name);
      const input = join(base, 'input');
      const catalog = join(base, 'catalog');
      ctx.log(`  [ingest ${name}] making ${FILES} input files ...`);
      await makeInput(corpus, files, FILES, input);
      await rm(catalog, { recursive: true, force: true });
      await corpusCatalog(catalog);
      ctx.log(`  [ingest ${name}] ingesting ...`);
      const m = await ctx.measureNode(join(ctx.repoRoot, 'tools/bench/steps/ingest.ts'), [input, catalog]);
      const line = m.stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (m.exitCode !== 0 || !line) {
        rows.push({ formats: name, run: 'first', result: `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` });
        continue;
      }
      const out = JSON.parse(line) as { importMs: number; first: StepRun; second: StepRun; loadavg: number[] };
      for (const [run, r] of [['first', out.first], ['unchanged', out.second]] as const) {
        rows.push({
          formats: name,
          run,
          files: r.files,
          records: r.records,
          errors: r.errors,
          'ingest s': +(r.ms / 1000).toFixed(2),
          'files/s': Math.round(r.files / (r.ms / 1000)),
          'files/cpu-s': Math.round(r.files / (r.cpuMs / 1000)),
          'import s': +(out.importMs / 1000).toFixed(2),
          'peak MB': Math.round(m.peakRssBytes / 1024 ** 2),
          load: +(out.loadavg[0] ?? 0).toFixed(1),
        });
      }
      details[name] = out;
      if (name === 'text') {
        const fps = out.first.files / (out.first.ms / 1000);
        const cpuFps = out.first.files / (out.first.cpuMs / 1000);
        goals.push({
          goal: `ingest text formats at >= ${GOAL_FILES_PER_S} files/s`,
          met: fps >= GOAL_FILES_PER_S,
          detail: `${Math.round(fps)} files/s wall, ${Math.round(cpuFps)} files per CPU-second, over ${out.first.files} files (1-min load average ${(out.loadavg[0] ?? 0).toFixed(1)})`,
        });
      }
    }
    return { rows, goals, details };
  },
};
