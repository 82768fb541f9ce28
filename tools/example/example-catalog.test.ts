/**
 * The committed example catalogue (catalog/) meets the counts issue #2 asks for,
 * validates clean, and is exactly what the seeded generator writes, so it can be
 * regenerated after a schema change without hand edits getting lost.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkCatalog } from '../catalog/read.ts';
import { checkOrcid } from '../core/identifiers.ts';
import { makeExampleCatalog } from './make-example-catalog.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const catalog = join(repo, 'catalog');
const corpus = resolve(repo, '../shared/corpus');
const NOW = new Date('2026-11-30T00:00:00Z');

type Rec = Record<string, any>;
const byType: Record<string, { rel: string; rec: Rec }[]> = {};
const texts = new Map<string, string>();

beforeAll(async () => {
  for await (const f of walkCatalog(catalog)) {
    const text = await readFile(f.path, 'utf8');
    texts.set(f.rel, text);
    if (!f.info) continue;
    (byType[f.info.type] ??= []).push({ rel: f.rel, rec: JSON.parse(text) as Rec });
  }
});

const all = (type: string) => (byType[type] ?? []).map((x) => x.rec);

describe('example catalogue counts (issue #2)', () => {
  it('has an ARPES beamline with a Scienta analyser, an XPS beamline with a SPECS PHOIBOS and a tomography or diffraction beamline', () => {
    const instruments = all('instrument');
    expect(instruments.length).toBeGreaterThanOrEqual(3);
    const has = (pid: string) => (i: Rec) => i.techniques.some((t: Rec) => t.pid === pid);
    const arpes = instruments.find(has('PaNET01089'));
    expect(arpes?.analysers.some((a: Rec) => a.model.startsWith('Scienta') && /^R[34]000-\w+$/.test(a.serial))).toBe(true);
    const xps = instruments.find((i) => has('PaNET01204')(i) && i.analysers.some((a: Rec) => a.model.includes('PHOIBOS')));
    expect(xps).toBeDefined();
    expect(instruments.some((i) => ['PaNET01151', 'PaNET01207', 'PaNET01101'].some((p) => has(p)(i)))).toBe(true);
    for (const i of instruments) {
      const md = texts.get(`instruments/${i.id}.md`);
      expect(md, `instruments/${i.id}.md`).toMatch(/^---\n[\s\S]+?\n---\n/);
    }
  });

  it('has at least 6 proposals with funding and members whose ORCID iDs have valid check digits', () => {
    const proposals = all('proposal');
    expect(proposals.length).toBeGreaterThanOrEqual(6);
    const people = [
      ...proposals.flatMap((p) => [p.pi, ...p.members]),
      ...all('dataset').flatMap((d) => [...d.creators, ...(d.principalInvestigators ?? [])]),
    ];
    const orcids = new Set(people.map((p) => p.orcid).filter(Boolean));
    expect(orcids.size).toBeGreaterThanOrEqual(10);
    for (const o of orcids) expect(checkOrcid(o), o).toEqual({ ok: true });
    expect(proposals.every((p) => p.fundingReferences?.length > 0)).toBe(true);
  });

  it('has at least 60 datasets, raw and derived, derived ones pointing at existing inputs with software', () => {
    const datasets = all('dataset');
    expect(datasets.length).toBeGreaterThanOrEqual(60);
    const pids = new Set(datasets.map((d) => d.pid));
    const derived = datasets.filter((d) => d.type === 'derived');
    expect(derived.length).toBeGreaterThanOrEqual(5);
    expect(datasets.filter((d) => d.type === 'raw').length).toBeGreaterThanOrEqual(40);
    for (const d of derived) {
      expect(d.usedSoftware.length).toBeGreaterThan(0);
      for (const i of d.inputDatasets) expect(pids.has(i), `${d.pid} input ${i}`).toBe(true);
    }
    for (const d of datasets) {
      const sum = d.files.dataFileList.reduce((s: number, f: Rec) => s + f.size, 0);
      expect(sum, d.pid).toBe(d.size);
      expect(d.files.dataFileList.every((f: Rec) => /^[0-9a-f]{64}$/.test(f.chk))).toBe(true);
    }
  });

  it('has at least 5 datasets under embargo into the future, one of them the canary', () => {
    const embargoed = all('dataset').filter((d) => d.access.status === 'embargoed');
    expect(embargoed.length).toBeGreaterThanOrEqual(5);
    for (const d of embargoed) expect(new Date(d.access.embargoedUntil).getTime(), d.pid).toBeGreaterThan(NOW.getTime());
    const canary = all('dataset').filter((d) => d.datasetName.includes('CANARY-EMBARGO-7f3k'));
    expect(canary).toHaveLength(1);
    expect(canary[0]!.access.status).toBe('embargoed');
    expect(canary[0]!.scientificMetadata.canary_token.value).toBe('CANARY-VALUE-q9w2-Ti2O3');
  });

  it('has at least 2 DOI publications under 10.5072 whose member datasets carry the DOI', () => {
    const pubs = all('publication').filter((p) => p.doi.startsWith('10.5072/') && ['findable', 'registered'].includes(p.status));
    expect(pubs.length).toBeGreaterThanOrEqual(2);
    const datasets = new Map(all('dataset').map((d) => [d.pid, d]));
    for (const p of pubs) {
      expect(p.pidArray.length).toBeGreaterThan(0);
      for (const pid of p.pidArray) expect(datasets.get(pid)?.doi, pid).toBe(p.doi);
    }
  });

  it('has xps, arpes and tomography profiles that the matching raw datasets use', () => {
    const profiles = new Map(all('profile').map((p) => [p.id, p]));
    for (const id of ['xps', 'arpes', 'tomography']) expect(profiles.has(id), id).toBe(true);
    for (const d of all('dataset').filter((x) => x.metadataProfile)) {
      const profile = profiles.get(d.metadataProfile)!;
      for (const f of profile.fields.filter((x: Rec) => x.required)) {
        const value = f.key.split('/').reduce((o: Rec | undefined, k: string) => o?.[k], d.scientificMetadata);
        expect(value, `${d.pid} ${f.key}`).toBeDefined();
      }
    }
    expect(all('annotation').some((a) => a.rating) && all('annotation').some((a) => a.comment)).toBe(true);
  });
});

describe.skipIf(!existsSync(join(corpus, 'panet')))('technique vocabulary matches PaNET (needs ../shared/corpus/panet)', () => {
  it('uses PaNET ids, labels and reasoned ancestors', () => {
    const graph = JSON.parse(readFileSync(join(corpus, 'panet/PaNET_reasoned.jsonld'), 'utf8')) as Rec[];
    const LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
    const SUB = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
    const techniques = all('technique');
    expect(techniques.length).toBeGreaterThanOrEqual(5);
    for (const t of techniques) {
      const node = graph.find((n) => n['@id'] === `http://purl.org/pan-science/PaNET/${t.pid}`);
      expect(node, t.pid).toBeDefined();
      expect(t.name).toBe(node![LABEL][0]['@value']);
      const ancestors = (node![SUB] as Rec[]).map((s) => String(s['@id']).split('/').pop()).filter((id) => id !== t.pid && id?.startsWith('PaNET'));
      expect([...t.ancestors].sort()).toEqual([...new Set(ancestors)].sort());
    }
  });
});

describe('regeneration', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'shelfmark-example-'));
    await makeExampleCatalog(tmp);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes exactly the committed catalogue (run `node tools/example/make-example-catalog.ts` after changing the seeds)', async () => {
    const generated = new Map<string, string>();
    for await (const f of walkCatalog(tmp)) generated.set(f.rel, await readFile(f.path, 'utf8'));
    const committed = [...texts.keys()].filter((rel) => !rel.startsWith('attachments/'));
    expect(committed.sort()).toEqual([...generated.keys()].sort());
    for (const [rel, text] of generated) expect(texts.get(rel), rel).toBe(text);
  });
});

describe('validateCatalog', () => {
  it('finds nothing wrong with the example catalogue', async () => {
    const { validateCatalog } = await import('../validate/validate-catalog.ts');
    const { findings, stats } = await validateCatalog({ root: catalog, now: NOW });
    expect(findings).toEqual([]);
    expect(stats.byType.dataset).toBe(all('dataset').length);
  });
});
