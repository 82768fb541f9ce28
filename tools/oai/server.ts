/**
 * `shelfmark oai serve`: a small read-only OAI-PMH 2.0 endpoint. It only moves
 * bytes: arguments come from the query string (GET) or an
 * application/x-www-form-urlencoded body (POST), protocol.ts answers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { respond } from './protocol.ts';
import type { OaiRepository } from './repository.ts';

export interface OaiServerOptions {
  repo: OaiRepository;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The endpoint's path (default `/oai`). */
  path?: string;
  /** The public base URL, when a proxy puts the endpoint elsewhere (default: the address it listens on). */
  baseUrl?: string;
  pageSize?: number;
}

export interface OaiServer {
  /** The endpoint's base URL. */
  url: string;
  close(): Promise<void>;
}

/** Requests with a longer body are refused: no OAI-PMH request needs more. */
const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        done(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Starts the endpoint; resolves once it listens. */
export async function startOaiServer(opts: OaiServerOptions): Promise<OaiServer> {
  const path = opts.path ?? '/oai';
  let baseUrl = opts.baseUrl ?? '';
  const server: Server = createServer(async (req, res) => {
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== path) return send(404, 'text/plain; charset=utf-8', `Not found. The OAI-PMH endpoint is ${baseUrl}\n`);
      let params: URLSearchParams;
      if (req.method === 'GET' || req.method === 'HEAD') params = url.searchParams;
      else if (req.method === 'POST') {
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded')
          return send(415, 'text/plain; charset=utf-8', 'POST requests must be application/x-www-form-urlencoded (OAI-PMH §3.1.1.2).\n');
        const body = await readBody(req);
        if (body === undefined) return send(413, 'text/plain; charset=utf-8', `Request body over ${MAX_BODY} bytes.\n`);
        params = new URLSearchParams(body);
      } else return send(405, 'text/plain; charset=utf-8', 'Only GET and POST are supported.\n', { allow: 'GET, HEAD, POST' });
      const out = respond(opts.repo, { baseUrl, params: [...params], ...(opts.pageSize ? { pageSize: opts.pageSize } : {}) });
      send(200, 'text/xml; charset=utf-8', req.method === 'HEAD' ? '' : out.xml);
    } catch (err) {
      // A record the exporters cannot convert: say which request, not a stack trace.
      send(500, 'text/plain; charset=utf-8', `Internal error while answering ${req.url}: ${(err as Error).message}. Please report it as a bug.\n`);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => done());
  });
  const addr = server.address() as AddressInfo;
  if (!baseUrl) baseUrl = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}${path}`;
  return {
    url: baseUrl,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
