/**
 * `shelfmark check --base <rev>`: the guards CI runs on every pull request.
 * Fails when a change alters a published (DOI) record or a raw dataset past its
 * grace period outside the curation fields, deletes a DOI record, or moves a
 * record; reports an early embargo lift as a warning.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';

function parseDate(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected an ISO date such as 2026-01-31');
  return d;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('guards for a pull request: published records and old raw data change only in curation fields, DOI records are not deleted, ids and paths never move')
    .requiredOption('--base <rev>', 'the branch the change goes into, e.g. origin/main (its merge base with --head is used)')
    .option('--head <rev>', 'the revision with the change', 'HEAD')
    .option('--root <dir>', 'the catalogue folder inside the repository', 'catalog')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--now <date>', 'the date grace periods and embargoes are checked against (default: now)', parseDate)
    .addHelpText(
      'after',
      `
The rules come from catalog/config.json at the base revision: curationFields
(JSON pointers that stay editable) and rawGracePeriodDays.

Exit status: 0 when no guard refused the change (warnings allowed), 1 when one
did, 2 when a revision or the repository is wrong.
With GITHUB_ACTIONS=true, text output is followed by GitHub annotations.

Examples:
  $ shelfmark check --base origin/main
  $ shelfmark check --base main --head curate/fix-units --format json`,
    )
    .action(async (opts: { base: string; head: string; root: string; format: 'text' | 'json' | 'github'; now?: Date }) => {
      const { openRepo, GitError } = await import('../../git/git.ts');
      const { checkGuards } = await import('../../curate/guards/check.ts');
      const { formatGithub, formatJson, formatText } = await import('../format/findings.ts');
      const { hasErrors } = await import('../../core/findings.ts');
      const { relative, resolve } = await import('node:path');
      let repo;
      try {
        repo = await openRepo(process.cwd());
        const root = relative(repo.dir, resolve(opts.root)).split('\\').join('/');
        const res = await checkGuards(repo, { base: opts.base, head: opts.head, root, ...(opts.now ? { now: opts.now } : {}) });
        const stats = { files: res.stats.files, records: res.stats.records };
        if (opts.format === 'json') process.stdout.write(formatJson(res.findings, { ...stats, from: res.from, head: res.head }));
        else if (opts.format === 'github') process.stdout.write(formatGithub(res.findings));
        else {
          const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
          process.stdout.write(formatText(res.findings, stats, { color }));
          if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write(formatGithub(res.findings));
        }
        process.exitCode = hasErrors(res.findings) ? 1 : 0;
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        process.stderr.write(`shelfmark check: ${err.message} [${err.code}]\n`);
        process.exitCode = 2;
      } finally {
        repo?.close();
      }
    });
}
