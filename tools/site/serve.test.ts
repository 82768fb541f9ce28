import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, serveStatic, type Served } from './serve.ts';

let dir: string;
let served: Served;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shelfmark-serve-'));
  await mkdir(join(dir, 'datasets', 'p', 'n'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<h1>home</h1>');
  await writeFile(join(dir, '404.html'), '<h1>missing</h1>');
  await writeFile(join(dir, 'datasets', 'p', 'n', 'index.html'), '<h1>ds</h1>');
  await writeFile(join(dir, 'datasets', 'p', 'n', 'citation.bib'), '@misc{x}');
  await mkdir(join(dir, 'pagefind', '2024', 'index'), { recursive: true });
  await writeFile(join(dir, 'pagefind', '2024', 'index', 'en_1.pf_index'), gzipSync('pagefind_dcd{"words":1}'));
  await writeFile(join(dir, 'pagefind', '2024', 'index', 'en_2.pf_index'), 'not gzip');
  served = await serveStatic(dir, { port: 0 });
});
afterAll(async () => {
  await served.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('listens on loopback and serves folder pages', async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(`${served.url}datasets/p/n/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toBe('<h1>ds</h1>');
  });
  it('redirects a folder without its slash', async () => {
    const r = await fetch(`${served.url}datasets/p/n`, { redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/datasets/p/n/');
  });
  it('serves the 404 page with status 404, also for paths escaping the root', async () => {
    const r = await fetch(`${served.url}nope/`);
    expect(r.status).toBe(404);
    expect(await r.text()).toBe('<h1>missing</h1>');
    const esc = await fetch(`${served.url}..%2f..%2fetc%2fpasswd`);
    expect(esc.status).toBe(404);
  });
  it('gives exports and Pagefind files their content types', async () => {
    const r = await fetch(`${served.url}datasets/p/n/citation.bib`);
    expect(r.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    expect(contentType('pagefind/2024/wasm.en.pagefind')).toBe('application/octet-stream');
    expect(contentType('pagefind/2024/pagefind.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x/datacite.xml')).toBe('application/vnd.datacite.datacite+xml; charset=utf-8');
    expect(contentType('x/schema-org.jsonld')).toBe('application/ld+json; charset=utf-8');
  });
  it("sends Pagefind's gzip files as gzip, so the browser unpacks them instead of Pagefind's JavaScript", async () => {
    // fetch() unpacks a gzip response itself: what arrives is the unpacked text.
    const r = await fetch(`${served.url}pagefind/2024/index/en_1.pf_index`);
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('vary')).toBe('accept-encoding');
    expect(await r.text()).toBe('pagefind_dcd{"words":1}');
    // A client that does not accept gzip gets the bytes as stored, unlabelled.
    const raw = await new Promise<{ encoding: string | undefined; first: number | undefined }>((ok, fail) => {
      request(`${served.url}pagefind/2024/index/en_1.pf_index`, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ encoding: res.headers['content-encoding'], first: Buffer.concat(chunks)[0] }));
      })
        .on('error', fail)
        .end();
    });
    expect(raw).toEqual({ encoding: undefined, first: 0x1f });
    // A file that is not gzip is never labelled as such.
    const plain = await fetch(`${served.url}pagefind/2024/index/en_2.pf_index`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('not gzip');
  });
});
