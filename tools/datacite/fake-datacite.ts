/**
 * A faithful local stand-in for the DataCite REST API, for tests: node:http on
 * 127.0.0.1 with an in-memory DOI store, following
 * https://support.datacite.org/docs/api-create-dois and /docs/doi-states:
 *
 *   POST /dois          201 with the new DOI; 422 "This DOI has already been taken"
 *   PUT  /dois/<doi>    200 (201 when it creates the DOI, as DataCite does)
 *   GET  /dois/<doi>    200, or 404 (a draft is only visible with credentials)
 *
 * States draft → registered → findable, and findable → registered (hide); a DOI
 * never returns to draft. Metadata is checked only when a DOI leaves draft
 * (url, creators, titles, publisher, publicationYear, types), answering 422
 * with JSON:API `errors: [{status, source, title}]` like DataCite. Without or
 * with wrong credentials: 401 `Bad credentials.`. A request body must be
 * `application/vnd.api+json`.
 *
 * It records every request (method, path, headers, JSON body) so a test can
 * assert exactly what the adapter sent, and can inject faults: the next N
 * requests answer 500, or every answer is delayed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readRequest } from '../core/test-http.ts';
import type { DoiState } from './client.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: { authorization?: string; 'content-type'?: string; accept?: string };
  body?: unknown;
}

export interface StoredDoi {
  state: DoiState;
  attributes: Record<string, unknown>;
  /** How many times it was created (must stay 1). */
  created: number;
}

export interface FakeDatacite {
  /** Base URL, e.g. http://127.0.0.1:40123. */
  url: string;
  username: string;
  password: string;
  requests: RecordedRequest[];
  /** The DOI store, by lower-case DOI. */
  dois: Map<string, StoredDoi>;
  /** Answer the next `n` requests with 500 (they do not reach the store). */
  failNext(n: number, status?: number): void;
  /** Hold every answer this long (after the store has changed, like a slow network). */
  delay(ms: number): void;
  /** Calls `cb` each time a DOI is stored, before the answer goes out (e.g. to kill the client then). */
  onStore(cb: ((doi: string, stored: StoredDoi) => void) | undefined): void;
  close(): Promise<void>;
}

const TRANSITIONS: Record<DoiState, Partial<Record<string, DoiState>>> = {
  draft: { register: 'registered', publish: 'findable' },
  registered: { register: 'registered', publish: 'findable', hide: 'registered' },
  findable: { publish: 'findable', hide: 'registered' },
};

type Err = { status: string; title: string; source?: string };

