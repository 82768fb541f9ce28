/** `shelfmark build`: the static site and its search index into dist/. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('build')
    .description('build the static site (Astro) and its search index (Pagefind) into dist/')
    .option('--catalog <dir>', 'the catalogue to build', 'catalog')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--include-embargoed', 'internal build: embargoed datasets get pages too (never publish it)')
    .addHelpText(
      'after',
      `
Examples:
  $ shelfmark build                                   the public site of catalog/ into dist/
  $ shelfmark build --include-embargoed --out internal  an internal preview with embargoed datasets
  $ shelfmark build --catalog .bench/synthetic-10000    another catalogue`,
    )
    .action(async (opts: { catalog: string; out: string; includeEmbargoed?: boolean }) => {
      const { existsSync } = await import('node:fs');
      const { join, resolve } = await import('node:path');
      if (!existsSync(join(opts.catalog, 'config.json'))) {
        process.stderr.write(
          `shelfmark build: ${join(opts.catalog, 'config.json')} not found. Expected a catalogue folder holding config.json; pass it with --catalog <dir>.\n`,
        );
        process.exitCode = 2;
        return;
      }
      const { buildSite, BuildError } = await import('../../site/build.ts');
      const t0 = performance.now();
      let report;
      try {
        report = await buildSite({
          catalog: resolve(opts.catalog),
          outDir: resolve(opts.out),
          includeEmbargoed: opts.includeEmbargoed ?? false,
          log: (m) => process.stderr.write(`${m}\n`),
        });
      } catch (err) {
        if (!(err instanceof BuildError)) throw err;
        process.stderr.write(`shelfmark build: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      for (const n of report.notes) process.stderr.write(`note: ${n}\n`);
      for (const p of report.problems) process.stderr.write(`${join(opts.catalog, p.rel)}: skipped: ${p.message}. Run "shelfmark validate" for details.\n`);
      for (const p of report.exports.problems) process.stderr.write(`${p.pid}: export ${p.file} failed: ${p.message}\n`);
      if (report.oai) process.stderr.write(`OAI-PMH static repository: ${report.oai.records} records in ${report.oai.file}\n`);
      for (const p of report.oai?.problems ?? []) process.stderr.write(`${p.identifier}: left out of the OAI-PMH static repository: ${p.message}\n`);
      for (const p of report.search.skipped) process.stderr.write(`${join(opts.catalog, p.rel)}: left out of search: ${p.message}\n`);
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      const t = report.timings;
      process.stderr.write(`Steps: index ${t.index} s, Astro ${t.astro} s, search ${t.search} s and exports with OAI ${t.exports} s (both beside Astro)\n`);
      process.stdout.write(
        `Built ${report.datasets} dataset pages${opts.includeEmbargoed ? ' (internal build, embargoed included)' : ''}, ` +
          `${report.tombstones} tombstones, ${report.exports.files} export files and ${report.search.shards.length} search shards ` +
          `into ${report.outDir} in ${secs} s.\n`,
      );
      if (report.exports.problems.length > 0) process.exitCode = 1;
    });
}
