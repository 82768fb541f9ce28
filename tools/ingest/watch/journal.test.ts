import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir } from '../../git/test-utils.ts';
import { Journal, replay } from './journal.ts';

afterAll(cleanupAll);

describe('Journal', () => {
  it('persists states across a reopen, latest state per file winning', async () => {
    const path = join(await makeTempDir(), 'state', 'journal.jsonl');
    const j = await Journal.open(path);
    await j.record([
      { path: '/d/a.txt', sha256: 'aa', state: 'seen' },
      { path: '/d/b.txt', sha256: 'bb', state: 'seen' },
    ]);
    await j.record([{ path: '/d/a.txt', sha256: 'aa', state: 'committed', pid: 'p/1/a', branch: 'ingest/x/2025-01-01', commit: 'c0ffee' }]);
    await j.close();
    const again = await Journal.open(path);
    expect(again.files.get('/d/a.txt')).toEqual({ path: '/d/a.txt', sha256: 'aa', state: 'committed', pid: 'p/1/a', branch: 'ingest/x/2025-01-01', commit: 'c0ffee' });
    expect(again.statusOf('/d/b.txt', 'bb')?.state).toBe('seen');
    expect(again.statusOf('/d/b.txt', 'changed')).toBeUndefined();
    await again.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!).t).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('ignores a line torn by a crash and keeps appending after it', async () => {
    const path = join(await makeTempDir(), 'journal.jsonl');
    const j = await Journal.open(path);
    await j.record([{ path: '/d/a.txt', sha256: 'aa', state: 'ingested' }]);
    await j.close();
    await appendFile(path, '{"t":"2025-01-01T00:00:00Z","path":"/d/b.txt","sha2');
    const k = await Journal.open(path);
    expect([...k.files.keys()]).toEqual(['/d/a.txt']);
    await k.record([{ path: '/d/b.txt', sha256: 'bb', state: 'seen' }]);
    await k.close();
    expect([...replay(await readFile(path, 'utf8')).keys()]).toEqual(['/d/a.txt', '/d/b.txt']);
  });
});
