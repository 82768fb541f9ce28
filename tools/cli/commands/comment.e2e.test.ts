import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeForge, type FakeForge } from '../../forge/fake-forge.ts';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../shelfmark.ts');
let fake: FakeForge;
let dir: string;

function run(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

beforeAll(async () => {
  fake = await startFakeForge('gitea', { repository: 'nordlys/catalogue', token: 'tok' });
  dir = mkdtempSync(join(tmpdir(), 'shelfmark-comment-'));
  mkdirSync(join(dir, 'catalog'));
  writeFileSync(join(dir, 'catalog/config.json'), JSON.stringify({ forge: { kind: 'gitea', url: fake.url, repository: 'nordlys/catalogue', branch: 'main' } }));
  writeFileSync(join(dir, 'diff.md'), '## 1 dataset changed\n');
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('shelfmark comment', () => {
  it('creates the review comment once, then updates the same comment from standard input', async () => {
    await run(['comment', '1', '--body-file', 'diff.md'], { GITEA_TOKEN: 'tok' }); // no PR #1 yet: 404
    fake.pulls.push({ number: 1, title: 't', body: '', head: 'curate/x', base: 'main', state: 'open' });
    const first = await run(['comment', '1', '--body-file', 'diff.md'], { GITEA_TOKEN: 'tok' });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^✔ created comment 1001 on #1/);
    const second = await run(['comment', '1', '--body-file', '-'], { GITEA_TOKEN: 'tok' }, '## 2 datasets changed\n');
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/^✔ updated comment 1001 on #1/);
    expect(fake.comments).toEqual([{ id: 1001, pr: 1, body: '<!-- shelfmark:diff -->\n## 2 datasets changed\n' }]);
  });

  it('says what is missing: the pull request, the token', async () => {
    const missing = await run(['comment', '9', '--body-file', 'diff.md'], { GITEA_TOKEN: 'tok' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^shelfmark comment: gitea: GET \/repos\/nordlys\/catalogue\/issues\/9\/comments found nothing \(404\)/);
    const noToken = await run(['comment', '1', '--body-file', 'diff.md'], { GITEA_TOKEN: '' });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('Set GITEA_TOKEN');
  });
});
