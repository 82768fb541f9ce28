/**
 * The OAI-PMH Static Repository file (http://www.openarchives.org/OAI/2.0/guidelines-static-repository.htm):
 * one XML document, `<Repository>` with `<Identify>`, `<ListMetadataFormats>`
 * and one `<ListRecords metadataPrefix=…>` per format, that a Static Repository
 * Gateway serves to harvesters. The build writes it to dist/oai/.
 *
 * The static-repository rules differ from the live endpoint's: day granularity,
 * no sets and no deleted records (deletedRecord `no`), so only live items go in.
 * The file is written with xmlbuilder2's streaming builder, one record at a
 * time, honouring the file stream's backpressure, so 100,000 records never sit
 * in memory; it is renamed into place when complete.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createCB, fragment } from 'xmlbuilder2';
import { formatOf, type MetadataFormat } from './formats.ts';
import { OAI_NS } from './protocol.ts';
import type { OaiRepository } from './repository.ts';

export const STATIC_REPOSITORY_NS = 'http://www.openarchives.org/OAI/2.0/static-repository';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** The formats the static file carries (the two OpenAIRE and B2FIND harvest). */
export const STATIC_FORMATS = ['oai_dc', 'oai_datacite'] as const;
/** Where the build puts the file, relative to the output folder. */
export const STATIC_REPOSITORY_PATH = 'oai/static-repository.xml';

export interface StaticRepositoryOptions {
  /** The file's public URL (e.g. `https://data.example/oai/static-repository.xml`). */
  fileUrl: string;
  /**
   * The base URL of the Static Repository Gateway that will serve the file, if
   * one is known; baseURL is then the gateway URL followed by the file URL
   * without `http://` (static-repository guidelines §3). Without it, baseURL is the file URL.
   */
  gatewayUrl?: string;
}

export interface StaticRepositoryReport {
  file: string;
  records: number;
  bytes: number;
  /** Items left out because the exporters failed on them (the build reports them). */
  problems: { identifier: string; message: string }[];
}

/** Writes the static repository file of `repo` to `file` (atomically). */
export async function writeStaticRepository(repo: OaiRepository, file: string, opts: StaticRepositoryOptions): Promise<StaticRepositoryReport> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let pending: string[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  const live = repo.items.filter((i) => !i.deleted);
  const report: StaticRepositoryReport = { file, records: 0, bytes: 0, problems: [] };
  try {
    const xml = createCB({ data: (chunk: string) => void pending.push(chunk), prettyPrint: true });
    xml.dec({ version: '1.0', encoding: 'UTF-8' });
    const root = xml
      .ele(STATIC_REPOSITORY_NS, 'Repository')
      .att(XMLNS_NS, 'xmlns:oai', OAI_NS)
      .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
      .att(XSI_NS, 'xsi:schemaLocation', `${STATIC_REPOSITORY_NS} http://www.openarchives.org/OAI/2.0/static-repository.xsd`);
    root.ele('Identify');
    const baseUrl = opts.gatewayUrl ? `${opts.gatewayUrl.replace(/\/?$/, '/')}${opts.fileUrl.replace(/^http:\/\//, '')}` : opts.fileUrl;
    const oai = (name: string, text: string) => xml.ele(OAI_NS, `oai:${name}`).txt(text).up();
    oai('repositoryName', repo.name);
    oai('baseURL', baseUrl);
    oai('protocolVersion', '2.0');
    oai('adminEmail', repo.adminEmail);
    oai('earliestDatestamp', repo.earliestDatestamp.slice(0, 10));
    oai('deletedRecord', 'no');
    oai('granularity', 'YYYY-MM-DD');
    xml.up();
    xml.ele('ListMetadataFormats');
    const formats = STATIC_FORMATS.map((p) => formatOf(p)!);
    for (const f of formats) xml.ele(OAI_NS, 'oai:metadataFormat').ele(OAI_NS, 'oai:metadataPrefix').txt(f.prefix).up().ele(OAI_NS, 'oai:schema').txt(f.schema).up().ele(OAI_NS, 'oai:metadataNamespace').txt(f.namespace).up().up();
    xml.up();
    await flush();
    const failed = new Set<string>();
    for (const f of formats) {
      xml.ele('ListRecords').att('metadataPrefix', f.prefix);
      for (const item of live) {
        if (failed.has(item.identifier)) continue;
        const record = recordFragment(repo, item, f);
        if (typeof record === 'string') {
          failed.add(item.identifier);
          report.problems.push({ identifier: item.identifier, message: record });
          continue;
        }
        xml.import(record);
        await flush();
      }
      xml.up();
    }
    xml.up();
    xml.end();
    await flush();
    out.end();
    await once(out, 'finish');
    await rename(tmp, file);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  report.records = live.length - report.problems.length;
  report.bytes = (await stat(file)).size;
  return report;
}

/** One `<oai:record>` as a fragment, or the exporter's error message. */
function recordFragment(repo: OaiRepository, item: OaiRepository['items'][number], f: MetadataFormat): ReturnType<typeof fragment> | string {
  let datacite;
  try {
    datacite = repo.datacite(item);
  } catch (err) {
    return (err as Error).message;
  }
  const frag = fragment();
  const rec = frag.ele(OAI_NS, 'oai:record');
  rec
    .ele(OAI_NS, 'oai:header')
    .ele(OAI_NS, 'oai:identifier').txt(item.identifier).up()
    .ele(OAI_NS, 'oai:datestamp').txt(item.datestamp.slice(0, 10));
  f.append(rec.ele(OAI_NS, 'oai:metadata'), datacite, repo.datacentreSymbol);
  return frag;
}
