/**
 * The one interface to the DataCite REST API (https://support.datacite.org/docs/api):
 * JSON:API documents on `GET /dois/<doi>`, `POST /dois` and `PUT /dois/<doi>`,
 * basic auth with the repository id and password. Callers see `DataciteApi`
 * only, so tests run it against the local stand-in (fake-datacite.ts).
 *
 * Retries: a network error, a timeout, 429 or 5xx is retried with exponential
 * backoff (bounded), then reported as E_DATACITE_UNAVAILABLE. 401/403/404/422
 * are answers, not faults: they are never retried and carry DataCite's error
 * details (source, title) so the message can say what to fix.
 */
import type { DataciteJsonDocument } from '../export/datacite-json.ts';

/** DataCite's DOI states (https://support.datacite.org/docs/doi-states). */
export type DoiState = 'draft' | 'registered' | 'findable';

/** What DataCite holds for one DOI. */
export interface RemoteDoi {
  doi: string;
  state: DoiState;
  url?: string;
  attributes: Record<string, unknown>;
}

/** One JSON:API error object, as DataCite sends it (`source` is a field name, or a JSON:API `{pointer}`). */
export interface ErrorDetail {
  status?: string;
  title: string;
  source?: string;
}

export type DataciteErrorCode =
  | 'E_DATACITE_CREDENTIALS'
  | 'E_DATACITE_AUTH'
  | 'E_DATACITE_INVALID'
  | 'E_DATACITE_NOT_FOUND'
  | 'E_DATACITE_UNAVAILABLE'
  | 'E_DATACITE_HTTP';

