/**
 * Writes the export files beside every visible dataset's landing page, and
 * copies its attachments and annotation images there. Runs in a worker thread
 * of its own beside Astro (exports-worker.ts), reading one record at a time.
 * The formats themselves come from tools/export; this module only resolves each
 * dataset's view and writes.
 *
 * The file system calls are synchronous on purpose: the worker has nothing else
 * to do meanwhile, and at seven small files a dataset an awaited writeFile
 * (~0.4 ms: open, write, close as three trips through the thread pool) cost
 * several times a writeFileSync (~0.05 ms); the async version left the worker
 * a third idle.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { annotationDir, attachmentDir } from '../core/layout.ts';
import type { SiteContext } from './context.ts';
import type { Dataset, Instrument, Proposal, Sample } from './records.ts';
import type { DatasetView as ExportView, PublicationRecord } from '../export/view.ts';
import type { DataciteRecord } from '../export/datacite-model.ts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { DatasetEntry } from './site-index.ts';
import { safeRelPath } from './dataset-view.ts';
import { publicRecordJson } from './public-record.ts';

export interface ExportReport {
  datasets: number;
  files: number;
  /** Export failures, per dataset: the page stays, the broken export is reported. */
  problems: { pid: string; file: string; message: string }[];
}

export interface ExportOptions {
  /**
   * Receives each dataset's DataCite model, and its `<resource>` element as
   * built for datacite.xml, once its files are written, so the OAI-PMH static
   * repository reuses both instead of building them again (build-hook.ts).
   */
  onDatacite?(pid: string, datacite: DataciteRecord, resource: XMLBuilder): void;
}

/** One dataset's export files (name, contents) and the DataCite model and element they were written from. */
interface DatasetExports {
  files: [string, string][];
  datacite: DataciteRecord;
  resource: XMLBuilder;
}

type Writer = (view: ExportView, record: Dataset) => DatasetExports;

/**
 * Every export file of one dataset, by file name (the names are fixed in
 * export-files.ts). The pieces of tools/export's `exportDataset` are called one
 * by one to skip its APA reference: the page shows its own citation, and
 * citation-js's APA formatting costs ~30 ms a record (50 minutes at 100,000).
 */
async function loadWriter(): Promise<Writer> {
  const x = await import('../export/index.ts');
  return (view, record) => {
    const datacite = x.datasetToDatacite(view);
    const resource = x.dataciteResource(datacite);
    const csl = x.datasetToCsl(view);
    const citations = x.formatCitations(csl);
    const files: [string, string][] = [
      ['record.json', publicRecordJson(record)],
      ['datacite.xml', x.dataciteResourceXml(resource)],
      ['datacite.json', `${JSON.stringify(x.toDataciteJson(datacite), null, 2)}\n`],
      ['schema-org.jsonld', `${JSON.stringify(x.datasetToSchemaOrg(view), null, 2)}\n`],
      ['citation.bib', citations.bibtex],
      ['citation.ris', citations.ris],
      ['citation.csl.json', citations.cslJson],
    ];
    return { files, datacite, resource };
  };
}

/** The exporters' view of one dataset: the record and the records it points to. */
export function exportView(site: SiteContext, record: Dataset, entry: DatasetEntry): ExportView {
  const view: ExportView = { dataset: record, config: site.index.config as ExportView['config'] };
  const tryRead = <T>(rel: string | undefined): T | undefined => {
    if (!rel) return undefined;
    try {
      return site.readShared<T>(rel);
    } catch {
      return undefined;
    }
  };
  if (entry.proposalId) {
    const p = tryRead<Proposal>(site.proposal(entry.proposalId)?.rel);
    if (p) view.proposal = p;
  }
  if (entry.instrumentId) {
    const i = tryRead<Instrument>(site.instrument(entry.instrumentId)?.rel);
    if (i) view.instrument = i;
  }
  const samples = entry.sampleIds.map((id) => tryRead<Sample>(site.sample(id)?.rel)).filter((s): s is Sample => !!s);
  if (samples.length) view.samples = samples;
  const pubs = site.publicationsOf(entry.pid).map((p) => ({ doi: p.id, title: p.name }));
  if (pubs.length) view.publications = pubs;
  const derived = site.outputsOf(entry.pid).map((pid) => ({ pid }));
  if (derived.length) view.derived = derived;
  return view;
}

