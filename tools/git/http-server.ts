/**
 * A git smart-HTTP server for tests and local demos: node:http in front of
 * `git http-backend` (CGI), serving every repository under a root folder,
 * with push enabled. Loopback only, no authentication.
 *
 * Chosen over `git daemon` because (1) both engines can talk to it
 * (isomorphic-git speaks http only, not git://), (2) listening on port 0 lets
 * the OS pick a free port with no race, and (3) there are no forked daemon
 * children to reap. Run as a script it prints `{"port":N}` on stdout once
 * listening and exits when its stdin closes, so a parent that dies never
 * leaves it behind:
 *
 *   node tools/git/http-server.ts <root> [port]
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

/** A server answering git's smart-HTTP protocol for the repositories under `root`. */
export function createGitHttpServer(root: string, gitBinary = 'git'): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      // http-backend allows receive-pack (push) only for an authenticated user.
      REMOTE_USER: 'shelfmark',
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      SERVER_PROTOCOL: 'HTTP/1.1',
      GIT_CONFIG_NOSYSTEM: '1',
    };
    if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
    const enc = req.headers['content-encoding'];
    if (enc) env.HTTP_CONTENT_ENCODING = enc;
    const proto = req.headers['git-protocol'];
    if (typeof proto === 'string') env.GIT_PROTOCOL = proto;

    const cgi = spawn(gitBinary, ['http-backend'], { env });
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      const end = crlf !== -1 && (lf === -1 || crlf < lf) ? crlf : lf;
      if (end === -1) return;
      const sep = end === crlf ? 4 : 2;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i === -1) continue;
        const name = line.slice(0, i).trim();
        const value = line.slice(i + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
        else res.setHeader(name, value);
      }
      res.statusCode = status;
      res.write(head.subarray(end + sep));
    });
    let stderr = '';
    cgi.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    cgi.on('error', (err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`cannot run git http-backend: ${err.message}\n`);
    });
    cgi.on('close', (code) => {
      if (!headersDone) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`git http-backend failed (exit ${code}): ${stderr}\n`);
      } else res.end();
    });
    req.pipe(cgi.stdin);
    cgi.stdin.on('error', () => {}); // the backend may exit before reading a rejected body
  });
}

/** Listens on 127.0.0.1 (port 0: any free port); resolves with the port. */
export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root, port] = process.argv.slice(2);
  if (!root) {
    process.stderr.write('usage: node tools/git/http-server.ts <root folder of bare repositories> [port]\n');
    process.exitCode = 2;
  } else {
    const server = createGitHttpServer(root);
    const p = await listen(server, port ? Number(port) : 0);
    process.stdout.write(`${JSON.stringify({ port: p })}\n`);
    // Exit when the parent closes our stdin (or dies), so no server outlives its test.
    // (process.exit rather than server.close: git clients hold keep-alive connections open.)
    process.stdin.on('end', () => process.exit(0));
    process.stdin.on('close', () => process.exit(0));
    process.stdin.resume();
  }
}
