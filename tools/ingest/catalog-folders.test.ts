import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir } from '../git/test-utils.ts';
import { catalogFolders } from './catalog-folders.ts';

afterAll(cleanupAll);

describe('catalogFolders', () => {
  it('makes a folder once per batch', async () => {
    const root = await makeTempDir();
    const folders = catalogFolders();
    const dir = join(root, 'datasets', 'ab', '20240017');
    await Promise.all([folders.ensure(dir), folders.ensure(dir)]);
    expect((await stat(dir)).isDirectory()).toBe(true);
    await rm(join(root, 'datasets'), { recursive: true });
    // Remembered for the batch: it is not made again (a new batch would).
    await folders.ensure(dir);
    await expect(stat(dir)).rejects.toThrow();
    await catalogFolders().ensure(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });

  it('tells from one listing which files are not there', async () => {
    const root = await makeTempDir();
    await mkdir(join(root, 'a'));
    await writeFile(join(root, 'a', 'x.json'), '{}');
    const folders = catalogFolders();
    expect(await folders.mayExist(join(root, 'a', 'x.json'))).toBe(true);
    expect(await folders.mayExist(join(root, 'a', 'y.json'))).toBe(false);
    expect(await folders.mayExist(join(root, 'missing', 'y.json'))).toBe(false);
    // A folder that cannot be listed (here: a file) does not rule anything out.
    expect(await folders.mayExist(join(root, 'a', 'x.json', 'z.json'))).toBe(true);
  });
});
