/**
 * The OAI-PMH Static Repository file (http://www.openarchives.org/OAI/2.0/guidelines-static-repository.htm):
 * one XML document, `<Repository>` with `<Identify>`, `<ListMetadataFormats>`
 * and one `<ListRecords metadataPrefix=…>` per format, that a Static Repository
 * Gateway serves to harvesters. The build writes it to dist/oai/.
 *
 * The static-repository rules differ from the live endpoint's: day granularity,
 * no sets and no deleted records (deletedRecord `no`), so only live items go in.
 * xmlbuilder2 writes the document around the records and each record on its
 * own. Records may be added in any order, from DataCite models computed
 * elsewhere (`shelfmark build` hands over the ones its exports made, see
 * build-hook.ts): each is serialised once per format and appended to a spool
 * file, so 100,000 records never sit in memory; `finish` serialises whatever
 * was not added, then copies the records into the file in the repository's
 * order and renames it into place.
 *
 * The file system calls are synchronous: the writer runs in the build's exports
 * worker (or a CLI command) with nothing else to do, and small synchronous
 * writes cost a fraction of awaited ones.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { create } from 'xmlbuilder2';
import type { DataciteRecord } from '../export/datacite-model.ts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { formatOf, type MetadataFormat } from './formats.ts';
import { OAI_NS } from './protocol.ts';
import type { OaiItem, OaiRepository } from './repository.ts';

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

/** Where the records of one format go in the serialised skeleton. */
const slot = (prefix: string): string => `records:${prefix}`;

/**
 * The document without its records, serialised by xmlbuilder2 and cut at one
 * comment per ListRecords, so the records can be streamed in between.
 * (xmlbuilder2's own streaming builder makes a fragment per element and was
 * 15x slower: 118 s for 7,100 records.)
 */
function skeleton(repo: OaiRepository, formats: readonly MetadataFormat[], baseUrl: string): string[] {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
    .ele(STATIC_REPOSITORY_NS, 'Repository')
    .att(XMLNS_NS, 'xmlns:oai', OAI_NS)
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${STATIC_REPOSITORY_NS} http://www.openarchives.org/OAI/2.0/static-repository.xsd`);
  const identify = root.ele('Identify');
  const oai = (parent: XMLBuilder, name: string, text: string) => parent.ele(OAI_NS, `oai:${name}`).txt(text);
  oai(identify, 'repositoryName', repo.name);
  oai(identify, 'baseURL', baseUrl);
  oai(identify, 'protocolVersion', '2.0');
  oai(identify, 'adminEmail', repo.adminEmail);
  oai(identify, 'earliestDatestamp', repo.earliestDatestamp.slice(0, 10));
  oai(identify, 'deletedRecord', 'no');
  oai(identify, 'granularity', 'YYYY-MM-DD');
  const list = root.ele('ListMetadataFormats');
  for (const f of formats) {
    const e = list.ele(OAI_NS, 'oai:metadataFormat');
    oai(e, 'metadataPrefix', f.prefix);
    oai(e, 'schema', f.schema);
    oai(e, 'metadataNamespace', f.namespace);
  }
  for (const f of formats) root.ele('ListRecords').att('metadataPrefix', f.prefix).com(slot(f.prefix));
  let text = doc.end({ prettyPrint: true });
  const parts: string[] = [];
  for (const f of formats) {
    const mark = `<!--${slot(f.prefix)}-->`;
    const at = text.indexOf(mark);
    parts.push(text.slice(0, at));
    text = text.slice(at + mark.length);
  }
  parts.push(`${text}\n`);
  return parts;
}

/** A static repository file being written; see {@link openStaticRepository}. */
export interface StaticRepositoryWriter {
  /**
   * Adds the live item with this id (dataset pid or DOI) from its DataCite
   * model, and its `<resource>` element if already built (dataciteResource in
   * tools/export). Ids that are not live items, or were added before, are
   * ignored; a record that cannot be serialised becomes a problem in the
   * report, never a throw.
   */
  add(id: string, datacite: DataciteRecord, resource?: XMLBuilder): void;
  /** Adds the items not added yet (models from the repository), writes the file and renames it into place. */
  finish(): StaticRepositoryReport;
  /** Removes the temporary files, leaving no file behind. */
  abort(): void;
}

/** Where one record's text sits in a spool file. */
interface Span {
  at: number;
  length: number;
}

/**
 * Starts the static repository file of `repo` at `file`. Nothing appears at
 * `file` until {@link StaticRepositoryWriter.finish}; on failure call `abort`.
 */
