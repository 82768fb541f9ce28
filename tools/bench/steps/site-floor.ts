/**
 * Benchmark step run in its own process: the floor of the site build. One
 * plain script that walks the catalogue, keeps the instruments, proposals and
 * samples it meets, reads the datasets once for the titles and links between
 * them, then JSON.parses each public dataset with its annotations and writes its landing page: the same HTML as the build's page (same view
 * functions, same head markup and JSON-LD, template strings instead of Astro).
 * Prints one JSON line.
 *
 *   node tools/bench/steps/site-floor.ts <catalogDir> <outDir>
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { walkCatalog } from '../../catalog/read.ts';
import { annotationDir } from '../../core/layout.ts';
import { datasetUrl } from '../../core/routes.ts';
import { datasetToSchemaOrg, jsonLdForScript } from '../../export/schema-org.ts';
import type { DatasetView as ExportView } from '../../export/view.ts';
import { datasetView } from '../../site/dataset-view.ts';
import { isPublic } from '../../site/public-gate.ts';
import type { Annotation, Dataset, Instrument, Proposal, Sample, SiteConfig } from '../../site/records.ts';
import { floorPage } from './site-floor-page.ts';

/** The annotations of one dataset, as the build reads them. */
async function annotationsOf(root: string, pid: string): Promise<Annotation[]> {
  const dir = join(root, annotationDir(pid));
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: Annotation[] = [];
  for (const n of names.sort()) if (n.endsWith('.json') && !n.startsWith('.')) out.push(JSON.parse(await readFile(join(dir, n), 'utf8')) as Annotation);
  return out;
}

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: site-floor.ts <catalogDir> <outDir>');
  process.exitCode = 2;
} else {
  const t0 = performance.now();
  const now = new Date();
  const config = JSON.parse(await readFile(join(root, 'config.json'), 'utf8')) as SiteConfig;
  const siteName = config.facility?.name ? `${config.facility.name} data catalogue` : 'Shelfmark';
  const instruments = new Map<string, Instrument>();
  const proposals = new Map<string, Proposal>();
  const samples = new Map<string, Sample>();
  const datasets: { path: string; rel: string }[] = [];
  for await (const f of walkCatalog(root)) {
    const type = f.info?.type;
    if (type === 'dataset') datasets.push(f);
    else if ((type === 'instrument' || type === 'proposal' || type === 'sample') && f.info?.id) {
      const r: unknown = JSON.parse(await readFile(f.path, 'utf8'));
      if (type === 'instrument') instruments.set(f.info.id, r as Instrument);
      else if (type === 'proposal') proposals.set(f.info.id, r as Proposal);
      else samples.set(f.info.id, r as Sample);
    }
  }
  // A page links its inputs and outputs by title, so a first pass learns the
  // titles of the public datasets and which of them each one was derived from.
  const titles = new Map<string, string>();
  const outputs = new Map<string, string[]>();
  const visible: typeof datasets = [];
  for (const f of datasets) {
    const d = JSON.parse(await readFile(f.path, 'utf8')) as Dataset;
    if (!isPublic(d, now)) continue;
    visible.push(f);
    titles.set(d.pid, d.datasetName ?? d.pid);
    for (const input of d.inputDatasets ?? []) outputs.set(input, [...(outputs.get(input) ?? []), d.pid]);
  }
  let pages = 0;
  for (const f of visible) {
    const d = JSON.parse(await readFile(f.path, 'utf8')) as Dataset;
    const v = datasetView(d, {
      config,
      rel: f.rel,
      now,
      instrumentName: (id) => instruments.get(id)?.name,
      proposalTitle: (id) => proposals.get(id)?.title,
      sampleName: (id) => samples.get(id)?.name,
      datasetTitle: (pid) => titles.get(pid),
      outputs: outputs.get(d.pid) ?? [],
      annotations: await annotationsOf(root, d.pid),
    });
    const ev: ExportView = { dataset: d, config: config as ExportView['config'] };
    const p = d.proposalId ? proposals.get(d.proposalId) : undefined;
    const i = d.instrumentId ? instruments.get(d.instrumentId) : undefined;
    const s = (d.sampleIds ?? []).map((id) => samples.get(id)).filter((x): x is Sample => !!x);
    if (p) ev.proposal = p as ExportView['proposal'];
    if (i) ev.instrument = i as ExportView['instrument'];
    if (s.length) ev.samples = s as ExportView['samples'];
    const dir = join(out, datasetUrl(d.pid));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), floorPage(v, jsonLdForScript(datasetToSchemaOrg(ev)), config, siteName));
    pages++;
  }
  console.log(JSON.stringify({ pages, ms: performance.now() - t0 }));
}
