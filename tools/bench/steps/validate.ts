/**
 * Benchmark step run in its own process: `validateCatalog` over a whole
 * catalogue, cross-record rules included. Prints one JSON line: time, how many
 * files, findings by severity and the first few codes (a synthetic catalogue
 * should be clean, so findings point at a generator or validator bug).
 *
 *   node tools/bench/steps/validate.ts <catalogDir>
 */
export {};

const root = process.argv[2];
if (!root) {
  console.error('usage: validate.ts <catalogDir>');
  process.exitCode = 2;
} else {
  const t0 = performance.now();
  const { validateCatalog } = await import('../../validate/validate-catalog.ts');
  const tImport = performance.now();
  const { findings, stats } = await validateCatalog({ root });
  const ms = performance.now() - t0;
  const errors = findings.filter((f) => f.severity === 'error');
  const codes: Record<string, number> = {};
  for (const f of findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  console.log(
    JSON.stringify({
      step: 'validate',
      ms,
      importMs: tImport - t0,
      stats,
      errors: errors.length,
      warnings: findings.length - errors.length,
      codes,
      sample: findings.slice(0, 5),
    }),
  );
}