/** Writes every export of every visible dataset under `outDir`. */
export async function writeExports(site: SiteContext, outDir: string, opts: ExportOptions = {}): Promise<ExportReport> {
  const write = await loadWriter();
  const report: ExportReport = { datasets: 0, files: 0, problems: [] };
  const { datasetUrl } = await import('../core/routes.ts');
  for (const entry of site.index.datasets) {
    const pageDir = join(outDir, datasetUrl(entry.pid));
    let record: Dataset;
    try {
      record = JSON.parse(readFileSync(join(site.root, entry.rel), 'utf8')) as Dataset;
    } catch (err) {
      // The record changed under the build (a concurrent edit): report it, keep going.
      report.problems.push({ pid: entry.pid, file: entry.rel, message: (err as Error).message });
      continue;
    }
    const view = exportView(site, record, entry);
    mkdirSync(pageDir, { recursive: true });
    let exports: DatasetExports | undefined;
    try {
      exports = write(view, record);
    } catch (err) {
      // The page stays; the build reports the record whose exports failed.
      report.problems.push({ pid: entry.pid, file: 'exports', message: (err as Error).message });
    }
    for (const [file, text] of exports?.files ?? [['record.json', publicRecordJson(record)]]) {
      writeFileSync(join(pageDir, file), text);
      report.files++;
    }
    if (exports) opts.onDatacite?.(entry.pid, exports.datacite, exports.resource);
    report.files += copyAssets(site, record, pageDir);
    report.datasets++;
  }
  await writePublicationExports(site, outDir, report);
  return report;
}

/** The same export files beside each publication's page, from tools/export's `exportPublication`. */
async function writePublicationExports(site: SiteContext, outDir: string, report: ExportReport): Promise<void> {
  const { exportPublication } = await import('../export/index.ts');
  const { publicationUrl } = await import('../core/routes.ts');
  const { isConcept, versionsOf } = await import('../publish/versions.ts');
  const all = site.index.publications.map((e) => site.read<PublicationRecord>(e.rel));
  for (const entry of site.index.publications) {
    const publication = site.read<PublicationRecord>(entry.rel);
    const datasets = entry.pids.map((pid) => site.read<Dataset>(site.dataset(pid)!.rel));
    // A concept DOI's record lists its visible versions (HasVersion), as DataCite has it (#6 §3).
    const versions = isConcept(publication) ? versionsOf(publication.doi, all).map((v) => ({ doi: v.doi, version: v.version })) : undefined;
    // Members still under embargo are left out of the publication's exports too.
    const view = { publication: { ...publication, pidArray: entry.pids }, config: site.index.config as ExportView['config'], datasets, ...(versions ? { versions } : {}) };
    const pageDir = join(outDir, publicationUrl(entry.id));
    try {
      const e = exportPublication(view);
      const files = new Map([
        ['record.json', publicRecordJson({ ...publication, pidArray: entry.pids })],
        ['datacite.xml', e.dataciteXml],
        ['datacite.json', e.dataciteJson],
        ['schema-org.jsonld', e.jsonLdFile],
        ['citation.bib', e.bibtex],
        ['citation.ris', e.ris],
        ['citation.csl.json', e.cslJson],
      ]);
      mkdirSync(pageDir, { recursive: true });
      for (const [file, text] of files) {
        writeFileSync(join(pageDir, file), text);
        report.files++;
      }
    } catch (err) {
      report.problems.push({ pid: entry.id, file: 'exports', message: (err as Error).message });
    }
  }
}

/**
 * Copies attachments (quick-look plots) and annotation images beside the page,
 * under `attachments/` and `annotations/<name>/`, at the URLs dataset-view.ts links.
 */
function copyAssets(site: SiteContext, record: Dataset, pageDir: string): number {
  let n = 0;
  const copy = (from: string, to: string) => {
    if (!existsSync(from)) return;
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    n++;
  };
  const attachments = join(site.root, attachmentDir(record.pid));
  for (const a of record.attachments ?? []) {
    if (safeRelPath(a.path)) copy(join(attachments, a.path), join(pageDir, 'attachments', a.path));
  }
  const annDir = join(site.root, annotationDir(record.pid));
  for (const ann of site.annotationsOf(record.pid)) {
    if (!ann.image || !safeRelPath(ann.image.path)) continue;
    const name = ann.id.split('/').pop()!;
    // Images sit beside the annotation's JSON (layout.ts); each annotation gets its own folder on the site.
    copy(join(annDir, ann.image.path), join(pageDir, 'annotations', name, ann.image.path));
  }
  return n;
}
