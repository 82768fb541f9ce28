/**
 * OAI-PMH 2.0 (http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm):
 * one request's arguments in, one response document out. Pure apart from
 * reading records through the repository; the HTTP server (server.ts) only
 * collects the arguments from GET or POST and sends the text.
 *
 * XML is built with xmlbuilder2. Errors are the spec's (§3.6); a request with a
 * badVerb or badArgument echoes only the base URL in `<request>` (§3.2).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { GRANULARITY, parseDateArg, toDatestamp, type DateArg } from './datestamps.ts';
import { formatOf, METADATA_FORMATS, type MetadataFormat } from './formats.ts';
import type { OaiItem, OaiRepository } from './repository.ts';
import { decodeToken, encodeToken, type TokenState } from './token.ts';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_SCHEMA_LOCATION = `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`;
export const OAI_IDENTIFIER_NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Records or headers per page of ListRecords / ListIdentifiers. */
export const DEFAULT_PAGE_SIZE = 100;

export type ErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiRequest {
  /** The endpoint's URL, echoed in `<request>` and Identify's baseURL. */
  baseUrl: string;
  /** Arguments in the order received; a repeated name is a badArgument (or a badVerb for `verb`). */
  params: readonly (readonly [string, string])[];
  /** The clock for responseDate (default now). */
  now?: Date;
  pageSize?: number;
}

export interface OaiResponse {
  xml: string;
  /** The first error code, when the response is an error. */
  error?: ErrorCode;
}

/** An OAI-PMH error condition (§3.6), with a message that says what to send instead. */
class OaiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

// Arguments each verb allows (§4), required ones first; resumptionToken is exclusive.
const VERBS: Record<string, { required: string[]; optional: string[]; token: boolean }> = {
  Identify: { required: [], optional: [], token: false },
  ListMetadataFormats: { required: [], optional: ['identifier'], token: false },
  ListSets: { required: [], optional: [], token: true },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], token: true },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], token: true },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [], token: false },
};

/** Answers one OAI-PMH request. */
export function respond(repo: OaiRepository, req: OaiRequest): OaiResponse {
  const now = req.now ?? new Date();
  const args = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [k, v] of req.params) {
    if (args.has(k)) repeated.add(k);
    args.set(k, v);
  }
  const verb = args.get('verb');
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
    .ele(OAI_NS, 'OAI-PMH')
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', OAI_SCHEMA_LOCATION);
  root.ele('responseDate').txt(toDatestamp(now));
  const request = root.ele('request');
  request.txt(req.baseUrl);
  const fail = (e: OaiError): OaiResponse => {
    root.ele('error').att('code', e.code).txt(e.message);
    return { xml: doc.end({ prettyPrint: true }), error: e.code };
  };

  if (verb === undefined) return fail(new OaiError('badVerb', 'The request has no verb argument. Use one of: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord.'));
  if (repeated.has('verb')) return fail(new OaiError('badVerb', 'The verb argument is repeated; give it once.'));
  const spec = VERBS[verb];
  if (!spec) return fail(new OaiError('badVerb', `"${verb}" is not an OAI-PMH verb. Use one of: ${Object.keys(VERBS).join(', ')}.`));
  try {
    checkArguments(verb, spec, args, repeated);
  } catch (e) {
    if (e instanceof OaiError) return fail(e);
    throw e;
  }
  // A valid request: echo its arguments (§3.2).
  for (const [k, v] of args) request.att(k, v);
  try {
    const body = root.ele(verb);
    const pageSize = req.pageSize ?? DEFAULT_PAGE_SIZE;
    switch (verb) {
      case 'Identify':
        identify(body, repo, req.baseUrl);
        break;
      case 'ListMetadataFormats':
        listMetadataFormats(body, repo, args.get('identifier'));
        break;
      case 'ListSets':
        listSets(body, repo, args.get('resumptionToken'));
        break;
      case 'GetRecord':
        getRecord(body, repo, args.get('identifier')!, args.get('metadataPrefix')!);
        break;
      default:
        list(body, repo, verb as 'ListRecords' | 'ListIdentifiers', args, pageSize);
    }
  } catch (e) {
    if (!(e instanceof OaiError)) throw e;
    // The verb element was started before the error was known: an error response has none.
    root.last().remove();
    return fail(e);
  }
  return { xml: doc.end({ prettyPrint: true }) };
}

