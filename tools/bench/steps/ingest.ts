/**
 * Benchmark step run in its own process: `ingest` of a folder into a catalogue,
 * twice (the second run finds every source unchanged). Prints one JSON line with
 * the import time and each run's time and counts.
 *
 *   node tools/bench/steps/ingest.ts <inputDir> <catalogDir>
 */
export {};

const [input, catalog] = process.argv.slice(2);
if (!input || !catalog) {
  console.error('usage: ingest.ts <inputDir> <catalogDir>');
  process.exitCode = 2;
} else {
  const t0 = performance.now();
  const { ingest } = await import('../../ingest/ingest.ts');
  await import('../../ingest/translators/index.ts');
  const importMs = performance.now() - t0;
  const run = async () => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const s = await ingest([input], { catalogRoot: catalog });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, files: s.files, records: s.records.length, errors: s.errors.length, unchanged: s.records.filter((r) => r.status === 'unchanged').length, firstError: s.errors[0] };
  };
  const first = await run();
  const second = await run();
  const { loadavg } = await import('node:os');
  console.log(JSON.stringify({ step: 'ingest', importMs, first, second, loadavg: loadavg() }));
}
