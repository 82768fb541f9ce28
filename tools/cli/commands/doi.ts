/** `shelfmark doi register|publish|update|hide <doi>`: bring a publication's DOI at DataCite into a state. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('doi')
    .description('register, publish, update or hide a publication\'s DOI at DataCite (safe to run again)')
    .argument('<action>', 'register (resolvable), publish (findable), update (send the metadata again) or hide (findable → registered)')
    .argument('<doi>', 'the publication DOI, e.g. 10.5072/4k7q-2m91')
    .option('--dry-run', 'print the request DataCite would get, send nothing, write nothing')
    .option('--commit', 'commit the updated record with git')
    .option('--branch <name>', 'commit on this branch (created when missing); implies --commit')
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addHelpText(
      'after',
      `
Credentials come from the environment: DATACITE_USERNAME (the repository id)
and DATACITE_PASSWORD. The endpoint is config.datacite.endpoint, the DataCite
test system (https://api.test.datacite.org) by default.

Every run asks DataCite first: a DOI it knows is updated, never created twice.
If a run stops halfway (DataCite down, a crash), run the same command again.
A findable DOI cannot be deleted; "hide" takes it out of DataCite's search.

Examples:
  $ shelfmark doi publish 10.5072/4k7q-2m91 --dry-run
  $ DATACITE_USERNAME=ABC.XYZ DATACITE_PASSWORD=… shelfmark doi publish 10.5072/4k7q-2m91 --commit`,
    )
    .action(async (action: string, doi: string, opts: { dryRun?: boolean; commit?: boolean; branch?: string; root: string }) => {
      const { doiAction, DOI_ACTIONS } = await import('../../publish/doi.ts');
      const { formatDoi, formatPublishError } = await import('../format/publish.ts');
      if (!(DOI_ACTIONS as readonly string[]).includes(action)) {
        process.stderr.write(`shelfmark doi: unknown action "${action}". Expected one of: ${DOI_ACTIONS.join(', ')}.\n`);
        process.exitCode = 2;
        return;
      }
      try {
        let api;
        if (!opts.dryRun) {
          const { credentialsFromEnv, httpDataciteApi } = await import('../../datacite/client.ts');
          const { readConfig } = await import('../../publish/records.ts');
          const config = await readConfig(opts.root);
          const endpoint = config.datacite?.endpoint ?? 'https://api.test.datacite.org';
          api = httpDataciteApi({
            endpoint,
            ...credentialsFromEnv(),
            onRetry: (i) => process.stderr.write(`  DataCite: ${i.reason}; retry ${i.attempt} in ${(i.delayMs / 1000).toFixed(1)} s\n`),
          });
        }
        const r = await doiAction({
          root: opts.root,
          doi,
          action: action as (typeof DOI_ACTIONS)[number],
          ...(api ? { api } : {}),
          dryRun: opts.dryRun ?? false,
          ...(opts.commit || opts.branch ? { commit: opts.branch ? { branch: opts.branch } : {} } : {}),
        });
        process.stdout.write(formatDoi(r));
      } catch (err) {
        const text = formatPublishError('doi', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = 2;
      }
    });
}