function checkArguments(verb: string, spec: (typeof VERBS)[string], args: Map<string, string>, repeated: Set<string>): void {
  if (repeated.size > 0) throw new OaiError('badArgument', `The argument ${[...repeated].join(', ')} is repeated; give each argument once.`);
  const allowed = new Set(['verb', ...spec.required, ...spec.optional, ...(spec.token ? ['resumptionToken'] : [])]);
  const illegal = [...args.keys()].filter((k) => !allowed.has(k));
  if (illegal.length > 0)
    throw new OaiError('badArgument', `${verb} does not take the argument ${illegal.join(', ')}. It takes: ${[...allowed].filter((k) => k !== 'verb').join(', ') || 'no arguments'}.`);
  if (args.has('resumptionToken')) {
    const others = [...args.keys()].filter((k) => k !== 'verb' && k !== 'resumptionToken');
    if (others.length > 0) throw new OaiError('badArgument', `resumptionToken is an exclusive argument; remove ${others.join(', ')}.`);
    return;
  }
  const missing = spec.required.filter((k) => !args.has(k));
  if (missing.length > 0) throw new OaiError('badArgument', `${verb} needs the argument ${missing.join(' and ')}.`);
  const from = args.has('from') ? parseDateArg(args.get('from')!, 'from') : undefined;
  const until = args.has('until') ? parseDateArg(args.get('until')!, 'until') : undefined;
  for (const [k, v] of [['from', from], ['until', until]] as const)
    if (args.has(k) && !v) throw new OaiError('badArgument', `${k}="${args.get(k)}" is not a UTC date. Use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`);
  if (from && until) {
    if (from.granularity !== until.granularity) throw new OaiError('badArgument', 'from and until must have the same granularity (both days or both seconds).');
    if (from.ms > until.ms) throw new OaiError('badArgument', `from (${args.get('from')}) is after until (${args.get('until')}).`);
  }
}

