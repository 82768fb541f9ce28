/**
 * Benchmark step run in its own process: the floor of the site build. One
 * plain script that walks the catalogue, JSON.parses each dataset, applies the
 * same public gate, and writes its landing page with a template string (title,
 * creators, citation, description, metadata table, files): the least work that
 * turns the same records into the same pages. Prints one JSON line.
 *
 *   node tools/bench/steps/site-floor.ts <catalogDir> <outDir>
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { walkCatalog } from '../../catalog/read.ts';
import { datasetUrl } from '../../core/routes.ts';
import { isPublic } from '../../site/public-gate.ts';
import type { Dataset } from '../../site/records.ts';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function rows(tree: unknown, prefix = ''): string {
  if (!tree || typeof tree !== 'object') return '';
  let out = '';
  for (const [k, v] of Object.entries(tree as Record<string, unknown>)) {
    const key = prefix ? `${prefix}/${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && !('value' in v) && !('min' in v)) out += `<tr><th colspan="3">${esc(key)}</th></tr>${rows(v, key)}`;
    else if (v && typeof v === 'object' && 'value' in v) {
      const q = v as { value: unknown; unit?: string; name?: string };
      out += `<tr><td>${esc(q.name ?? k)} <code>${esc(key)}</code></td><td>${esc(q.value)}</td><td>${esc(q.unit)}</td></tr>`;
    } else out += `<tr><td>${esc(key)}</td><td>${esc(JSON.stringify(v))}</td><td></td></tr>`;
  }
  return out;
}

function page(d: Dataset): string {
  const creators = (d.creators ?? []).map((c) => `<li>${esc(c.name)}${c.orcid ? ` <a href="https://orcid.org/${c.orcid}">ORCID</a>` : ''}</li>`).join('');
  const files = (d.files?.dataFileList ?? []).map((f) => `<tr><td>${esc(f.path)}</td><td>${f.size ?? ''}</td><td>${esc(f.chk)}</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(d.datasetName)}</title></head><body><main>
<h1>${esc(d.datasetName)}</h1><ul>${creators}</ul>
<p class="citation">${esc((d.creators ?? []).map((c) => c.name).join(', '))} (${esc(d.creationTime?.slice(0, 4))}). ${esc(d.datasetName)}. ${esc(d.pid)}</p>
<div>${esc(d.description)}</div><table>${rows(d.scientificMetadata)}</table><table>${files}</table></main></body></html>`;
}

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: site-floor.ts <catalogDir> <outDir>');
  process.exitCode = 2;
} else {
  const t0 = performance.now();
  const now = new Date();
  let pages = 0;
  for await (const f of walkCatalog(root)) {
    if (f.info?.type !== 'dataset') continue;
    const d = JSON.parse(await readFile(f.path, 'utf8')) as Dataset;
    if (!isPublic(d, now)) continue;
    const dir = join(out, datasetUrl(d.pid));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), page(d));
    pages++;
  }
  console.log(JSON.stringify({ pages, ms: performance.now() - t0 }));
}
