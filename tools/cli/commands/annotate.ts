/** `shelfmark annotate <pid> --comment … | --rating N | --image <file>`: a new annotation record on a dataset. */
import { InvalidArgumentError, type Command } from 'commander';

function parseRating(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number from 1 to 5');
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('annotate')
    .description('add a comment, a rating and/or an image to a dataset, as a new annotation record')
    .argument('<pid>', 'the dataset pid, e.g. 20.500.12345/20240017/xps-0001')
    .option('--comment <text>', 'a comment in Markdown')
    .option('--rating <n>', 'a quality rating from 1 (unusable) to 5 (excellent)', parseRating)
    .option('--image <file>', 'an image (png, jpg, gif, webp, svg), copied beside the annotation')
    .option('--caption <text>', "the image's caption and alternative text (default: its file name)")
    .option('--author <name>', 'who writes the annotation (default: git config user.name)')
    .option('--orcid <id>', "the author's ORCID iD, e.g. 0000-0002-1825-0097")
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addHelpText(
      'after',
      `
Examples:
  $ shelfmark annotate 20.500.12345/20240017/xps-0001 --author "Jonas Berg" --comment "Plasmon loss at 368.9 eV"
  $ shelfmark annotate 20.500.12345/20240017/xps-0001 --author "Jonas Berg" --rating 4
  $ shelfmark annotate 20.500.12345/20240017/xps-0001 --author "Jonas Berg" --image fit.png --caption "Two-component fit"`,
    )
    .action(async (pid: string, opts: { comment?: string; rating?: number; image?: string; caption?: string; author?: string; orcid?: string; root: string }) => {
      const { annotate } = await import('../../curate/annotate.ts');
      const { formatKnownError, formatSave } = await import('../format/curate.ts');
      const { gitUserName } = await import('../../curate/author.ts');
      const { existsSync } = await import('node:fs');
      const name = opts.author ?? (await gitUserName(existsSync(opts.root) ? opts.root : '.'));
      if (!name) {
        process.stderr.write('shelfmark annotate: who is writing? Pass --author "Your Name" (or set git config user.name).\n');
        process.exitCode = 2;
        return;
      }
      try {
        const r = await annotate({
          root: opts.root,
          datasetPid: pid,
          author: { name, ...(opts.orcid ? { orcid: opts.orcid } : {}) },
          ...(opts.comment !== undefined ? { comment: opts.comment } : {}),
          ...(opts.rating !== undefined ? { rating: opts.rating } : {}),
          ...(opts.image !== undefined ? { image: { file: opts.image, ...(opts.caption ? { caption: opts.caption } : {}) } } : {}),
        });
        const out = formatSave('annotate', `annotation ${r.id}`, r, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, catalog: opts.root });
        process.stdout.write(out.out);
        if (r.imageRel) process.stdout.write(`  image: ${opts.root}/${r.imageRel}\n`);
        process.stderr.write(out.err);
        process.exitCode = out.exitCode;
      } catch (err) {
        const text = formatKnownError('annotate', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = 2;
      }
    });
}