function identify(body: XMLBuilder, repo: OaiRepository, baseUrl: string): void {
  body.ele('repositoryName').txt(repo.name);
  body.ele('baseURL').txt(baseUrl);
  body.ele('protocolVersion').txt('2.0');
  body.ele('adminEmail').txt(repo.adminEmail);
  body.ele('earliestDatestamp').txt(repo.earliestDatestamp);
  body.ele('deletedRecord').txt('persistent');
  body.ele('granularity').txt(GRANULARITY);
  const sample = repo.items.find((i) => !i.deleted)?.identifier ?? `oai:${repo.repositoryIdentifier}:20.500.12345/20240017/ses-0001`;
  body
    .ele('description')
    .ele(OAI_IDENTIFIER_NS, 'oai-identifier')
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_IDENTIFIER_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`)
    .ele('scheme').txt('oai').up()
    .ele('repositoryIdentifier').txt(repo.repositoryIdentifier).up()
    .ele('delimiter').txt(':').up()
    .ele('sampleIdentifier').txt(sample);
}

function appendFormat(parent: XMLBuilder, f: MetadataFormat): void {
  const e = parent.ele('metadataFormat');
  e.ele('metadataPrefix').txt(f.prefix);
  e.ele('schema').txt(f.schema);
  e.ele('metadataNamespace').txt(f.namespace);
}

function listMetadataFormats(body: XMLBuilder, repo: OaiRepository, identifier: string | undefined): void {
  if (identifier !== undefined && !repo.item(identifier)) throw unknownId(identifier);
  // Every item can be disseminated in every format: all come from the same DataCite model.
  for (const f of METADATA_FORMATS) appendFormat(body, f);
}

function listSets(body: XMLBuilder, repo: OaiRepository, token: string | undefined): void {
  // The sets fit in one page; a token can only have come from elsewhere.
  if (token !== undefined) throw new OaiError('badResumptionToken', 'ListSets returns every set in one response and issues no resumption tokens.');
  for (const s of repo.sets) body.ele('set').ele('setSpec').txt(s.spec).up().ele('setName').txt(s.name);
}

const unknownId = (identifier: string): OaiError =>
  new OaiError('idDoesNotExist', `No record has the identifier "${identifier}". Identifiers look like oai:<repository>:<pid or DOI>; list them with ListIdentifiers.`);

function format(prefix: string): MetadataFormat {
  const f = formatOf(prefix);
  if (!f) throw new OaiError('cannotDisseminateFormat', `metadataPrefix "${prefix}" is not served here. Use one of: ${METADATA_FORMATS.map((x) => x.prefix).join(', ')}.`);
  return f;
}

function appendHeader(parent: XMLBuilder, item: OaiItem): void {
  const h = parent.ele('header');
  if (item.deleted) h.att('status', 'deleted');
  h.ele('identifier').txt(item.identifier);
  h.ele('datestamp').txt(item.datestamp);
  for (const s of item.sets) h.ele('setSpec').txt(s);
}

function appendRecord(parent: XMLBuilder, repo: OaiRepository, item: OaiItem, f: MetadataFormat): void {
  const r = parent.ele('record');
  appendHeader(r, item);
  if (!item.deleted) f.append(r.ele('metadata'), repo.datacite(item), repo.datacentreSymbol);
}

function getRecord(body: XMLBuilder, repo: OaiRepository, identifier: string, prefix: string): void {
  const f = format(prefix);
  const item = repo.item(identifier);
  if (!item) throw unknownId(identifier);
  appendRecord(body, repo, item, f);
}

function list(body: XMLBuilder, repo: OaiRepository, verb: 'ListRecords' | 'ListIdentifiers', args: Map<string, string>, pageSize: number): void {
  let state: TokenState;
  const token = args.get('resumptionToken');
  if (token !== undefined) {
    const decoded = decodeToken(token);
    if (!decoded || decoded.verb !== verb || decoded.metadataPrefix === undefined)
      throw new OaiError('badResumptionToken', `The resumption token is not one this repository issued for ${verb}. Start the list again without it.`);
    if (decoded.fingerprint !== repo.fingerprint)
      throw new OaiError('badResumptionToken', 'The repository has changed since this resumption token was issued. Start the list again without it.');
    state = decoded;
  } else {
    state = { verb, metadataPrefix: args.get('metadataPrefix')!, offset: 0, fingerprint: repo.fingerprint };
    for (const k of ['set', 'from', 'until'] as const) if (args.has(k)) state[k] = args.get(k)!;
  }
  const f = format(state.metadataPrefix!);
  const from: DateArg | undefined = state.from ? parseDateArg(state.from, 'from') : undefined;
  const until: DateArg | undefined = state.until ? parseDateArg(state.until, 'until') : undefined;
  // Datestamps share one fixed-width UTC format, so they compare as strings.
  const lo = from ? toDatestamp(from.ms) : undefined;
  const hi = until ? toDatestamp(until.ms) : undefined;
  const matches = repo.items.filter(
    (i) => (state.set === undefined || i.sets.includes(state.set)) && (!lo || i.datestamp >= lo) && (!hi || i.datestamp <= hi),
  );
  if (matches.length === 0) throw new OaiError('noRecordsMatch', 'No records match the combination of set, from and until given.');
  if (state.offset >= matches.length && token !== undefined)
    throw new OaiError('badResumptionToken', 'The resumption token points past the end of the list. Start the list again without it.');
  const page = matches.slice(state.offset, state.offset + pageSize);
  for (const item of page) {
    if (verb === 'ListRecords') appendRecord(body, repo, item, f);
    else appendHeader(body, item);
  }
  const next = state.offset + page.length;
  // §3.5: every page of an incomplete list carries a token; the last one an empty token.
  if (token !== undefined || next < matches.length) {
    const t = body.ele('resumptionToken').att('completeListSize', String(matches.length)).att('cursor', String(state.offset));
    if (next < matches.length) t.txt(encodeToken({ ...state, offset: next }));
  }
}
