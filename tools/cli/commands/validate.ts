/**
 * `shelfmark validate [paths...]`: checks the catalogue and reports findings as
 * text, JSON or GitHub annotations; exit code 1 if there is any error.
 */
import { Command, InvalidArgumentError, Option } from 'commander';

function parseDate(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected an ISO date such as 2026-01-31');
  return d;
}

function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(kb|mb|gb|b)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 10MB, 500kB or 1048576');
  const mult = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(Number(m[1]) * mult);
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('check records against the schemas and the catalogue rules (references, units, profiles, identifiers, layout)')
    .argument('[paths...]', 'files or folders to report on (the whole catalogue is still read, so references resolve)')
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--max-size <size>', 'largest record file accepted', parseSize)
    .option('--now <date>', 'the date embargoes are checked against (default: now)', parseDate)
    .addHelpText(
      'after',
      `
Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors.
With GITHUB_ACTIONS=true, text output is followed by GitHub annotations.

Examples:
  $ shelfmark validate
  $ shelfmark validate catalog/datasets/76 --format json
  $ shelfmark validate --root other/catalog --format github`,
    )
    .action(async (paths: string[], opts: { root: string; format: 'text' | 'json' | 'github'; maxSize?: number; now?: Date }) => {
      const { validateCatalog } = await import('../../validate/validate-catalog.ts');
      const { formatGithub, formatJson, formatText } = await import('../format/findings.ts');
      const { hasErrors } = await import('../../core/findings.ts');
      const { findings, stats } = await validateCatalog({
        root: opts.root,
        paths,
        ...(opts.now ? { now: opts.now } : {}),
        ...(opts.maxSize !== undefined ? { maxBytes: opts.maxSize } : {}),
      });
      if (opts.format === 'json') {
        process.stdout.write(formatJson(findings, stats));
      } else if (opts.format === 'github') {
        process.stdout.write(formatGithub(findings));
      } else {
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        process.stdout.write(formatText(findings, stats, { color }));
        if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write(formatGithub(findings));
      }
      process.exitCode = hasErrors(findings) ? 1 : 0;
    });
}
