import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempRepo, runGit, testDate } from './test-utils.ts';

afterAll(cleanupAll);

describe('makeTempRepo', () => {
  const spec = {
    files: { 'catalog/a.json': { a: 1 }, 'notes.txt': 'text as is' },
    commits: [
      { message: 'rename a', renames: { 'catalog/a.json': 'catalog/b.json' } },
      { message: 'drop notes', files: { 'notes.txt': null }, date: '2024-06-01T12:00:00+02:00' },
    ],
  };

  it('makes the same commit ids on every run (fixed identity and dates)', async () => {
    const [x, y] = [await makeTempRepo(spec), await makeTempRepo(spec)];
    expect(x.commits).toHaveLength(3);
    expect(y.commits).toEqual(x.commits);
    expect(x.dir).not.toBe(y.dir);
    const log = (await x.git('log', '--format=%an <%ae> %aI %cI %s')).trim().split('\n');
    expect(log).toEqual([
      'Shelfmark Test <test@shelfmark.invalid> 2024-06-01T12:00:00+02:00 2024-06-01T12:00:00+02:00 drop notes',
      `Shelfmark Test <test@shelfmark.invalid> ${testDate(1).replace('Z', '+00:00')} ${testDate(1).replace('Z', '+00:00')} rename a`,
      'Shelfmark Test <test@shelfmark.invalid> 2024-01-01T00:00:00+00:00 2024-01-01T00:00:00+00:00 initial',
    ]);
  });

  it('writes objects as 2-space JSON, text as is, and applies renames and deletions', async () => {
    const r = await makeTempRepo(spec);
    expect(await readFile(join(r.dir, 'catalog/b.json'), 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(existsSync(join(r.dir, 'catalog/a.json'))).toBe(false);
    expect(existsSync(join(r.dir, 'notes.txt'))).toBe(false);
    expect((await runGit(r.dir, ['show', `${r.commits[0]}:notes.txt`]))).toBe('text as is');
    expect((await r.git('config', 'user.email')).trim()).toBe('test@shelfmark.invalid');
    await r.cleanup();
    expect(existsSync(r.dir)).toBe(false);
  });

  it('makes an empty repository when given nothing', async () => {
    const r = await makeTempRepo({ branch: 'trunk' });
    expect(r.commits).toEqual([]);
    expect((await r.git('symbolic-ref', '--short', 'HEAD')).trim()).toBe('trunk');
  });
});
