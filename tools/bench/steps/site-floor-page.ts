/**
 * The floor's landing page: the same HTML a dataset page has in the build
 * (site/layouts/base.astro + site/components/dataset-page.astro), written with
 * template strings from the same pure view functions. What differs from the
 * build is only the machinery (Astro, its components and streaming renderer),
 * which is what the ratio to the floor measures.
 */
import type { DatasetView } from '../../site/dataset-view.ts';
import { highwireMeta, openGraphMeta, signpostingLinks } from '../../site/head.ts';
import type { MetadataRow } from '../../site/metadata-table.ts';
import type { SiteConfig } from '../../site/records.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"]/g, (c) => ESC[c]!);
const attr = (name: string, value: string | undefined): string => (value === undefined ? '' : ` ${name}="${esc(value)}"`);
const join = <T>(xs: readonly T[], f: (x: T, i: number) => string): string => xs.map(f).join('');

function metadataTable(rows: readonly MetadataRow[]): string {
  if (rows.length === 0) return '';
  const body = join(rows, (r) =>
    r.group
      ? `<tr class="group"><th scope="rowgroup" colspan="3" class="d${Math.min(r.depth, 4)}">${esc(r.label)} <code class="muted">${esc(r.key)}</code></th></tr>`
      : `<tr><td class="d${Math.min(r.depth, 4)}">${esc(r.label)}${r.label !== r.key ? ` <code class="muted">${esc(r.key)}</code>` : ''}</td><td class="num">${esc(r.value)}</td><td>${esc(r.unit)}</td></tr>`,
  );
  return `<table><caption class="skip">Scientific metadata</caption><thead><tr><th scope="col">Parameter</th><th scope="col">Value</th><th scope="col">Unit</th></tr></thead><tbody>${body}</tbody></table>`;
}

const link = (l: { href: string; text: string }): string => `<a href="${esc(l.href)}">${esc(l.text)}</a>`;
const stars = (n: number): string => `${'★'.repeat(n)}${'☆'.repeat(5 - n)}`;

