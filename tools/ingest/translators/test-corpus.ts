/**
 * Where the real third-party test files are (../shared/corpus from the repo
 * root, see its SOURCES.md). Tests read them in place and skip, saying why,
 * when the folder is not there.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the shared corpus folder. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

/** True when the corpus is present. */
export const HAVE_CORPUS = existsSync(CORPUS);

/** The reason shown for skipped corpus tests. */
export const NO_CORPUS = `(skipped: real instrument files not found at ${CORPUS}; check out shared/corpus beside the repo)`;

/** Path of a corpus file, e.g. `corpus('scienta-ses', 'Ag_0001.txt')`. */
export const corpus = (...parts: string[]): string => join(CORPUS, ...parts);
