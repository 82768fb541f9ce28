/**
 * Benchmark step run in its own process: the curation review of one change,
 * `diffCatalog` (read both sides from git, diff, validate at head) plus the
 * Markdown and JSON output, then the guards (`checkGuards`). Prints one JSON line.
 *
 *   node tools/bench/steps/diff.ts <repoDir> <base> <head> [now]
 */
export {};

const [dir, base, head, now] = process.argv.slice(2);
if (!dir || !base || !head) {
  console.error('usage: diff.ts <repoDir> <base> <head> [now]');
  process.exitCode = 2;
} else {
  const t0 = performance.now();
  const { openRepo } = await import('../../git/git.ts');
  const { diffCatalog } = await import('../../curate/diff/catalog-diff.ts');
  const { diffToMarkdown } = await import('../../curate/diff/markdown.ts');
  const { diffToJson } = await import('../../curate/diff/json.ts');
  const { summarise } = await import('../../curate/diff/summary.ts');
  const { checkGuards } = await import('../../curate/guards/check.ts');
  const tImport = performance.now();
  const cpu0 = process.cpuUsage();
  const repo = await openRepo(dir);
  const at = now ? new Date(now) : new Date();
  // As `shelfmark diff` runs it: field changes for the 50 records shown.
  const diff = await diffCatalog(repo, { base, head, now: at, detail: 50 });
  const tDiff = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const md = diffToMarkdown(diff);
  const json = diffToJson(diff);
  const tFormat = performance.now();
  const check = await checkGuards(repo, { base, head, now: at });
  const tCheck = performance.now();
  repo.close();
  const s = summarise(diff);
  const codes: Record<string, number> = {};
  for (const f of check.findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  console.log(
    JSON.stringify({
      step: 'diff',
      importMs: tImport - t0,
      diffMs: tDiff - tImport,
      // This process's CPU time for the diff (the machine may be shared; git's own time is not included).
      diffCpuMs: (cpu.user + cpu.system) / 1000,
      formatMs: tFormat - tDiff,
      checkMs: tCheck - tFormat,
      records: s.records,
      byStatus: s.byStatus,
      validation: s.validation,
      markdownChars: md.length,
      jsonChars: json.length,
      guardFindings: check.findings.length,
      guardCodes: codes,
    }),
  );
}
