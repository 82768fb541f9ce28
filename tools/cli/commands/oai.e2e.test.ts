import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOaiFixture, type OaiFixture } from '../../oai/test-utils.ts';

const CLI = resolve(import.meta.dirname, '..', 'shelfmark.ts');
let fx: OaiFixture;
let out: string;

function run(args: string[], untilLine?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
      // A server runs until stopped: stop it once it has said where it listens.
      if (untilLine?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  fx = await makeOaiFixture();
  out = await mkdtemp(join(tmpdir(), 'shelfmark-oai-cli-'));
}, 30_000);
afterAll(async () => {
  await fx?.cleanup();
  await rm(out, { recursive: true, force: true });
});

describe('shelfmark oai', () => {
  it('static writes the file and says how many records', async () => {
    const file = join(out, 'static.xml');
    const r = await run(['oai', 'static', '--catalog', fx.root, '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \d+ records/);
    expect(await readFile(file, 'utf8')).toContain('<ListRecords metadataPrefix="oai_datacite">');
  }, 60_000);

  it('serve prints its URL', async () => {
    const r = await run(['oai', 'serve', '--catalog', fx.root, '--port', '0'], /Ctrl\+C/);
    expect(r.stdout).toMatch(/^OAI-PMH endpoint at http:\/\/127\.0\.0\.1:\d+\/oai \(\d+ records, 1 deleted/);
  }, 60_000);

  it('a folder without config.json is refused with exit code 2 and what to do', async () => {
    const r = await run(['oai', 'serve', '--catalog', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('config.json not found');
    expect(r.stderr).toContain('--catalog');
  }, 60_000);
});