export function openStaticRepository(repo: OaiRepository, file: string, opts: StaticRepositoryOptions): StaticRepositoryWriter {
  mkdirSync(dirname(file), { recursive: true });
  const formats = STATIC_FORMATS.map((p) => formatOf(p)!);
  const live = repo.items.filter((i) => !i.deleted);
  const byId = new Map(live.map((i) => [i.id, i]));
  const baseUrl = opts.gatewayUrl ? `${opts.gatewayUrl.replace(/\/?$/, '/')}${opts.fileUrl.replace(/^http:\/\//, '')}` : opts.fileUrl;
  // One spool per ListRecords; each record is converted once for every format.
  const spools = formats.map((_, n) => `${file}.${process.pid}.${n}.spool`);
  const tmp = `${file}.${process.pid}.tmp`;
  const fds: number[] = [];
  const ends = formats.map(() => 0);
  const spans = new Map<string, Span[]>();
  const problems = new Map<string, string>();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const fd of fds) closeSync(fd);
    for (const t of spools) rmSync(t, { force: true });
  };
  try {
    for (const t of spools) fds.push(openSync(t, 'w+'));
  } catch (err) {
    close();
    throw err;
  }

  const addItem = (item: OaiItem, datacite: DataciteRecord, resource?: XMLBuilder): void => {
    let texts: Buffer[];
    try {
      texts = formats.map((f) => Buffer.from(`\n${recordXml(repo, item, datacite, f, resource)}\n`));
    } catch (err) {
      problems.set(item.identifier, (err as Error).message);
      return;
    }
    spans.set(
      item.identifier,
      texts.map((b, n) => {
        const span = { at: ends[n]!, length: b.length };
        writeAll(fds[n]!, b, span.at);
        ends[n] = span.at + span.length;
        return span;
      }),
    );
  };
  const pending = (item: OaiItem): boolean => !spans.has(item.identifier) && !problems.has(item.identifier);

  return {
    add(id, datacite, resource) {
      const item = byId.get(id);
      if (item && pending(item)) addItem(item, datacite, resource);
    },
    finish() {
      let out: number | undefined;
      try {
        for (const item of live) {
          if (!pending(item)) continue;
          let datacite: DataciteRecord;
          try {
            datacite = repo.datacite(item);
          } catch (err) {
            problems.set(item.identifier, (err as Error).message);
            continue;
          }
          addItem(item, datacite);
        }
        const parts = skeleton(repo, formats, baseUrl);
        out = openSync(tmp, 'w');
        const copy = copier(out);
        for (const n of formats.keys()) {
          copy.text(parts[n]!);
          for (const item of live) {
            const span = spans.get(item.identifier)?.[n];
            if (span) copy.from(fds[n]!, span);
          }
        }
        copy.text(parts[formats.length]!);
        copy.flush();
        closeSync(out);
        out = undefined;
        renameSync(tmp, file);
      } catch (err) {
        if (out !== undefined) closeSync(out);
        rmSync(tmp, { force: true });
        throw err;
      } finally {
        close();
      }
      const report: StaticRepositoryReport = { file, records: spans.size, bytes: statSync(file).size, problems: [] };
      for (const item of live) {
        const message = problems.get(item.identifier);
        if (message !== undefined) report.problems.push({ identifier: item.identifier, message });
      }
      return report;
    },
    abort: close,
  };
}

/** Writes the static repository file of `repo` to `file` (atomically). */
export async function writeStaticRepository(repo: OaiRepository, file: string, opts: StaticRepositoryOptions): Promise<StaticRepositoryReport> {
  return openStaticRepository(repo, file, opts).finish();
}

/** Writes all of `b` to `fd`, at `position` or else at the file position. */
function writeAll(fd: number, b: Buffer, position?: number): void {
  let done = 0;
  while (done < b.length) done += writeSync(fd, b, done, b.length - done, position === undefined ? null : position + done);
}

/** Writes text, and spans of spool files, to `fd` through one buffer, so a record costs one read and no write of its own. */
function copier(fd: number): { text(s: string): void; from(spool: number, span: Span): void; flush(): void } {
  const buf = Buffer.allocUnsafe(1 << 20);
  let fill = 0;
  const flush = (): void => {
    writeAll(fd, buf.subarray(0, fill));
    fill = 0;
  };
  const read = (spool: number, into: Buffer, offset: number, span: Span): void => {
    let done = 0;
    while (done < span.length) {
      const n = readSync(spool, into, offset + done, span.length - done, span.at + done);
      if (n === 0) throw new Error(`the spool file ended before byte ${span.at + span.length}`);
      done += n;
    }
  };
  return {
    text(s) {
      flush();
      writeAll(fd, Buffer.from(s));
    },
    from(spool, span) {
      if (span.length > buf.length - fill) flush();
      if (span.length > buf.length) {
        const big = Buffer.allocUnsafe(span.length);
        read(spool, big, 0, span);
        writeAll(fd, big);
      } else {
        read(spool, buf, fill, span);
        fill += span.length;
      }
    },
    flush,
  };
}

/** One `<oai:record>`, serialised on its own. */
function recordXml(repo: OaiRepository, item: OaiItem, datacite: DataciteRecord, f: MetadataFormat, resource?: XMLBuilder): string {
  const doc = create();
  const rec = doc.ele(OAI_NS, 'oai:record');
  const header = rec.ele(OAI_NS, 'oai:header');
  header.ele(OAI_NS, 'oai:identifier').txt(item.identifier);
  header.ele(OAI_NS, 'oai:datestamp').txt(item.datestamp.slice(0, 10));
  f.append(rec.ele(OAI_NS, 'oai:metadata'), datacite, repo.datacentreSymbol, resource);
  return doc.end({ headless: true, prettyPrint: true });
}
