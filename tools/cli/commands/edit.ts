/** `shelfmark edit <id> --set <pointer>=<value> … --unset <pointer> …`: change one record, validated before the write. */
import { Option, type Command } from 'commander';

const collect = (value: string, previous: string[]) => [...previous, value];
const TYPES = ['dataset', 'proposal', 'sample', 'instrument', 'technique', 'profile', 'publication', 'annotation'];

export function register(program: Command): void {
  program
    .command('edit')
    .description('set or remove fields of one record by JSON pointer; the record is validated against the catalogue before it is written')
    .argument('<id>', 'a dataset pid, proposal id, sample id, instrument id, PaNET id, DOI, annotation id, or the record file')
    .option('--set <pointer=value>', 'set a field; the value is JSON when it parses (42, true, ["a"], "007"), else text (repeatable)', collect, [])
    .option('--unset <pointer>', 'remove a field or array item (repeatable)', collect, [])
    .addOption(new Option('--type <type>', 'the record type, when the id fits several').choices(TYPES))
    .option('--root <dir>', 'the catalogue folder (holding config.json)', 'catalog')
    .addHelpText(
      'after',
      `
Operations run in the order given: all --set, then all --unset.
Exit status: 0 written or unchanged, 1 refused (findings printed, nothing written), 2 bad arguments.

Examples:
  $ shelfmark edit 20.500.12345/20240017/xps-0001 --set /keywords='["XPS","Ag 3d"]'
  $ shelfmark edit 20.500.12345/20240017/xps-0001 --set /description="Sputtered twice" --unset /dataFormat
  $ shelfmark edit 20240017 --set /title="Silver surfaces under oxygen"
  $ shelfmark edit 20240017-s01 --set /sampleCharacteristics/temperature='{"value":300,"unit":"K"}'`,
    )
    .action(async (id: string, opts: { set: string[]; unset: string[]; type?: string; root: string }) => {
      const { editRecord, parseSet } = await import('../../curate/edit.ts');
      const { formatKnownError, formatSave } = await import('../format/curate.ts');
      try {
        const ops = [...opts.set.map(parseSet), ...opts.unset.map((pointer) => ({ op: 'unset' as const, pointer }))];
        const r = await editRecord({ root: opts.root, id, ops, ...(opts.type ? { type: opts.type as 'dataset' } : {}) });
        const out = formatSave('edit', `${r.record.type} ${id}`, r, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, catalog: opts.root });
        process.stdout.write(out.out);
        process.stderr.write(out.err);
        process.exitCode = out.exitCode;
      } catch (err) {
        const text = formatKnownError('edit', err);
        if (!text) throw err;
        process.stderr.write(text);
        process.exitCode = 2;
      }
    });
}
