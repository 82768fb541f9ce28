import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir } from '../git/test-utils.ts';
import { fileFacts } from './manifest.ts';
import { readAndHash } from './read-file.ts';
import { readAny } from './translators/index.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './translators/test-corpus.ts';

afterAll(cleanupAll);

describe.skipIf(!HAVE_CORPUS)(`readAndHash on real files ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  it.each([['scienta-ses', 'Ag_0001.txt'], ['scienta-ses', 'Ag_0001Ag__001.ibw'], ['specs-prodigy', 'In-situ_PBTTT_XPS_SPECS.xml'], ['nexus', 'NXxas.hdf5']])(
    '%s/%s: the same result as readAny, and the facts of the bytes on disk',
    async (...parts) => {
      const path = corpus(...parts);
      const out = await readAndHash(path, readAny);
      expect(out.result).toEqual(await readAny(path));
      expect(out.result.status).toBe('ok');
      expect(out.facts).toEqual(await fileFacts(path));
      expect(out.facts!.sha256).toBe(createHash('sha256').update(await readFile(path)).digest('hex'));
    },
  );
});

describe('readAndHash', () => {
  it('translates the bytes it hashed, reading the file once', async () => {
    const path = join(await makeTempDir(), 'a.txt');
    await writeFile(path, 'hello');
    const seen: (Uint8Array | undefined)[] = [];
    const out = await readAndHash(path, async (file, content) => {
      seen.push(content);
      return { status: 'ok', file, measurements: [] };
    });
    expect(seen.map((c) => c && Buffer.from(c).toString())).toEqual(['hello']);
    expect(out.facts).toMatchObject({ path, size: 5, sha256: createHash('sha256').update('hello').digest('hex') });
  });

  it('gives no facts for a file that is an error, and leaves the message to the translators', async () => {
    const dir = await makeTempDir();
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    for (const path of [join(dir, 'missing.txt'), empty, dir]) {
      const out = await readAndHash(path, readAny);
      expect(out.facts).toBeUndefined();
      expect(out.result).toEqual(await readAny(path));
      expect(out.result.status).toBe('error');
    }
  });
});
