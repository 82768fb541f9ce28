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
import { register as diff } from './diff.ts';
import { register as check } from './check.ts';
import { register as edit } from './edit.ts';
import { register as annotate } from './annotate.ts';
import { register as embargo } from './embargo.ts';
import { register as propose } from './propose.ts';
import { register as comment } from './comment.ts';
import { register as publish } from './publish.ts';
import { register as doi } from './doi.ts';
import { register as oai } from './oai.ts';

export type Register = (program: Command) => void;

export const commands: Register[] = [build, serve, ingest, watch, validate, diff, check, edit, annotate, embargo, propose, comment, publish, doi, oai];
