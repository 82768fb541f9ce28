/** `shelfmark embargo <pid> --until <date> | --lift`: set or lift a dataset's embargo, validated before the write. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('embargo')
    .description("put a dataset's files under embargo until a date, or lift the embargo (the files become public)")
    .argument('<pid>', 'the dataset pid, e.g. 20.500.12345/20240017/xps-0001')
    .option('--until <date>', 'embargo end, YYYY-MM-DD (or a date-time with offset); must lie in the future')
    .option('--lift', 'end the embargo now: access becomes public')
    .option('--reason <text>', 'why access is embargoed, shown on the landing page')
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addHelpText(
      'after',
      `
Lifting an embargo before its date is allowed; the command says how early, and
\`shelfmark check\` reports it on the pull request.

Examples:
  $ shelfmark embargo 20.500.12345/20240017/xps-0001 --until 2028-01-01
  $ shelfmark embargo 20.500.12345/20240017/xps-0001 --lift`,
    )
    .action(async (pid: string, opts: { until?: string; lift?: boolean; reason?: string; root: string }) => {
      const { setEmbargo } = await import('../../curate/embargo.ts');
      const { formatKnownError, formatSave } = await import('../format/curate.ts');
      try {
        const r = await setEmbargo({ root: opts.root, pid, ...(opts.until !== undefined ? { until: opts.until } : {}), lift: opts.lift ?? false, ...(opts.reason ? { reason: opts.reason } : {}) });
        const what = r.after.status === 'public' ? `embargo lifted on ${pid}` : `${pid} embargoed until ${r.after.embargoedUntil}`;
        const out = formatSave('embargo', what, r, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, catalog: opts.root });
        process.stdout.write(out.out);
        if (r.written && r.liftedEarlyDays !== undefined)
          process.stdout.write(`  note: the embargo was to last until ${r.before?.embargoedUntil}; lifted ${r.liftedEarlyDays} days early. The pull request check will report this.\n`);
        process.stderr.write(out.err);
        process.exitCode = out.exitCode;
      } catch (err) {
        const text = formatKnownError('embargo', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = 2;
      }
    });
}