/** The checks DataCite makes before a DOI leaves draft (schema 4 mandatory properties plus the URL). */
function metadataErrors(doi: string, a: Record<string, unknown>): Err[] {
  const errors: Err[] = [];
  const blank = (source: string, title = "can't be blank") => errors.push({ status: '422', source, title: `DOI ${doi}: ${title}` });
  if (typeof a.url !== 'string' || !/^https?:\/\//.test(a.url)) blank('url');
  const creators = a.creators;
  if (!Array.isArray(creators) || creators.length === 0 || creators.some((c) => !c || typeof (c as { name?: unknown }).name !== 'string'))
    blank('creators', 'Missing child element(s). Expected is ( creator ).');
  const titles = a.titles;
  if (!Array.isArray(titles) || titles.length === 0 || titles.some((t) => !t || typeof (t as { title?: unknown }).title !== 'string' || !(t as { title: string }).title))
    blank('titles', 'Missing child element(s). Expected is ( title ).');
  const publisher = a.publisher as { name?: unknown } | string | undefined;
  if (!publisher || (typeof publisher === 'object' && typeof publisher.name !== 'string')) blank('publisher');
  if (!/^\d{4}$/.test(String(a.publicationYear ?? ''))) blank('publicationYear', 'publication year must be four digits');
  if (!(a.types as { resourceTypeGeneral?: unknown } | undefined)?.resourceTypeGeneral) blank('types', "resource type general can't be blank");
  return errors;
}

/** Starts the stand-in on a free loopback port. `prefixes` are the DOI prefixes the repository owns. */
export async function startFakeDatacite(opts: { username?: string; password?: string; prefixes?: string[] } = {}): Promise<FakeDatacite> {
  const username = opts.username ?? 'TEST.SHELFMARK';
  const password = opts.password ?? 'secret';
  const prefixes = opts.prefixes ?? ['10.5072'];
  const requests: RecordedRequest[] = [];
  const dois = new Map<string, StoredDoi>();
  let failures = 0;
  let failStatus = 500;
  let delayMs = 0;
  let storeHook: ((doi: string, stored: StoredDoi) => void) | undefined;
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

  const send = async (res: ServerResponse, status: number, body: unknown) => {
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/vnd.api+json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const errors = (res: ServerResponse, status: number, errs: Err[]) => send(res, status, { errors: errs });
  const view = (doi: string, s: StoredDoi) => ({ data: { id: doi, type: 'dois', attributes: { ...s.attributes, doi, state: s.state } } });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const seen = await readRequest(req, ['authorization', 'content-type', 'accept'] as const);
    requests.push(seen);
    const { path, body } = seen;
    const h = req.headers;
    if (failures > 0) {
      failures--;
      return errors(res, failStatus, [{ status: String(failStatus), title: 'Internal server error' }]);
    }
    const authed = h.authorization === expectedAuth;
    if (h.authorization !== undefined && !authed) return errors(res, 401, [{ status: '401', title: 'Bad credentials.' }]);

    const m = /^\/dois\/(.+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const doi = decodeURIComponent(m[1]!).toLowerCase();
      const s = dois.get(doi);
      // Drafts and registered DOIs are visible only to their repository.
      if (!s || (!authed && s.state !== 'findable'))
        return errors(res, 404, [{ status: '404', title: "The resource you are looking for doesn't exist." }]);
      return send(res, 200, view(doi, s));
    }
    if ((req.method === 'POST' && path === '/dois') || (req.method === 'PUT' && m)) {
      if (!authed) return errors(res, 401, [{ status: '401', title: 'Bad credentials.' }]);
      if (!String(h['content-type'] ?? '').startsWith('application/vnd.api+json'))
        return errors(res, 415, [{ status: '415', title: 'The content type is not recognized.' }]);
      const data = (body as { data?: { type?: string; attributes?: Record<string, unknown> } } | undefined)?.data;
      if (!data || data.type !== 'dois' || typeof data.attributes !== 'object')
        return errors(res, 400, [{ status: '400', title: 'You need to provide a payload following the JSONAPI spec' }]);
      const { event, ...attributes } = data.attributes;
      const doi = String(req.method === 'PUT' ? decodeURIComponent(m![1]!) : attributes.doi ?? '').toLowerCase();
      if (!doi) return errors(res, 422, [{ status: '422', source: 'doi', title: "can't be blank" }]);
      if (!prefixes.includes(doi.split('/')[0]!))
        return errors(res, 403, [{ status: '403', title: 'You are not authorized to access this resource.' }]);
      const existing = dois.get(doi);
      if (req.method === 'POST' && existing) return errors(res, 422, [{ status: '422', source: 'doi', title: 'This DOI has already been taken' }]);
      const from: DoiState = existing?.state ?? 'draft';
      let to: DoiState = from;
      if (event !== undefined) {
        const next = TRANSITIONS[from][String(event)];
        if (!next) return errors(res, 422, [{ status: '422', source: 'event', title: `Cannot transition from ${from} via ${String(event)}` }]);
        to = next;
      }
      const merged = { ...(existing?.attributes ?? {}), ...attributes };
      if (to !== 'draft') {
        const errs = metadataErrors(doi, merged);
        if (errs.length > 0) return errors(res, 422, errs);
      }
      const stored: StoredDoi = { state: to, attributes: merged, created: (existing?.created ?? 0) + (existing ? 0 : 1) };
      dois.set(doi, stored);
      storeHook?.(doi, stored);
      return send(res, existing ? 200 : 201, view(doi, stored));
    }
    return errors(res, 404, [{ status: '404', title: "The resource you are looking for doesn't exist." }]);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    username,
    password,
    requests,
    dois,
    failNext(n, status = 500) {
      failures = n;
      failStatus = status;
    },
    delay(ms) {
      delayMs = ms;
    },
    onStore(cb) {
      storeHook = cb;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
