/** The shared third-party corpus, read in place, and a catalogue set up to ingest it. */
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = resolve(here, '../../..');
export const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
export const HAVE_CORPUS = existsSync(join(CORPUS, 'scienta-ses'));
export const EXAMPLE_CATALOG = join(REPO_ROOT, 'catalog');

/** The ingest settings the corpus needs on top of the example catalogue's config. */
export const CORPUS_INGEST = {
  proposalPathPattern: '/(?<proposal>\\d{8})/',
  defaultProposal: '20230012',
  instrumentByName: { Merlin: 'aurora' },
};

/** Copies the example catalogue to `dest` and adds a default licence and ingest settings. */
export async function corpusCatalog(dest: string): Promise<string> {
  await cp(EXAMPLE_CATALOG, dest, { recursive: true });
  const path = join(dest, 'config.json');
  const config = JSON.parse(await readFile(path, 'utf8'));
  config.defaultLicense ??= 'CC-BY-4.0';
  // The corpus lives outside any proposal folder: its records go to a proposal the example catalogue has.
  config.ingest = {
    ...CORPUS_INGEST,
    ...config.ingest,
    defaultProposal: CORPUS_INGEST.defaultProposal,
    instrumentByName: { ...config.ingest?.instrumentByName, ...CORPUS_INGEST.instrumentByName },
  };
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
  return dest;
}
