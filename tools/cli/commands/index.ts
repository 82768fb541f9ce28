/**
 * Every subcommand of `shelfmark`, in the order `--help` lists them.
 * A command module exports `register(program)`, which adds its subcommand.
 */
import type { Command } from 'commander';
import { register as build } from './build.ts';
import { register as serve } from './serve.ts';
import { register as ingest } from './ingest.ts';
import { register as watch } from './watch.ts';
import { register as validate } from './validate.ts';

export type Register = (program: Command) => void;

export const commands: Register[] = [build, serve, ingest, watch, validate];