/** The landing page of one dataset view. Pure. */
export function floorPage(v: DatasetView, jsonLd: string, config: SiteConfig, siteName: string): string {
  const head =
    `<script type="application/ld+json">${jsonLd}</script>` +
    join(highwireMeta(v, config), (m) => `<meta name="${esc(m.name)}" content="${esc(m.content)}">`) +
    join(openGraphMeta(v, siteName), (m) => `<meta property="${esc(m.property)}" content="${esc(m.content)}">`) +
    join(signpostingLinks(v, config), (l) => `<link rel="${esc(l.rel)}" href="${esc(l.href)}"${attr('type', l.type)}>`);
  const people = join(
    v.creators,
    (p) =>
      `<li>${esc(p.name)}${p.orcidUrl ? ` <a href="${esc(p.orcidUrl)}" aria-label="ORCID of ${esc(p.name)}">ORCID</a>` : ''}` +
      `${p.affiliation ? `<span class="muted"> (${p.rorUrl ? `<a href="${esc(p.rorUrl)}">${esc(p.affiliation)}</a>` : esc(p.affiliation)})</span>` : ''}</li>`,
  );
  const c = v.citation;
  const facts =
    `<dt>Identifier</dt><dd><code>${esc(v.pid)}</code></dd>` +
    (v.doiUrl ? `<dt>DOI</dt><dd><a href="${esc(v.doiUrl)}">${esc(v.doiUrl)}</a></dd>` : '') +
    join(v.dates, (d) => `<dt>${esc(d.label)}</dt><dd><time datetime="${esc(d.iso)}">${esc(d.iso)}</time></dd>`) +
    (v.instrument ? `<dt>Instrument</dt><dd>${link(v.instrument)}</dd>` : '') +
    (v.proposal ? `<dt>Proposal</dt><dd>${link(v.proposal)}</dd>` : '') +
    (v.samples.length ? `<dt>Sample</dt><dd>${v.samples.map(link).join(', ')}</dd>` : '') +
    (v.techniques.length ? `<dt>Technique</dt><dd>${v.techniques.map(link).join(', ')}</dd>` : '') +
    (v.keywords.length ? `<dt>Keywords</dt><dd>${esc(v.keywords.join(', '))}</dd>` : '') +
    (v.license ? `<dt>Licence</dt><dd><a href="${esc(v.license.url)}" rel="license">${esc(v.license.id)}</a></dd>` : '') +
    `<dt>Access</dt><dd>${esc(v.access.status)}${v.access.until ? ` until <time datetime="${esc(v.access.until)}">${esc(v.access.until.slice(0, 10))}</time>` : ''}${v.access.reason ? ` (${esc(v.access.reason)})` : ''}</dd>` +
    (v.software.length ? `<dt>Software</dt><dd>${esc(v.software.join(', '))}</dd>` : '');
  const files =
    `<p>${v.numberOfFiles} file${v.numberOfFiles === 1 ? '' : 's'}${v.totalSize ? `, ${esc(v.totalSize)}` : ''}${v.chkAlg ? `; checksums: ${esc(v.chkAlg)}` : ''}.` +
    (v.downloadUrl ? ` <a href="${esc(v.downloadUrl)}">Download</a>.` : '') +
    (v.globusUrl ? ` <a href="${esc(v.globusUrl)}">Transfer with Globus</a>.` : '') +
    (v.access.status !== 'public' ? ` Files are not downloadable while the dataset is ${esc(v.access.status)}.` : '') +
    '</p>' +
    (v.files.length
      ? `<table><thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">Checksum</th></tr></thead><tbody>${join(
          v.files,
          (f) => `<tr><td>${f.href ? `<a href="${esc(f.href)}">${esc(f.path)}</a>` : esc(f.path)}</td><td class="num">${esc(f.size)}</td><td class="chk">${esc(f.chk)}</td></tr>`,
        )}</tbody></table>`
      : '') +
    (v.filesHidden > 0 ? `<p class="muted">${v.filesHidden} more files are listed in the <a href="${esc(v.exports[0]!.href)}">record JSON</a>.</p>` : '');
  const provenance =
    v.inputs.length || v.outputs.length
      ? `<section aria-labelledby="prov"><h2 id="prov">Provenance</h2>` +
        (v.inputs.length ? `<h3>Derived from</h3><ul>${join(v.inputs, (l) => `<li>${link(l)}</li>`)}</ul>` : '') +
        (v.outputs.length ? `<h3>Used by</h3><ul>${join(v.outputs, (l) => `<li>${link(l)}</li>`)}</ul>` : '') +
        '</section>'
      : '';
  const annotations = v.annotations.length
    ? `<section aria-labelledby="ann"><h2 id="ann">Annotations</h2><ul class="cards">${join(
        v.annotations,
        (a) =>
          `<li><div class="meta">${esc(a.author)}${a.date ? ` · <time datetime="${esc(a.date)}">${esc(a.date.slice(0, 10))}</time>` : ''}` +
          `${a.rating !== undefined ? ` · <span role="img" aria-label="Rating ${a.rating} of 5">${stars(a.rating)}</span>` : ''}</div>${a.commentHtml}` +
          `${a.image ? `<figure><img src="${esc(a.image.href)}" alt="${esc(a.image.caption || 'Annotation image')}" loading="lazy"><figcaption>${esc(a.image.caption)}</figcaption></figure>` : ''}</li>`,
      )}</ul></section>`
    : '';
  const history =
    `<section aria-labelledby="hist"><h2 id="hist">Record history</h2>` +
    (v.history.length === 0
      ? '<p class="muted">No history recorded.</p>'
      : `<table><thead><tr><th scope="col">Date</th><th scope="col">Author</th><th scope="col">Change</th></tr></thead><tbody>${join(
          v.history,
          (h) =>
            `<tr><td><time datetime="${esc(h.date)}">${esc(h.date.slice(0, 10))}</time></td><td>${esc(h.author)}</td><td>${h.href ? `<a href="${esc(h.href)}">${esc(h.summary)}</a>` : esc(h.summary)} <code class="muted">${esc(h.hash.slice(0, 8))}</code></td></tr>`,
        )}</tbody></table>`) +
    (v.editUrl ? `<p><a href="${esc(v.editUrl)}">Suggest an edit</a> to this record.</p>` : '') +
    '</section>';
  const body =
    `<article data-pagefind-ignore><p class="muted">${v.type === 'derived' ? 'Derived dataset' : 'Raw dataset'} · <span class="badge ${esc(v.access.status)}">${esc(v.access.status)}</span></p>` +
    `<h1>${esc(v.title)}</h1><ul class="inline">${people}</ul>` +
    `<section class="citation" aria-labelledby="cite"><h2 id="cite" style="margin-top:0;border:0">Cite this dataset</h2>` +
    `<p>${c.authors ? `${esc(c.authors)} ` : ''}(${esc(c.year)}). <cite>${esc(c.title)}</cite>.${c.publisher ? ` ${esc(c.publisher)}.` : ''} <a href="${esc(c.url)}">${esc(c.url)}</a></p>` +
    `<p class="muted">Export: ${v.exports.map((e) => `<a href="${esc(e.href)}" type="${esc(e.mediaType)}">${esc(e.label)}</a>`).join(' · ')}</p></section>` +
    `<dl class="facts">${facts}</dl>` +
    (v.descriptionHtml ? `<section aria-labelledby="desc"><h2 id="desc">Description</h2>${v.descriptionHtml}</section>` : '') +
    (v.attachments.length
      ? `<section aria-labelledby="att"><h2 id="att">Quick look</h2>${join(v.attachments, (a) => `<figure><img src="${esc(a.href)}" alt="${esc(a.caption || 'Quick-look plot')}" loading="lazy"><figcaption>${esc(a.caption)}</figcaption></figure>`)}</section>`
      : '') +
    (v.metadata.length ? `<section aria-labelledby="sm"><h2 id="sm">Scientific metadata</h2>${metadataTable(v.metadata)}</section>` : '') +
    provenance +
    `<section aria-labelledby="files"><h2 id="files">Files</h2>${files}</section>` +
    annotations +
    history +
    '</article>';
  const facility = config.facility;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${esc(v.title)} · ${esc(siteName)}</title>` +
    `<meta name="description" content="${esc(v.summary || v.title)}"><link rel="canonical" href="${esc(v.canonical)}">${head}</head>` +
    `<body><a class="skip" href="#main">Skip to content</a><header class="site"><nav aria-label="Site"><a class="brand" href="/">${esc(siteName)}</a>` +
    `<a href="/browse/">Browse</a><a href="/search/">Search</a></nav></header><main id="main">${body}</main>` +
    `<footer class="site"><p>${facility?.url ? `<a href="${esc(facility.url)}">${esc(facility.name)}</a>` : esc(facility?.name)} · Metadata is public under the licence shown on each record · Built with Shelfmark</p></footer></body></html>`
  );
}
