/**
 * A small static file server for the built site, on loopback by default:
 * `npm start` and the browser tests use it, and any other static server works
 * the same way (Pagefind runs entirely in the browser).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { EXPORT_FILES } from './export-files.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  // Pagefind's index, fragments and metadata are binary (gzip inside, not Content-Encoding).
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The Content-Type for a file name; export files get their own registered types. */
export function contentType(path: string): string {
  const name = path.split('/').pop() ?? '';
  const exp = EXPORT_FILES.find((e) => e.file === name);
  if (exp) return `${exp.mediaType}; charset=utf-8`;
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a request path to a file under `root`: folders serve their index.html; nothing escapes `root`. */
export async function resolveRequest(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  const full = resolve(root, `.${normalize(`/${decoded}`)}`);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    const s = await stat(full);
    if (s.isFile()) return full;
    if (s.isDirectory()) {
      const index = join(full, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Pagefind's index, fragments, filters, metadata and WebAssembly: gzip files. */
const PAGEFIND_DATA = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export interface Served {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on `host:port` (port 0 picks a free one); resolves once listening. */
export async function serveStatic(root: string, opts: { host?: string; port?: number } = {}): Promise<Served> {
  const dir = resolve(root);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // A folder URL without its trailing slash: redirect so relative links work.
    let file = await resolveRequest(dir, path);
    if (file && file.endsWith(`${sep}index.html`) && !path.split('?')[0]!.endsWith('/') && !path.endsWith('index.html')) {
      res.writeHead(301, { location: `${path.split('?')[0]}/` }).end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = await resolveRequest(dir, '/404.html');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
    }
    const s = await stat(file);
    const headers: Record<string, string | number> = { 'content-type': contentType(file), 'content-length': s.size, 'cache-control': 'no-cache' };
    if (PAGEFIND_DATA.test(file)) {
      headers.vary = 'accept-encoding';
      // Pagefind's files are gzip inside: sent as gzip, the browser unpacks them
      // natively and Pagefind skips its own (JavaScript) gunzip.
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && (await isGzip(file))) headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Keep-alive connections would hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}
