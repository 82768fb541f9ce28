/**
 * The exporters over real records: every dataset and publication of the example
 * catalogue (catalog/) and every valid schema example (schemas/examples/) gets
 * DataCite XML that validates against kernel 4.6 and JSON-LD that meets Google
 * Dataset Search's requirements.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkCatalog } from '../catalog/read.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from './schema-org.ts';
import { exportDataset, exportPublication, type Exports } from './index.ts';
import type { ConfigRecord, DatasetRecord, DatasetView, InstrumentRecord, ProposalRecord, PublicationRecord, PublicationView, SampleRecord } from './view.ts';
import { DATACITE_XSD, validateXmlFiles, XMLLINT } from './xsd.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalogRoot = join(repo, 'catalog');
const examplesRoot = join(repo, 'schemas', 'examples');
const canValidate = existsSync(XMLLINT) && existsSync(DATACITE_XSD);

interface Loaded {
  config: ConfigRecord;
  datasets: DatasetRecord[];
  publications: PublicationRecord[];
  proposals: Map<string, ProposalRecord>;
  instruments: Map<string, InstrumentRecord>;
  samples: Map<string, SampleRecord>;
}

async function loadCatalog(root: string): Promise<Loaded> {
  const out: Loaded = {
    config: JSON.parse(await readFile(join(root, 'config.json'), 'utf8')) as ConfigRecord,
    datasets: [],
    publications: [],
    proposals: new Map(),
    instruments: new Map(),
    samples: new Map(),
  };
  for await (const f of walkCatalog(root)) {
    if (!f.info || f.info.type === 'config') continue;
    const rec = JSON.parse(await readFile(f.path, 'utf8')) as never;
    if (f.info.type === 'dataset') out.datasets.push(rec);
    else if (f.info.type === 'publication') out.publications.push(rec);
    else if (f.info.type === 'proposal') out.proposals.set((rec as ProposalRecord).proposalId, rec);
    else if (f.info.type === 'instrument') out.instruments.set((rec as InstrumentRecord).id, rec);
    else if (f.info.type === 'sample') out.samples.set((rec as SampleRecord).sampleId, rec);
  }
  return out;
}

function datasetViews(c: Loaded): DatasetView[] {
  return c.datasets.map((d) => {
    const view: DatasetView = { dataset: d, config: c.config };
    const proposal = d.proposalId ? c.proposals.get(d.proposalId) : undefined;
    if (proposal) view.proposal = proposal;
    const instrument = d.instrumentId ? c.instruments.get(d.instrumentId) : undefined;
    if (instrument) view.instrument = instrument;
    view.samples = (d.sampleIds ?? []).map((id) => c.samples.get(id)).filter((s): s is SampleRecord => !!s);
    view.publications = c.publications.filter((p) => p.pidArray?.includes(d.pid)).map((p) => ({ doi: p.doi, title: p.title }));
    view.derived = c.datasets.filter((x) => x.inputDatasets?.includes(d.pid)).map((x) => ({ pid: x.pid, doi: x.doi }));
    return view;
  });
}

function publicationViews(c: Loaded): PublicationView[] {
  return c.publications.map((p) => ({
    publication: p,
    config: c.config,
    datasets: c.datasets.filter((d) => p.pidArray?.includes(d.pid)),
    versions: c.publications.filter((q) => q.conceptDoi && q.conceptDoi === (p.conceptDoi ?? p.doi)).map((q) => ({ doi: q.doi, version: q.version })),
  }));
}

/** Checks Google Dataset Search's required properties and our own promises on one JSON-LD object. */
function expectGoogleReady(e: Exports, label: string): void {
  const ld = e.jsonLd;
  expect(ld['@type'], label).toBe('Dataset');
  expect(typeof ld.name, label).toBe('string');
  const d = ld.description as string;
  expect(d.length, `${label} description length`).toBeGreaterThanOrEqual(DESCRIPTION_MIN);
  expect(d.length, `${label} description length`).toBeLessThanOrEqual(DESCRIPTION_MAX);
  for (const c of (ld.creator as Record<string, unknown>[] | undefined) ?? [])
    if (c['@id'] !== undefined) expect(c['@id'], label).toMatch(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/);
}

/** Writes each export's DataCite XML to a temp folder and validates them all in one xmllint run. */
async function validateAll(dir: string, exports: [string, Exports][]): Promise<unknown[]> {
  const paths: string[] = [];
  for (const [name, e] of exports) {
    const p = join(dir, `${name.replace(/[^A-Za-z0-9.-]+/g, '_')}.xml`);
    await writeFile(p, e.dataciteXml);
    paths.push(p);
  }
  return validateXmlFiles(paths);
}

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'shelfmark-export-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!existsSync(join(catalogRoot, 'config.json')))('the example catalogue (catalog/)', () => {
  let exports: [string, Exports][] = [];
  let counts = { datasets: 0, publications: 0 };
  beforeAll(async () => {
    const c = await loadCatalog(catalogRoot);
    counts = { datasets: c.datasets.length, publications: c.publications.length };
    exports = [
      ...datasetViews(c).map((v): [string, Exports] => [v.dataset.pid, exportDataset(v)]),
      ...publicationViews(c).map((v): [string, Exports] => [v.publication.doi, exportPublication(v)]),
    ];
    // Every record of the catalogue: seconds on an idle machine, more on a busy CI runner.
  }, 120_000);

  it('exports every dataset and publication', () => {
    expect(counts.datasets).toBeGreaterThan(0);
    expect(exports).toHaveLength(counts.datasets + counts.publications);
  });

  it('gives every record JSON-LD that Google Dataset Search accepts', () => {
    for (const [name, e] of exports) expectGoogleReady(e, name);
  });

  it.skipIf(!canValidate)('gives every record DataCite XML that validates against kernel 4.6', async () => {
    expect(await validateAll(join(tmp), exports)).toEqual([]);
  });
});

const exampleFiles = (type: string): string[] => {
  const dir = join(examplesRoot, type, 'valid');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];
};

describe.skipIf(exampleFiles('dataset').length === 0)('the valid schema examples (schemas/examples/*/valid)', () => {
  const read = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
  const configPath = exampleFiles('config')[0];
  const config: ConfigRecord = configPath ? read<ConfigRecord>(configPath) : { siteBaseUrl: 'https://data.example.org/' };
  const exports: [string, Exports][] = [
    ...exampleFiles('dataset').map((p): [string, Exports] => [p, exportDataset({ dataset: read<DatasetRecord>(p), config })]),
    ...exampleFiles('publication').map((p): [string, Exports] => [p, exportPublication({ publication: read<PublicationRecord>(p), config })]),
  ];

  it('gives every example JSON-LD that Google Dataset Search accepts', () => {
    for (const [name, e] of exports) expectGoogleReady(e, name);
  });

  it.skipIf(!canValidate)('gives every example DataCite XML that validates against kernel 4.6', async () => {
    const sub = join(tmp, 'examples');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub, { recursive: true }));
    expect(await validateAll(sub, exports)).toEqual([]);
  });
});
