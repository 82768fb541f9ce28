/**
 * `npm run bench`: runs the benchmark sections in tools/bench/sections/*.ts
 * (each exports `section: Section`, see context.ts), prints a table per section
 * and merges the results into `.bench/results.json` (per section and list of sizes).
 *
 *   npm run bench -- [--only validate[,site]] [--sizes 10000,100000] [--seed 1] [--profile]
 *
 * Adding a section: create tools/bench/sections/<name>.ts exporting `section`;
 * use `ctx.catalog(n)` for a cached synthetic catalogue and `ctx.measureNode`
 * to time a step in its own process.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { writeFileAtomic } from '../catalog/write.ts';
import { createContext, type Section, type SectionReport } from './context.ts';
import { formatTable } from './format.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** Every section module, by name, in file-name order. */
export async function loadSections(): Promise<Section[]> {
  const dir = join(repoRoot, 'tools/bench/sections');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const sections: Section[] = [];
  for (const f of files) {
    const mod = (await import(join(dir, f))) as { section?: Section };
    if (!mod.section) throw new Error(`tools/bench/sections/${f} does not export \`section\` (see tools/bench/context.ts)`);
    sections.push(mod.section);
  }
  return sections;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      sizes: { type: 'string', default: '10000,100000' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const sections = await loadSections();
  if (values.help) {
    console.log('Usage: npm run bench -- [--only <section>[,<section>]] [--sizes 10000,100000] [--seed 1] [--profile]\n\nSections:');
    for (const s of sections) console.log(`  ${s.name.padEnd(12)} ${s.description}`);
    return;
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`--sizes: expected positive integers separated by commas, such as 10000,100000; found "${values.sizes}"`);
    process.exitCode = 2;
    return;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error(`--seed: expected an integer, found "${values.seed}"`);
    process.exitCode = 2;
    return;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((o) => !sections.some((s) => s.name === o)) ?? [];
  if (unknown.length > 0) {
    console.error(`--only: no section named ${unknown.map((u) => `"${u}"`).join(', ')}. Sections: ${sections.map((s) => s.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const ctx = createContext({ repoRoot, sizes, seed, profile: values.profile });
  await mkdir(ctx.benchDir, { recursive: true });
  const resultsPath = join(ctx.benchDir, 'results.json');
  let results: { host?: unknown; sections: Record<string, unknown> } = { sections: {} };
  try {
    results = JSON.parse(await readFile(resultsPath, 'utf8')) as typeof results;
  } catch {
    // first run, or an unreadable file we replace
  }
  results.host = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version, platform: process.platform };
  let failedGoals = 0;
  for (const s of sections.filter((x) => !only || only.includes(x.name))) {
    ctx.log(`section ${s.name}: ${s.description}`);
    const t0 = performance.now();
    let report: SectionReport;
    try {
      report = await s.run(ctx);
    } catch (err) {
      console.error(`section ${s.name} failed: ${(err as Error).message}`);
      process.exitCode = 1;
      continue;
    }
    console.log(`\n## ${s.name}\n\n${formatTable(report.rows)}`);
    for (const g of report.goals ?? []) {
      console.log(`${g.met ? 'MET   ' : 'MISSED'} ${g.goal}${g.detail ? ` (${g.detail})` : ''}`);
      if (!g.met) failedGoals += 1;
    }
    // Keyed by the sizes run, so a quick `--sizes 1000` check does not overwrite the 100,000 figures.
    let previous = (results.sections[s.name] ?? {}) as Record<string, unknown>;
    if ('rows' in previous) previous = {}; // written before results were keyed by sizes
    results.sections[s.name] = {
      ...previous,
      [`sizes=${sizes.join(',')}`]: { time: new Date().toISOString(), sizes, seed, seconds: (performance.now() - t0) / 1000, ...report },
    };
    await writeFileAtomic(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(`\nResults written to ${resultsPath}${failedGoals ? `; ${failedGoals} goal(s) missed` : ''}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
