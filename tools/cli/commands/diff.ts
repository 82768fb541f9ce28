/**
 * `shelfmark diff <base> <head>`: the semantic diff of the catalogue between
 * two git revisions, as Markdown (for a pull request comment) or JSON.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number such as 50');
  return n;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('semantic diff of the catalogue between two git revisions: fields added, removed and changed (with units), new and removed records, and their validation status')
    .argument('<base>', 'the revision the change is measured from (a branch, tag or sha; its merge base with <head> is used, as in a pull request)')
    .argument('[head]', 'the revision with the change', 'HEAD')
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('--limit <n>', 'records shown in full (records with validation errors first); the summary always counts all', parseLimit, 50)
    .option('--root <dir>', 'the catalogue folder inside the repository', 'catalog')
    .addHelpText(
      'after',
      `
Exit status: 0 when the diff was made (whatever it contains), 2 when a revision or the repository is wrong.

Examples:
  $ shelfmark diff main                          the current branch against main, as Markdown
  $ shelfmark diff origin/main HEAD --format json
  $ shelfmark diff v1.0 v1.1 --limit 200 > changes.md`,
    )
    .action(async (base: string, head: string, opts: { format: 'markdown' | 'json'; limit: number; root: string }) => {
      const { openRepo, GitError } = await import('../../git/git.ts');
      const { diffCatalog } = await import('../../curate/diff/catalog-diff.ts');
      const { relative, resolve } = await import('node:path');
      let repo;
      try {
        repo = await openRepo(process.cwd());
        const root = relative(repo.dir, resolve(opts.root)).split('\\').join('/');
        const diff = await diffCatalog(repo, { base, head, root, detail: opts.limit });
        if (opts.format === 'json') {
          const { diffToJson } = await import('../../curate/diff/json.ts');
          process.stdout.write(diffToJson(diff, { limit: opts.limit }));
        } else {
          const { diffToMarkdown } = await import('../../curate/diff/markdown.ts');
          process.stdout.write(diffToMarkdown(diff, { limit: opts.limit }));
        }
        process.exitCode = 0;
      } catch (err) {
        if (!(err instanceof GitError)) throw err;
        process.stderr.write(`shelfmark diff: ${err.message} [${err.code}]\n`);
        process.exitCode = 2;
      } finally {
        repo?.close();
      }
    });
}
