/**
 * The production build of the example catalogue, built ONCE for this file,
 * served on 127.0.0.1 and checked in Debian's Chromium: citation and JSON-LD,
 * search and facets, the embargo canary (in every file, Pagefind's gzipped
 * index included), valid HTML, accessibility, and DataCite XML against the XSD.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetUrl } from '../core/routes.ts';
import { buildSite, REPO_ROOT, type BuildReport } from './build.ts';
import { serveStatic, type Served } from './serve.ts';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';
import type { Dataset } from './records.ts';
import { planShards } from './search-records.ts';

const CATALOG = join(REPO_ROOT, 'catalog');
const CHROMIUM = '/usr/bin/chromium';
const XSD = resolve(REPO_ROOT, '..', 'shared', 'corpus', 'datacite-xsd', 'kernel-4.6', 'metadata.xsd');
/** Small shards, so that each search worker holds several (as at 100,000 datasets). */
const SHARD_CAP = 8;
const ready = existsSync(join(CATALOG, 'config.json')) && existsSync(CHROMIUM);

let out: string;
let report: BuildReport;
let served: Served;
let browser: Browser;
let index: SiteIndex;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL(path, served.url).href);
  return page;
}

/**
 * The reference a search is checked against: Pagefind's own mergeIndex, all
 * shards merged into one copy of its module (one worker), with filter data
 * loaded so that it counts facets. Every match's URL, in Pagefind's order.
 */
async function pagefindReference(page: Page, term: string): Promise<{ hits: number; urls: string[]; filters: Record<string, Record<string, number>> }> {
  return page.evaluate(async (term) => {
    const shards = (await (await fetch('/pagefind/shards.json')).json()) as { name: string }[];
    // Built from a string, so that vitest does not rewrite this import() for Node.
    const load = new Function('url', 'return import(url)') as (url: string) => Promise<{
      mergeIndex(url: string): Promise<void>;
      filters(): Promise<unknown>;
      search(term: string): Promise<{ results: { data(): Promise<{ url: string }> }[]; filters: Record<string, Record<string, number>> }>;
    }>;
    const pf = await load(`/pagefind/${shards[0]!.name}/pagefind.js?reference`);
    // The module is loaded once per page; merging twice is a no-op Pagefind warns about, so only once.
    if (!(globalThis as { merged?: boolean }).merged) {
      for (const s of shards.slice(1)) await pf.mergeIndex(`/pagefind/${s.name}/`);
      await pf.filters(); // loads the filter data, so that searches count facets
      (globalThis as { merged?: boolean }).merged = true;
    }
    const s = await pf.search(term);
    const top = await Promise.all(s.results.map((r) => r.data()));
    return { hits: s.results.length, urls: top.map((d) => d.url), filters: s.filters };
  }, term);
}

