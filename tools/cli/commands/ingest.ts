/** `shelfmark ingest`: instrument files and folders into dataset records. */
import type { Command } from 'commander';

interface IngestCliOptions {
  catalog: string;
  commit?: boolean;
  dryRun?: boolean;
  force?: boolean;
  format: string;
  verbose?: boolean;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read instrument files (SES, Igor, Prodigy, SpecsLab, VAMAS, NeXus) and write one dataset record per measurement')
    .argument('<paths...>', 'files or folders (walked recursively)')
    .option('--catalog <dir>', 'the catalogue root (holding config.json)', 'catalog')
    .option('--commit', 'commit the batch on branch ingest/<instrument>/<yyyy-mm-dd>')
    .option('--dry-run', 'show what would be written, write nothing')
    .option('--force', 'rewrite records even when their source files are unchanged')
    .option('--format <format>', 'text or json', 'text')
    .option('--verbose', 'list every warning and skipped file')
    .addHelpText(
      'after',
      `
Examples:
  $ shelfmark ingest /data/20240017/raw                 new and changed measurements into catalog/
  $ shelfmark ingest --dry-run Ag_0001.txt              what the record would be, nothing written
  $ shelfmark ingest --commit /data/20240017            one commit on ingest/<instrument>/<today>
  $ shelfmark ingest --format json /data/x > report.json`,
    )
    .action(async (paths: string[], opts: IngestCliOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        process.stderr.write(`shelfmark ingest: --format must be text or json, found "${opts.format}".\n`);
        process.exitCode = 2;
        return;
      }
      const { resolve } = await import('node:path');
      const { readFile } = await import('node:fs/promises');
      const { ingest } = await import('../../ingest/ingest.ts');
      const { SettingsError } = await import('../../ingest/settings.ts');
      const version = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')).version as string;
      // A progress bar only for people watching a terminal, never in CI logs or pipes.
      const tty = process.stderr.isTTY && !process.env.CI && opts.format === 'text';
      let bar: { start(total: number, v: number): void; update(v: number): void; stop(): void } | undefined;
      let started = false;
      if (tty) {
        const { SingleBar, Presets } = (await import('cli-progress')).default;
        bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} files', clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
      }
      let summary;
      try {
        summary = await ingest(paths, {
          catalogRoot: resolve(opts.catalog),
          dryRun: opts.dryRun ?? false,
          commit: opts.commit ?? false,
          force: opts.force ?? false,
          toolVersion: version,
          onFile: (done, total) => {
            if (!bar || total < 20) return;
            if (!started) bar.start(total, 0), (started = true);
            bar.update(done);
          },
        });
      } catch (err) {
        if (err instanceof SettingsError) {
          process.stderr.write(`shelfmark ingest: ${err.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      } finally {
        if (started) bar?.stop();
      }
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      } else {
        const { formatIngestText } = await import('../format/ingest-summary.ts');
        const { out, err } = formatIngestText(summary, { verbose: opts.verbose ?? false });
        if (err.length) process.stderr.write(`${err.join('\n')}\n`);
        process.stdout.write(`${out.join('\n')}\n`);
      }
      if (summary.errors.length > 0) process.exitCode = 1;
    });
}
