#!/usr/bin/env node
/**
 * The `shelfmark` command line. It only parses arguments, calls the core and
 * formats what comes back; each subcommand lives in `commands/<name>.ts`.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { reportUnexpected } from './format/unexpected.ts';

const program = new Command('shelfmark')
  .description('Shelfmark: a static-first, git-backed catalogue for scientific datasets.')
  .showHelpAfterError('(run "shelfmark --help" for the list of commands)')
  .exitOverride();

for (const register of commands) register(program);

program.addHelpText(
  'after',
  `
Examples:
  $ shelfmark validate                      check every record under catalog/
  $ shelfmark validate catalog/datasets/3f  check part of the catalogue
  $ shelfmark validate --format json        findings as JSON, for machines
  $ shelfmark <command> --help              help and examples for one command`,
);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has already printed its message (unknown option, --help, --version).
    process.exitCode = err.exitCode;
  } else {
    reportUnexpected(err);
    process.exitCode = 70;
  }
}