describe.skipIf(!ready)('site build of the example catalogue (needs catalog/ and /usr/bin/chromium)', () => {
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'shelfmark-site-e2e-'));
    report = await buildSite({ catalog: CATALOG, outDir: out, shardCap: SHARD_CAP });
    index = await buildSiteIndex(CATALOG, { now: new Date(), includeEmbargoed: false });
    served = await serveStatic(out);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('builds every public dataset with its exports and no failures', () => {
    expect(report.datasets).toBe(index.datasets.length);
    expect(report.datasets).toBeGreaterThan(0);
    expect(report.exports.problems).toEqual([]);
    expect(report.search.shards.reduce((n, s) => n + s.records, 0)).toBe(report.datasets);
  });

  it('shows the citation on a landing page and carries valid schema.org JSON-LD', async () => {
    const entry = index.datasets[0]!;
    const record = JSON.parse(await readFile(join(CATALOG, entry.rel), 'utf8')) as Dataset;
    const page = await open(datasetUrl(entry.pid));
    const citation = await page.locator('.citation').innerText();
    expect(citation).toContain(entry.title);
    expect(citation).toContain(record.doi ? `https://doi.org/${record.doi}` : datasetUrl(entry.pid));
    const raw = await page.locator('script[type="application/ld+json"]').textContent();
    const ld = JSON.parse(raw!) as Record<string, unknown>;
    expect(String(ld['@context'])).toMatch(/^https?:\/\/schema\.org\/?$/);
    expect(ld['@type']).toBe('Dataset');
    expect(ld.name).toBe(entry.title);
    expect(String(ld.description).length).toBeGreaterThanOrEqual(50);
    expect(await page.locator('link[rel="cite-as"]').count()).toBe(1);
    expect(await page.locator('meta[name="citation_title"]').getAttribute('content')).toBe(entry.title);
    await page.close();
  });

  it('finds a dataset by a word only its title has', async () => {
    const words = new Map<string, Set<string>>();
    for (const d of index.datasets)
      for (const w of d.title.toLowerCase().match(/[a-z]{6,}/g) ?? []) (words.get(w) ?? words.set(w, new Set()).get(w)!).add(d.pid);
    const [word, pids] = [...words.entries()].find(([, s]) => s.size === 1)!;
    const pid = [...pids][0]!;
    const page = await open(`/search/?q=${word}`);
    await page.waitForSelector('#search-results li');
    const hrefs = await page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(datasetUrl(pid));
    await page.close();
  });

  it('narrows results with a facet, and the counts change', async () => {
    // The keyword most datasets share: its results span several facet values.
    const freq = new Map<string, number>();
    for (const d of index.datasets) for (const k of d.keywords) freq.set(k, (freq.get(k) ?? 0) + 1);
    const [keyword] = [...freq.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const page = await open('/search/');
    const status = () => page.locator('#search-status').innerText();
    const count = async () => Number((await status()).match(/^(\d+)/)?.[1] ?? NaN);
    const countsText = () => page.locator('#search-facets').innerText();
    await page.fill('#search-input', keyword);
    await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
    // Facet counts follow the results (a second Pagefind instance counts them).
    await page.waitForFunction((k) => (document.querySelector<HTMLElement>('#search-facets')?.dataset.for ?? '') === k, keyword);
    const before = await count();
    const facetsBefore = await countsText();
    // A facet with two or more values; pick its smallest.
    const sets = page.locator('#search-facets fieldset');
    let chosen: { label: string; n: number } | undefined;
    let chosenSet = -1;
    for (let i = 0; i < (await sets.count()) && !chosen; i++) {
      const labels = await sets.nth(i).locator('label').allInnerTexts();
      if (labels.length < 2) continue;
      const parsed = labels.map((l) => ({ label: l, n: Number(l.match(/\((\d+)\)\s*$/)![1]) })).sort((a, b) => a.n - b.n);
      chosen = parsed[0]!;
      chosenSet = i;
    }
    expect(chosen, 'a facet with two or more values').toBeDefined();
    await sets.nth(chosenSet).locator('label', { hasText: chosen!.label.trim() }).locator('input').check();
    await page.waitForFunction((n) => (document.querySelector('#search-status')?.textContent ?? '').startsWith(`${n} `), chosen!.n);
    await page.waitForFunction(() => !document.querySelector('#search-facets')?.hasAttribute('aria-busy'));
    const after = await count();
    expect(after).toBe(chosen!.n);
    expect(after).toBeLessThan(before);
    expect(await countsText()).not.toBe(facetsBefore);
    await page.close();
  });

  it('ranks and counts as one Pagefind copy with every shard merged, though it searches shard groups in parallel', async () => {
    expect(report.search.shards.length, 'the example catalogue spans more shards than a 2-core machine has workers').toBeGreaterThan(2);
    // The commonest words of titles and keywords, one word each: for several words
    // Pagefind orders equal scores differently from one search to the next, even in one copy.
    const freq = new Map<string, number>();
    for (const d of index.datasets)
      for (const w of `${d.title} ${d.keywords.join(' ')}`.toLowerCase().match(/[a-z]{5,}/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
    const words = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([w]) => w);
    const shardOf = new Map(planShards(index.datasets, SHARD_CAP).flatMap((s) => s.entries.map((e) => [datasetUrl(e.pid), s.name] as const)));
    const shardNames = report.search.shards.map((s) => s.name);
    const page = await open('/search/');
    let acrossGroups = 0;
    for (const word of words) {
      // Typed key by key: searches for the prefixes collapse, and the last one must win.
      await page.fill('#search-input', '');
      await page.locator('#search-input').pressSequentially(word);
      await page.waitForFunction((k) => (document.querySelector<HTMLElement>('#search-facets')?.dataset.for ?? '') === k, word);
      const shown = await page.evaluate(() => ({
        status: document.querySelector('#search-status')!.textContent!,
        hrefs: [...document.querySelectorAll('#search-results li > a')].map((a) => a.getAttribute('href')!),
        counts: [...document.querySelectorAll<HTMLElement>('#search-facets fieldset')].flatMap((fs) =>
          [...fs.querySelectorAll('label')].map((l) => [fs.dataset.facet!, l.querySelector('input')!.value, Number(l.querySelector('.count')!.textContent!.slice(1, -1))] as const),
        ),
      }));
      const reference = await pagefindReference(page, word);
      expect(shown.status, word).toMatch(new RegExp(`^${reference.hits} datasets? found`));
      expect(shown.hrefs, word).toEqual(reference.urls.slice(0, 10));
      expect(shown.counts.length, word).toBeGreaterThan(3);
      for (const [facet, value, n] of shown.counts) expect([word, facet, value, n]).toEqual([word, facet, value, reference.filters[facet]?.[value]]);
      // Results out of shard order: only a merge that sorts by score gets these right.
      const at = reference.urls.map((u) => shardNames.indexOf(shardOf.get(u)!));
      if (at.some((n, i) => i > 0 && n < at[i - 1]!)) acrossGroups++;
    }
    // So the order checked above could be wrong: a merge that did not sort would fail it.
    expect(acrossGroups).toBeGreaterThan(0);
    await page.close();
  });

  it('orders by date across shards, newest or oldest first', async () => {
    // Words of titles and keywords that most datasets share, so the matches span shards.
    const freq = new Map<string, number>();
    for (const d of index.datasets)
      for (const w of new Set(`${d.title} ${d.keywords.join(' ')}`.toLowerCase().match(/[a-z]{5,}/g) ?? [])) freq.set(w, (freq.get(w) ?? 0) + 1);
    const words = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([w]) => w);
    const dateOf = new Map(index.datasets.map((d) => [datasetUrl(d.pid), d.date]));
    const page = await open('/search/');
    let spanning = 0;
    for (const word of words) {
      // Every match (the reference's order does not matter here).
      const { urls } = await pagefindReference(page, word);
      const dates = urls.map((u) => dateOf.get(u)!).sort();
      if (new Set(dates.map((d) => d.slice(0, 4))).size > 1) spanning++;
      for (const [sort, expected] of [
        ['desc', [...dates].reverse()],
        ['asc', dates],
      ] as const) {
        const p = await open(`/search/?q=${encodeURIComponent(word)}&sort=${sort}`);
        await p.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
        const shown = await p.evaluate(() => [...document.querySelectorAll('#search-results .meta')].map((m) => m.textContent!.split(' · ').pop()!));
        expect([word, sort, shown]).toEqual([word, sort, expected.slice(0, 10).map((d) => d.slice(0, 10))]);
        await p.close();
      }
    }
    expect(spanning, 'some word matches datasets of several years').toBeGreaterThan(0);
    await page.close();
  });

  it('shows further results on request, continuing the same ranking', async () => {
    const freq = new Map<string, number>();
    for (const d of index.datasets)
      for (const w of new Set(`${d.title} ${d.keywords.join(' ')}`.toLowerCase().match(/[a-z]{5,}/g) ?? [])) freq.set(w, (freq.get(w) ?? 0) + 1);
    const page = await open('/search/');
    let word: string | undefined;
    let reference: Awaited<ReturnType<typeof pagefindReference>> | undefined;
    for (const [w] of [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      const r = await pagefindReference(page, w);
      // More than one page, and all of them on the second.
      if (r.hits > 10 && r.hits <= 20) [word, reference] = [w, r];
      if (word) break;
    }
    expect(word, 'a word with 11 to 20 matches in the example catalogue').toBeDefined();
    await page.fill('#search-input', word!);
    await page.waitForFunction(() => /found/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const hrefs = () => page.evaluate(() => [...document.querySelectorAll('#search-results li > a')].map((a) => a.getAttribute('href')!));
    const first = await hrefs();
    expect(first).toHaveLength(10);
    expect(await page.locator('#search-status').innerText()).toBe(`${reference!.hits} datasets found, showing the first 10.`);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, reference!.hits);
    const all = await hrefs();
    // The first page stays as it was, and the rest are the other matches, each once.
    expect(all.slice(0, 10)).toEqual(first);
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all)).toEqual(new Set(reference!.urls));
    expect(await page.locator('#search-status').innerText()).toBe(`${reference!.hits} datasets found.`);
    expect(await page.locator('#search-more').isHidden()).toBe(true);
    await page.close();
  });

  it('says so when a search fails, instead of waiting for ever', async () => {
    const page = await browser.newPage();
    // The results' fragments cannot be fetched (a server gone away mid-session).
    await page.route('**/pagefind/*/fragment/**', (route) => route.abort());
    await page.goto(new URL('/search/', served.url).href);
    await page.waitForFunction(() => /Type to search/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const [keyword] = [...new Set(index.datasets.flatMap((d) => d.keywords))];
    await page.fill('#search-input', keyword!);
    await page.waitForFunction(() => /The search failed/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();

    // And when the next page of results cannot be loaded.
    const freq = new Map<string, number>();
    for (const d of index.datasets) for (const k of new Set(d.keywords)) freq.set(k, (freq.get(k) ?? 0) + 1);
    const [common, n] = [...freq.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(n, 'a keyword with more than one page of datasets').toBeGreaterThan(10);
    const paged = await open(`/search/?q=${encodeURIComponent(common)}`);
    await paged.waitForFunction(() => /found, showing the first 10/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await paged.route('**/pagefind/*/fragment/**', (route) => route.abort());
    await paged.getByRole('button', { name: 'Show more results' }).click();
    await paged.waitForFunction(() => /The search failed/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await paged.locator('#search-more').isHidden()).toBe(true);
    await paged.close();
  });

  it('never publishes the embargo canary, not even inside the Pagefind index', async () => {
    const canaries: string[] = [];
    for (const d of index.datasets) expect(d.title).not.toMatch(/CANARY/);
    const internal = await buildSiteIndex(CATALOG, { now: new Date(), includeEmbargoed: true });
    for (const d of internal.datasets) {
      if (!/CANARY/.test(d.title)) continue;
      const text = await readFile(join(CATALOG, d.rel), 'utf8');
      canaries.push(d.title, d.pid, ...(text.match(/CANARY[A-Za-z0-9-]*/g) ?? []));
    }
    expect(canaries.length).toBeGreaterThanOrEqual(3); // the fixture exists: title, pid, metadata value
    let files = 0;
    let pagefindFiles = 0;
    for await (const file of walk(out)) {
      let bytes = await readFile(file);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        bytes = gunzipSync(bytes);
        pagefindFiles++;
      }
      const text = bytes.toString('utf8');
      for (const c of canaries) expect(text.includes(c), `${c} in ${file}`).toBe(false);
      files++;
    }
    expect(pagefindFiles).toBeGreaterThan(0);
    expect(files).toBeGreaterThan(100);
  });

  it('writes valid HTML', async () => {
    const { HtmlValidate } = await import('html-validate');
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes void elements as <br> and the layout styles one heading inline.
        'void-style': 'off',
        'no-inline-style': 'off',
        // Signposting <link rel="describedby|item|cite-as|author|type"> are not in HTML's own list.
        'attribute-allowed-values': 'off',
        // Dataset titles are long by nature; the limit is an SEO heuristic, not validity.
        'long-title': 'off',
      },
    });
    const problems: string[] = [];
    let pages = 0;
    for await (const file of walk(out)) {
      if (!file.endsWith('.html')) continue;
      const r = await validator.validateFile(file);
      for (const res of r.results) for (const m of res.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      pages++;
    }
    expect(pages).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violations on home, a landing page and search', async () => {
    const axe = await readFile(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    for (const path of ['/', datasetUrl(index.datasets[0]!.pid), '/search/?q=data']) {
      const page = await open(path);
      if (path.startsWith('/search')) await page.waitForSelector('#search-results li');
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, path).toEqual([]);
      await page.close();
    }
  });

  it.skipIf(!existsSync(XSD))('writes DataCite XML that validates against kernel 4.6 for every public record (needs ../shared/corpus)', async () => {
    const { validateXmlFiles } = await import('../export/xsd.ts');
    const files: string[] = [];
    for await (const file of walk(out)) if (file.endsWith('/datacite.xml')) files.push(file);
    expect(files.length).toBe(index.datasets.length + index.publications.length);
    expect(await validateXmlFiles(files, XSD)).toEqual([]);
  });

  it('names instruments in dataset listings, not by their ids', async () => {
    const home = await readFile(join(out, 'index.html'), 'utf8');
    const metas = [...home.matchAll(/<div class="meta">([\s\S]*?)<\/div>/g)].map((m) => m[1]!);
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) {
      const shown = meta.match(/<span> · ([^<]+)<\/span>/)?.[1];
      expect(index.instruments.map((i) => i.name)).toContain(shown);
    }
  });

  it("is what the benchmark's floor writes too: same landing pages, same text (so the ratio to the floor is fair)", async () => {
    const { execFileSync } = await import('node:child_process');
    const floor = await mkdtemp(join(tmpdir(), 'shelfmark-floor-'));
    try {
      const line = execFileSync(process.execPath, [join(REPO_ROOT, 'tools/bench/steps/site-floor.ts'), CATALOG, floor], { encoding: 'utf8' });
      expect(JSON.parse(line).pages).toBe(index.datasets.length);
      // The floor reads no git, so the record history (only) may differ.
      const text = (html: string) =>
        html
          .replace(/<section aria-labelledby="hist">[\s\S]*?<\/section>/, '')
          .replace(/<script[\s\S]*?<\/script>/g, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) =>
            e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' }[e] ?? m),
          )
          .replace(/\s+/g, ' ')
          .trim();
      for (const d of index.datasets) {
        const page = join(datasetUrl(d.pid), 'index.html');
        expect(text(await readFile(join(floor, page), 'utf8')), page).toBe(text(await readFile(join(out, page), 'utf8')));
      }
    } finally {
      await rm(floor, { recursive: true, force: true });
    }
  });
});
