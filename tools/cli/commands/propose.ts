/** `shelfmark propose`: commit catalogue changes on a branch, push it, and open or update its pull request. */
import type { Command } from 'commander';

interface ProposeCliOptions {
  branch?: string;
  base?: string;
  title?: string;
  remote: string;
  root: string;
  format: string;
  dryRun?: boolean;
}

export function register(program: Command): void {
  program
    .command('propose')
    .description('commit the catalogue changes on a branch, push it and open (or update) its pull request on the configured forge')
    .option('--branch <name>', 'branch name (default: curate/<hash of the changed files>)')
    .option('--base <branch>', 'the branch the pull request targets (default: forge.branch in config.json, else main)')
    .option('--title <text>', 'pull request title (default: the change summary; a title you set is kept on later runs)')
    .option('--remote <name>', 'the git remote to push to', 'origin')
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .option('--format <format>', 'text or json', 'text')
    .option('--dry-run', 'say which branch, commit and pull request it would make; change nothing')
    .addHelpText(
      'after',
      `
Changes under the catalogue folder are committed on a new branch named
curate/<first 10 hex digits of the SHA-1 of the changed paths and contents>
when you are on the base branch, or on the branch you are on (one from ingest,
or an earlier propose). Running propose again on that branch adds a commit and
updates the same pull request. The forge comes from "forge" in config.json;
the token from GITHUB_TOKEN, GITLAB_TOKEN or GITEA_TOKEN. Without a forge,
propose prints what \`git request-pull\` prints.

Examples:
  $ shelfmark edit 20.500.12345/20240017/xps-0001 --set /keywords='["XPS"]'
  $ shelfmark propose --dry-run
  $ GITHUB_TOKEN=… shelfmark propose
  $ shelfmark propose --title "Fix pass energies of proposal 20240017"`,
    )
    .action(async (opts: ProposeCliOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        process.stderr.write(`shelfmark propose: --format must be text or json, found "${opts.format}".\n`);
        process.exitCode = 2;
        return;
      }
      const { readConfigRaw } = await import('../../catalog/read.ts');
      const { forgeFromConfig } = await import('../../forge/index.ts');
      const { propose } = await import('../../curate/propose/propose.ts');
      const { formatKnownError } = await import('../format/curate.ts');
      const { formatPropose } = await import('../format/propose.ts');
      try {
        let config: { forge?: Parameters<typeof forgeFromConfig>[0] } = {};
        try {
          config = (await readConfigRaw(opts.root)) as typeof config;
        } catch (err) {
          process.stderr.write(`shelfmark propose: cannot read ${opts.root}/config.json (${(err as Error).message}). Run from the repository root or pass --root.\n`);
          process.exitCode = 2;
          return;
        }
        const forge = await forgeFromConfig(config.forge);
        const result = await propose({
          root: opts.root,
          base: opts.base ?? config.forge?.branch ?? 'main',
          remote: opts.remote,
          forge,
          ...(opts.branch ? { branch: opts.branch } : {}),
          ...(opts.title ? { title: opts.title } : {}),
          dryRun: opts.dryRun ?? false,
        });
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatPropose(result));
        process.exitCode = 0;
      } catch (err) {
        const text = formatKnownError('propose', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = (err as { code?: string }).code === 'E_CURATE_NO_CHANGES' ? 3 : 1;
      }
    });
}
