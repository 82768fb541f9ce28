/**
 * The synthetic generator is deterministic (same seed, same bytes), realistic in
 * size and shape, and its output passes the validator.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkCatalog } from '../catalog/read.ts';
import { generateCatalog, type GenerateResult } from './synthetic.ts';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const N = 250;

let tmp: string;
let first: GenerateResult;

/** path -> sha256 of every file under a catalogue root. */
async function digest(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const f of walkCatalog(root)) out.set(f.rel, createHash('sha256').update(await readFile(f.path)).digest('hex'));
  return out;
}

/** Number of leaf quantities/ranges/values in a metadata tree. */
function leaves(tree: Record<string, unknown>): number {
  let n = 0;
  for (const v of Object.values(tree)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && !('value' in v) && !('min' in v)) n += leaves(v as Record<string, unknown>);
    else n += 1;
  }
  return n;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'shelfmark-synthetic-'));
  first = await generateCatalog({ dir: join(tmp, 'a'), n: N, seed: 7 });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generateCatalog', () => {
  it('writes n datasets in proposals of about 100, with samples', () => {
    expect(first.datasets).toBe(N);
    expect(first.proposals).toBe(3);
    expect(first.samples).toBeGreaterThanOrEqual(6);
    expect(existsSync(join(tmp, 'a', 'config.json'))).toBe(true);
  });

  it('is deterministic: the same seed gives identical files, another seed different ones', async () => {
    await generateCatalog({ dir: join(tmp, 'b'), n: N, seed: 7 });
    await generateCatalog({ dir: join(tmp, 'c'), n: N, seed: 8 });
    const [a, b, c] = await Promise.all([digest(join(tmp, 'a')), digest(join(tmp, 'b')), digest(join(tmp, 'c'))]);
    expect(a.size).toBe(first.files);
    expect([...b]).toEqual([...a]);
    const changed = [...c].filter(([rel, h]) => a.get(rel) !== h);
    expect(changed.length).toBeGreaterThan(N / 2);
  });

  it('writes records of 3–5 KB on average with about 20 metadata entries, raw and derived', async () => {
    let bytes = 0;
    let count = 0;
    let raw = 0;
    let derived = 0;
    let rawLeaves = 0;
    for await (const f of walkCatalog(join(tmp, 'a'))) {
      if (f.info?.type !== 'dataset') continue;
      const text = await readFile(f.path, 'utf8');
      const d = JSON.parse(text) as { type: string; scientificMetadata: Record<string, unknown>; inputDatasets?: string[] };
      bytes += text.length;
      count += 1;
      if (d.type === 'raw') {
        raw += 1;
        rawLeaves += leaves(d.scientificMetadata);
      } else {
        derived += 1;
        expect(d.inputDatasets?.length).toBeGreaterThan(0);
      }
    }
    expect(count).toBe(N);
    expect(bytes / count).toBeGreaterThan(3000);
    expect(bytes / count).toBeLessThan(5200);
    expect(derived).toBeGreaterThan(N * 0.05);
    expect(rawLeaves / raw).toBeGreaterThanOrEqual(15);
  });

  it('leaves no partial folder behind and replaces an existing catalogue', async () => {
    const again = await generateCatalog({ dir: join(tmp, 'a'), n: 10, seed: 7 });
    expect(again.datasets).toBe(10);
    const leftovers = (await import('node:fs')).readdirSync(tmp).filter((f) => f.includes('.partial-'));
    expect(leftovers).toEqual([]);
    first = await generateCatalog({ dir: join(tmp, 'a'), n: N, seed: 7 });
  });
});

describe('synthetic output validates', () => {
  it('has no findings', async () => {
    const { validateCatalog } = await import('../validate/validate-catalog.ts');
    const { findings, stats } = await validateCatalog({ root: join(tmp, 'a'), now: new Date('2026-11-30T00:00:00Z') });
    expect(findings.slice(0, 5)).toEqual([]);
    expect(stats.byType.dataset).toBe(N);
  });
});
