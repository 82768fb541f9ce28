/** `shelfmark watch`: a daemon that ingests files as instruments write them, and commits and pushes batches. */
import type { Command } from 'commander';

interface WatchCliOptions {
  catalog: string;
  remote: string;
  batchFiles: string;
  batchSeconds: string;
  stabilityMs: string;
  journal?: string;
  base?: string;
  polling?: boolean;
}

const positive = (name: string, v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, found "${v}"`);
  return n;
};

export function register(program: Command): void {
  program
    .command('watch')
    .description('watch a folder: ingest each finished file, commit a batch every N files or T seconds on ingest/<instrument>/<date>, push it')
    .argument('<folder>', 'the folder instruments write into (watched recursively)')
    .option('--catalog <dir>', 'the catalogue root, inside a git clone', 'catalog')
    .option('--remote <name>', 'git remote to push the branches to', 'origin')
    .option('--batch-files <n>', 'commit when this many files are waiting', '20')
    .option('--batch-seconds <t>', 'commit at most this many seconds after the first file of a batch', '30')
    .option('--stability-ms <ms>', 'a file is complete when its size has not changed for this long', '2000')
    .option('--journal <file>', 'the state journal (default: inside the catalogue repository .git)')
    .option('--base <branch>', 'the branch new ingest branches start from (default: the checked-out branch, or main)')
    .option('--polling', 'poll the file system (for network file systems without change events)')
    .addHelpText(
      'after',
      `
Logs are JSON lines (pino) on stdout. SIGTERM or Ctrl-C ingests, commits and pushes the waiting
batch, then exits 0. After a crash, a restart ingests whatever was seen but not committed.

Examples:
  $ shelfmark watch /data/incoming --catalog /srv/catalogue/catalog
  $ shelfmark watch /mnt/beamline --polling --batch-files 50 --batch-seconds 60`,
    )
    .action(async (folder: string, opts: WatchCliOptions) => {
      const { resolve } = await import('node:path');
      const { existsSync } = await import('node:fs');
      let batchFiles: number, batchSeconds: number, stabilityMs: number;
      try {
        batchFiles = positive('--batch-files', opts.batchFiles);
        batchSeconds = positive('--batch-seconds', opts.batchSeconds);
        stabilityMs = positive('--stability-ms', opts.stabilityMs);
      } catch (err) {
        process.stderr.write(`shelfmark watch: ${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      if (!existsSync(folder)) {
        process.stderr.write(`shelfmark watch: ${folder} does not exist. Create it, or pass the folder the instruments write into.\n`);
        process.exitCode = 2;
        return;
      }
      const { loadSettings, SettingsError } = await import('../../ingest/settings.ts');
      try {
        await loadSettings(resolve(opts.catalog)); // fail now, not at the first batch
      } catch (err) {
        if (!(err instanceof SettingsError)) throw err;
        process.stderr.write(`shelfmark watch: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      const { pino } = await import('pino');
      const logger = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 1, sync: true }));
      const { startWatch } = await import('../../ingest/watch/daemon.ts');
      const handle = await startWatch({
        folder,
        catalogRoot: resolve(opts.catalog),
        remote: opts.remote,
        batchFiles,
        batchSeconds,
        stabilityMs,
        ...(opts.journal ? { journalPath: resolve(opts.journal) } : {}),
        ...(opts.base ? { base: opts.base } : {}),
        polling: opts.polling ?? false,
        logger,
      });
      let stopping: Promise<void> | undefined;
      const stop = (signal: string) => {
        logger.info({ event: 'signal', signal });
        stopping ??= handle.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            logger.fatal({ event: 'stop.failed', error: (err as Error).message });
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      await handle.ready;
      // The daemon runs until a signal: chokidar keeps the event loop alive.
    });
}
