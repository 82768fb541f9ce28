/** `shelfmark publish <pids…>`: a draft DOI publication of some datasets (nothing is sent to DataCite yet). */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('publish')
    .description('create a draft DOI publication of one or more public datasets (register it with "shelfmark doi")')
    .argument('<pids...>', 'the dataset pids, e.g. 20.500.12345/20240017/xps-0001')
    .option('--title <text>', 'the title (default: the dataset name, or the proposal title for several datasets)')
    .option('--new-version-of <doi>', 'make a new version of this publication: own DOI, next version number, same concept DOI')
    .option('--suffix <suffix>', 'the DOI suffix to use (default: a random one, with check digits, per config.datacite.doiSuffixPattern)')
    .option('--commit', 'commit the new record(s) with git')
    .option('--branch <name>', 'commit on this branch (created when missing); implies --commit')
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addHelpText(
      'after',
      `
Embargoed and restricted datasets are refused: a DOI must point at data people
may read. The new record is validated before it is written.

Examples:
  $ shelfmark publish 20.500.12345/20240017/xps-0001 20.500.12345/20240017/fit-0001
  $ shelfmark publish --new-version-of 10.5072/4k7q-2m91 20.500.12345/20240017/fit-0002 --branch publish/ag-v2`,
    )
    .action(async (pids: string[], opts: { title?: string; newVersionOf?: string; suffix?: string; commit?: boolean; branch?: string; root: string }) => {
      const { publish } = await import('../../publish/publish.ts');
      const { formatPublish, formatPublishError } = await import('../format/publish.ts');
      try {
        const r = await publish({
          root: opts.root,
          pids,
          ...(opts.title ? { title: opts.title } : {}),
          ...(opts.newVersionOf ? { newVersionOf: opts.newVersionOf } : {}),
          ...(opts.suffix ? { suffix: opts.suffix } : {}),
          ...(opts.commit || opts.branch ? { commit: opts.branch ? { branch: opts.branch } : {} } : {}),
        });
        const out = formatPublish(r, opts.root);
        process.stdout.write(out.out);
        process.stderr.write(out.err);
        process.exitCode = out.exitCode;
      } catch (err) {
        const text = formatPublishError('publish', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = 2;
      }
    });
}
