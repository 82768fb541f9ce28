/**
 * `shelfmark validate` end to end: spawns the real CLI on temporary catalogues
 * and checks exit codes and output in each format. Also runs the validator on a
 * copy of the example catalogue (catalog/) with one thing broken at a time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCatalog, type TestCatalog } from '../../catalog/test-catalog.ts';
import { validateCatalog } from '../../validate/validate-catalog.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(repo, 'tools/cli/shelfmark.ts');
const node = join(repo, 'node_modules/.bin/node'); // Node 24 (type stripping), as `npm run` uses

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(existsSync(node) ? node : process.execPath, [cli, 'validate', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let cat: TestCatalog | undefined;
afterEach(() => cat?.cleanup());

describe('shelfmark validate (CLI)', () => {
  it('exits 0 on a valid catalogue and says so', () => {
    cat = makeTestCatalog();
    const r = run(['--root', cat.root, '--now', '2026-01-01']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('✔ no problems (9 files checked, 9 records)\n');
  });

  it('exits 0 with only warnings', () => {
    cat = makeTestCatalog();
    cat.write('notes.txt', 'scratch');
    const r = run(['--root', cat.root, '--now', '2026-01-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning: catalog/notes.txt is not part of the catalogue layout');
  });

  it('exits 1 on errors, printing file:line:column, pointer, message and fix', () => {
    cat = makeTestCatalog();
    const rel = cat.edit('dataset', (r) => ((r.scientificMetadata as Record<string, { unit: string }>).pass_energy!.unit = 'eVV'));
    const r = run(['--root', cat.root, '--now', '2026-01-01']);
    expect(r.code).toBe(1);
    const line = readFileSync(join(cat.root, rel), 'utf8').split('\n').findIndex((l) => l.includes('"eVV"')) + 1;
    expect(r.out).toContain(`${rel}:${line}:7  /scientificMetadata/pass_energy/unit  error: "eVV" is not a unit. Expected an energy unit such as eV or keV.`);
    expect(r.out).toContain('    fix:      Write the unit of "pass_energy" as one of eV or keV.');
    expect(r.out).toMatch(/✖ 1 error and 0 warnings in 1 file/);
  });

  it('--format json is one parseable document', () => {
    cat = makeTestCatalog();
    cat.edit('sample', (r) => (r.proposalId = '20249999'));
    const r = run(['--root', cat.root, '--format', 'json', '--now', '2026-01-01']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.summary).toEqual({ errors: 1, warnings: 0 });
    expect(doc.findings[0]).toMatchObject({ code: 'ref/proposal', pointer: '/proposalId' });
    expect(doc.stats.records).toBe(9);
  });

  it('--format github, and GITHUB_ACTIONS=true adds annotations to the text', () => {
    cat = makeTestCatalog();
    cat.write(cat.pathOf('instrument'), '{ "id": "flexpes", }');
    const gh = run(['--root', cat.root, '--format', 'github', '--now', '2026-01-01']);
    expect(gh.code).toBe(1);
    expect(gh.out).toMatch(/^::error file=.*instruments\/flexpes\.json,line=1,col=\d+,title=shelfmark json\/syntax::invalid JSON/);
    const both = run(['--root', cat.root, '--now', '2026-01-01'], { GITHUB_ACTIONS: 'true' });
    expect(both.out).toContain('error: invalid JSON');
    expect(both.out).toContain('::error file=');
  });

  it('reports only the paths given, and rejects a bad option without a stack trace', () => {
    cat = makeTestCatalog();
    cat.edit('sample', (r) => (r.proposalId = '20249999'));
    const r = run(['--root', cat.root, join(cat.root, 'datasets'), '--now', '2026-01-01']);
    expect(r.code).toBe(0);
    const bad = run(['--root', cat.root, '--format', 'xml']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("argument 'xml' is invalid");
    expect(bad.err).not.toContain('    at ');
  });
});

const example = join(repo, 'catalog');

/** The first dataset (in path order) with a profile field of a non-length dimension, a creator ORCID and a sample. */
function pickDataset(root: string): { rel: string; key: string } {
  const rels = (readdirSync(join(root, 'datasets'), { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.json'))
    .sort();
  for (const rel of rels) {
    const r = JSON.parse(readFileSync(join(root, 'datasets', rel), 'utf8'));
    if (!r.metadataProfile || !r.creators?.[0]?.orcid || !r.sampleIds?.length) continue;
    const profile = JSON.parse(readFileSync(join(root, 'profiles', `${r.metadataProfile}.json`), 'utf8'));
    const field = profile.fields.find(
      (f: { key: string; dimension?: string }) => f.dimension && f.dimension !== 'length' && !f.key.includes('/') && typeof r.scientificMetadata?.[f.key]?.unit === 'string',
    );
    if (field) return { rel: `datasets/${rel}`, key: field.key };
  }
  throw new Error('the example catalogue has no dataset to break: update this test');
}

describe.skipIf(!existsSync(join(example, 'config.json')))('the example catalogue (catalog/), copied and broken one way at a time', () => {
  let root: string;
  const copy = () => {
    const base = mkdtempSync(join(tmpdir(), 'shelfmark-example-'));
    root = join(base, 'catalog');
    cpSync(example, root, { recursive: true });
    return base;
  };
  const edit = (rel: string, change: (r: Record<string, unknown>) => void) => {
    const r = JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, unknown>;
    change(r);
    writeFileSync(join(root, rel), `${JSON.stringify(r, null, 2)}\n`);
  };
  it('each injected fault is reported with the file and pointer', async () => {
    const base = copy();
    try {
      const before = await validateCatalog({ root, now: new Date('2026-01-01') });
      const baseline = new Set(before.findings.map((f) => `${f.file}|${f.code}|${f.pointer}`));
      // A dataset with a profile field that has a dimension, a creator with an ORCID and a sample.
      const xps = pickDataset(root);
      const record = JSON.parse(readFileSync(join(root, xps.rel), 'utf8'));
      const sample = record.sampleIds[0] as string;
      const { bucketOf } = await import('../../core/layout.ts');
      const sampleRel = `samples/${bucketOf(sample)}/${sample}.json`;
      const orcid = record.creators[0].orcid as string;
      edit(xps.rel, (r) => {
        delete r.datasetName;
        // Change the check digit: any other value fails the checksum.
        (r.creators as { orcid?: string }[])[0]!.orcid = `${orcid.slice(0, -1)}${orcid.endsWith('0') ? '1' : '0'}`;
        const sm = r.scientificMetadata as Record<string, { unit?: string; value?: unknown }>;
        sm[xps.key]!.unit = 'mm';
      });
      edit(sampleRel, (r) => (r.proposalId = '19990001'));
      writeFileSync(join(root, 'instruments/aurora.json'), '{ "id": "aurora" "name": "x" }');
      const after = await validateCatalog({ root, now: new Date('2026-01-01') });
      const fresh = after.findings.filter((f) => !baseline.has(`${f.file}|${f.code}|${f.pointer}`));
      const got = fresh.map((f) => [f.file.slice(f.file.indexOf('catalog/') + 'catalog/'.length), f.code, f.pointer ?? '']);
      expect(got).toEqual(
        expect.arrayContaining([
          [xps.rel, 'schema/required', '/datasetName'],
          [xps.rel, 'id/orcid', '/creators/0/orcid'],
          [xps.rel, 'profile/dimension', `/scientificMetadata/${xps.key}/unit`],
          [sampleRel, 'ref/proposal', '/proposalId'],
          ['instruments/aurora.json', 'json/syntax', ''],
        ]),
      );
      expect(fresh.every((f) => f.line !== undefined)).toBe(true);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
