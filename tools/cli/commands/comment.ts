/**
 * `shelfmark comment <pr> --body-file <file>`: keeps ONE bot comment on a pull
 * request up to date through the configured forge (the review workflow posts
 * the semantic diff with it, and each push updates the same comment).
 */
import { InvalidArgumentError, type Command } from 'commander';

function parseNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a pull request number such as 42');
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('comment')
    .description('create or update the one Shelfmark comment on a pull request (GitHub, GitLab or Gitea, from config.json "forge")')
    .argument('<pr>', 'the pull request (merge request) number', parseNumber)
    .requiredOption('--body-file <file>', 'the comment in Markdown; - reads standard input')
    // 'diff' is the marker `shelfmark diff` writes and review.yml looks for, so
    // whichever of them posts finds and updates the same comment.
    .option('--marker <name>', 'which Shelfmark comment to keep updated (one per marker)', 'diff')
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addHelpText(
      'after',
      `
The comment carries an invisible marker <!-- shelfmark:<name> -->; the comment
with that marker is edited, or created when there is none. The default,
<!-- shelfmark:diff -->, is the one \`shelfmark diff\` already starts its output
with (it is not added twice) and the one the review workflow looks for. The token comes
from GITHUB_TOKEN, GITLAB_TOKEN or GITEA_TOKEN.

Examples:
  $ shelfmark diff origin/main HEAD > diff.md && shelfmark comment 42 --body-file diff.md
  $ shelfmark diff origin/main HEAD | shelfmark comment 42 --body-file -`,
    )
    .action(async (pr: number, opts: { bodyFile: string; marker: string; root: string }) => {
      const { readFile } = await import('node:fs/promises');
      const { readConfigRaw } = await import('../../catalog/read.ts');
      const { forgeFromConfig } = await import('../../forge/index.ts');
      const { formatKnownError } = await import('../format/curate.ts');
      if (!/^[a-z0-9-]+$/.test(opts.marker)) {
        process.stderr.write(`shelfmark comment: --marker must be lower-case letters, digits and dashes, found "${opts.marker}".\n`);
        process.exitCode = 2;
        return;
      }
      try {
        let body: string;
        try {
          if (opts.bodyFile === '-') {
            const chunks: Buffer[] = [];
            for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
            body = Buffer.concat(chunks).toString('utf8');
          } else body = await readFile(opts.bodyFile, 'utf8');
        } catch (err) {
          process.stderr.write(`shelfmark comment: cannot read ${opts.bodyFile} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).\n`);
          process.exitCode = 2;
          return;
        }
        const config = (await readConfigRaw(opts.root).catch(() => ({}))) as { forge?: Parameters<typeof forgeFromConfig>[0] };
        const forge = await forgeFromConfig(config.forge);
        if (!forge) {
          process.stderr.write(`shelfmark comment: no forge is configured in ${opts.root}/config.json ("forge": {"kind": "github", …}), so there is nowhere to comment.\n`);
          process.exitCode = 2;
          return;
        }
        const c = await forge.upsertComment(pr, `<!-- shelfmark:${opts.marker} -->`, body);
        process.stdout.write(`✔ ${c.created ? 'created' : 'updated'} comment ${c.id} on #${pr}${c.url ? `: ${c.url}` : ''}\n`);
      } catch (err) {
        const text = formatKnownError('comment', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = 1;
      }
    });
}