/** A DataCite failure with a `code`, the HTTP status when there was one, and DataCite's own error details. */
export class DataciteError extends Error {
  readonly code: DataciteErrorCode;
  readonly status: number | undefined;
  readonly details: ErrorDetail[];
  constructor(code: DataciteErrorCode, message: string, status?: number, details: ErrorDetail[] = []) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The narrow interface every caller uses. */
export interface DataciteApi {
  /** The DOI as DataCite holds it, or undefined when DataCite does not know it (404). */
  get(doi: string): Promise<RemoteDoi | undefined>;
  /** `POST /dois`: creates the DOI (a draft unless the document carries an event). */
  create(doc: DataciteJsonDocument): Promise<RemoteDoi>;
  /** `PUT /dois/<doi>`: updates metadata and, with `attributes.event`, the state. */
  update(doi: string, doc: DataciteJsonDocument): Promise<RemoteDoi>;
}

/** Settings of the HTTP adapter. */
export interface HttpOptions {
  /** API base URL, e.g. https://api.test.datacite.org. */
  endpoint: string;
  /** Repository id (e.g. `ABC.XYZ`). */
  username: string;
  password: string;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff delay; doubles each retry (default 500 ms), capped at `maxDelayMs` (default 8 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each retry, e.g. to print progress. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** The JSON:API media type DataCite requires on requests with a body. */
export const JSON_API = 'application/vnd.api+json';

/** Reads DATACITE_USERNAME / DATACITE_PASSWORD; throws E_DATACITE_CREDENTIALS naming what is missing. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): { username: string; password: string } {
  const username = env.DATACITE_USERNAME;
  const password = env.DATACITE_PASSWORD;
  const missing = [!username && 'DATACITE_USERNAME', !password && 'DATACITE_PASSWORD'].filter(Boolean);
  if (missing.length > 0)
    throw new DataciteError(
      'E_DATACITE_CREDENTIALS',
      `${missing.join(' and ')} not set. Export your DataCite repository id as DATACITE_USERNAME and its password as DATACITE_PASSWORD (never put them in catalog/config.json), or use --dry-run to see the request without sending it.`,
    );
  return { username: username!, password: password! };
}

/** Turns a JSON:API `errors` array into details; `source` may be DataCite's field name or a `{pointer}`. */
export function errorDetails(body: unknown): ErrorDetail[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: Record<string, unknown>) => {
    const src = e.source as unknown;
    const source = typeof src === 'string' ? src : typeof (src as { pointer?: unknown })?.pointer === 'string' ? (src as { pointer: string }).pointer : undefined;
    return {
      title: String(e.title ?? e.detail ?? 'no title'),
      ...(e.status !== undefined ? { status: String(e.status) } : {}),
      ...(source ? { source } : {}),
    };
  });
}

function describeDetails(details: ErrorDetail[]): string {
  return details.map((d) => (d.source ? `${d.source}: ${d.title}` : d.title)).join('; ');
}

function toRemote(body: unknown): RemoteDoi {
  const data = (body as { data?: { id?: string; attributes?: Record<string, unknown> } }).data;
  const attributes = data?.attributes ?? {};
  const state = attributes.state;
  if (!data || (state !== 'draft' && state !== 'registered' && state !== 'findable'))
    throw new DataciteError('E_DATACITE_HTTP', `DataCite answered without a DOI state (got ${JSON.stringify(body).slice(0, 200)}).`);
  return {
    doi: String(attributes.doi ?? data.id),
    state,
    ...(typeof attributes.url === 'string' ? { url: attributes.url } : {}),
    attributes,
  };
}

const retryable = (status: number) => status === 429 || status >= 500;

/** The DataCite REST API over fetch. */
export function httpDataciteApi(opts: HttpOptions): DataciteApi {
  const base = opts.endpoint.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
  const retries = opts.retries ?? 4;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function request(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const url = `${base}${path}`;
    let lastReason = '';
    for (let attempt = 0; ; attempt++) {
      let reason: string;
      let retryAfterMs: number | undefined;
      try {
        const res = await fetch(url, {
          method,
          headers: {
            Accept: JSON_API,
            Authorization: auth,
            ...(body !== undefined ? { 'Content-Type': JSON_API } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await res.text();
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        if (!retryable(res.status)) return { status: res.status, json };
        reason = `HTTP ${res.status}${errorDetails(json).length ? ` (${describeDetails(errorDetails(json))})` : ''}`;
        const ra = Number(res.headers.get('retry-after'));
        if (Number.isFinite(ra) && ra > 0) retryAfterMs = ra * 1000;
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        reason =
          e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.cause?.code ? `${e.cause.code}` : e.message;
      }
      lastReason = reason;
      if (attempt >= retries) break;
      const cap = opts.maxDelayMs ?? 8_000;
      const delayMs = Math.min(cap, retryAfterMs ?? (opts.baseDelayMs ?? 500) * 2 ** attempt);
      opts.onRetry?.({ attempt: attempt + 1, delayMs, reason });
      await sleep(delayMs);
    }
    throw new DataciteError(
      'E_DATACITE_UNAVAILABLE',
      `DataCite at ${base} did not answer ${method} ${path} after ${retries + 1} attempts (last: ${lastReason}). Nothing is lost: the publication record is unchanged; run the same command again later (it checks DataCite first and never creates a second DOI). Check the status page https://status.datacite.org and config.datacite.endpoint.`,
    );
  }

  function fail(method: string, path: string, status: number, json: unknown): never {
    const details = errorDetails(json);
    const what = describeDetails(details) || `HTTP ${status}`;
    if (status === 401 || status === 403)
      throw new DataciteError(
        'E_DATACITE_AUTH',
        `DataCite refused ${method} ${path} (${status}: ${what}). Check DATACITE_USERNAME (the repository id, e.g. ABC.XYZ) and DATACITE_PASSWORD, and that the repository owns the DOI prefix.`,
        status,
        details,
      );
    if (status === 422)
      throw new DataciteError(
        'E_DATACITE_INVALID',
        `DataCite rejected the metadata of ${method} ${path}: ${what}. Fix the publication record (the named fields) and run again.`,
        status,
        details,
      );
    if (status === 404) throw new DataciteError('E_DATACITE_NOT_FOUND', `DataCite does not know ${path} (404).`, status, details);
    throw new DataciteError('E_DATACITE_HTTP', `DataCite answered ${status} to ${method} ${path}: ${what}.`, status, details);
  }

  const doiPath = (doi: string) => `/dois/${encodeURIComponent(doi.toLowerCase()).replace(/%2F/gi, '/')}`;

  return {
    async get(doi) {
      const path = doiPath(doi);
      const { status, json } = await request('GET', path);
      if (status === 404) return undefined;
      if (status !== 200) fail('GET', path, status, json);
      return toRemote(json);
    },
    async create(doc) {
      const { status, json } = await request('POST', '/dois', doc);
      if (status !== 201) fail('POST', '/dois', status, json);
      return toRemote(json);
    },
    async update(doi, doc) {
      const path = doiPath(doi);
      const { status, json } = await request('PUT', path, doc);
      if (status !== 200 && status !== 201) fail('PUT', path, status, json);
      return toRemote(json);
    },
  };
}
