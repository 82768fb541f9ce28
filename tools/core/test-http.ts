/**
 * Test helper for the loopback stand-ins of outside services (the fake forge,
 * the fake DataCite): what a request said, in the form tests assert on.
 */
import type { IncomingMessage } from 'node:http';

/** A request as a stand-in records it: method, path without the query, the chosen headers and the body. */
export interface SeenRequest<H extends string> {
  method: string;
  path: string;
  headers: Partial<Record<H, string>>;
  /** JSON-parsed when the body is JSON, the text otherwise; absent when the body is empty. */
  body?: unknown;
}

/** Reads a request's whole body as UTF-8 text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Reads `req` (consuming its body) and keeps the headers named in `headerNames` (lower case) that it carries. */
export async function readRequest<H extends string>(req: IncomingMessage, headerNames: readonly H[]): Promise<SeenRequest<H>> {
  const text = await readBody(req);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const headers: Partial<Record<H, string>> = {};
  for (const name of headerNames) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, headers, ...(body === undefined ? {} : { body }) };
}
