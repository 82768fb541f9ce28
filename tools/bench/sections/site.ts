/**
 * Benchmark section "site" (issue #3 §5): for each size, the floor (a plain
 * script writing the same landing pages from the same records) and the full
 * `shelfmark build` (site index, Astro, exports, sharded Pagefind), each in its
 * own process with the peak memory of the whole process tree (Pagefind's native
 * child included); the output's size and file count and the landing pages'
 * size. At the largest size, search latency in Chromium: 20 queries, each on a
 * fresh page, time from typing to visible results, and bytes fetched per query.
 * Goals: 100,000 datasets built in under 15 min and 6 GB, within 3x the floor;
 * landing page HTML under 40 KB; search results within 300 ms (median).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, Row, Section, SectionReport } from '../context.ts';

const GOAL_SIZE = 100_000;
const GOAL_SECONDS = 15 * 60;
const GOAL_BYTES = 6 * 1024 ** 3;
const GOAL_RATIO = 3;
const GOAL_PAGE_BYTES = 40 * 1024;
const GOAL_SEARCH_MS = 300;
const CHROMIUM = '/usr/bin/chromium';

const mb = (b: number) => Math.round(b / 1024 ** 2);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

/** Bytes and files under a folder, and the sizes of the dataset landing pages. */
async function survey(dir: string): Promise<{ bytes: number; files: number; pageSizes: number[] }> {
  let bytes = 0;
  let files = 0;
  const pageSizes: number[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else {
        const s = (await stat(p)).size;
        bytes += s;
        files++;
        if (e.name === 'index.html' && p.startsWith(join(dir, 'datasets'))) pageSizes.push(s);
      }
    }
  };
  await walk(dir, 0);
  return { bytes, files, pageSizes };
}

/** Twenty search terms taken from the catalogue's dataset titles and keywords: single words and pairs. */
export async function queriesFrom(catalog: string): Promise<string[]> {
  const { walkCatalog } = await import('../../catalog/read.ts');
  const words = new Set<string>();
  const pairs: string[] = [];
  let seen = 0;
  for await (const f of walkCatalog(catalog, join(catalog, 'datasets'))) {
    if (f.info?.type !== 'dataset' || seen++ % 97 !== 0) continue;
    const d = JSON.parse(await readFile(f.path, 'utf8')) as { datasetName?: string; keywords?: string[] };
    const ws = (d.datasetName ?? '').toLowerCase().match(/[a-z][a-z0-9]{4,}/g) ?? [];
    for (const w of ws) words.add(w);
    for (const k of d.keywords ?? []) if (/^[A-Za-z]{5,}$/.test(k)) words.add(k.toLowerCase());
    if (ws.length >= 2) pairs.push(`${ws[0]} ${ws[1]}`);
    if (words.size >= 40 && pairs.length >= 10) break;
  }
  const singles = [...words].sort().filter((_, i) => i % 2 === 0).slice(0, 14);
  return [...singles, ...[...new Set(pairs)].slice(0, 20 - singles.length)];
}

export interface SearchFigures {
  initMs: number[];
  resultMs: number[];
  bytes: number[];
  requests: number[];
  hits: number[];
}

/** Runs each query on a fresh page of the served build and measures it. */
export async function measureSearch(dist: string, queries: string[]): Promise<SearchFigures> {
  const { chromium } = await import('playwright-core');
  const { serveStatic } = await import('../../site/serve.ts');
  const served = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const fig: SearchFigures = { initMs: [], resultMs: [], bytes: [], requests: [], hits: [] };
  try {
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Pagefind fetches from a web worker, which the page's resource timing does not see; the network events do.
      let counting = false;
      let bytes = 0;
      let requests = 0;
      page.on('response', (res) => {
        if (!counting) return;
        requests++;
        bytes += Number(res.headers()['content-length'] ?? 0);
      });
      const t0 = performance.now();
      await page.goto(`${served.url}search/`);
      await page.waitForFunction(() => /Type to search/.test(document.querySelector('#search-status')?.textContent ?? ''), null, { timeout: 120_000 });
      // Ready: the results instance is up and the facet instance has its filter data.
      await page.waitForFunction(() => !document.querySelector('#search-facets')?.hasAttribute('aria-busy'), null, { timeout: 120_000 });
      fig.initMs.push(performance.now() - t0);
      counting = true;
      // Timed in the page: from the input event to the status line announcing the results.
      const r = await page.evaluate(async (term) => {
        const input = document.querySelector<HTMLInputElement>('#search-input')!;
        const status = document.querySelector('#search-status')!;
        const list = document.querySelector('#search-results')!;
        const start = performance.now();
        const done = new Promise<void>((resolve, reject) => {
          const obs = new MutationObserver(() => {
            if (/found/.test(status.textContent ?? '')) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe(status, { childList: true, characterData: true, subtree: true });
          // A search that never answers fails the run instead of hanging it.
          setTimeout(() => reject(new Error(`no results after 60 s; the page says "${status.textContent}"`)), 60_000);
        });
        input.value = term;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await done;
        await new Promise(requestAnimationFrame);
        const ms = performance.now() - start;
        return {
          ms,
          hits: Number((status.textContent ?? '').match(/^(\d+)/)?.[1] ?? 0),
          shown: list.children.length,
        };
      }, q);
      // Let the facet counts that follow the results finish, so their fetches count too.
      await page.waitForFunction(() => !document.querySelector('#search-facets')?.hasAttribute('aria-busy'), null, { timeout: 120_000 });
      fig.resultMs.push(r.ms);
      fig.bytes.push(bytes);
      fig.requests.push(requests);
      fig.hits.push(r.hits);
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return fig;
}

function lastJsonLine(stdout: string): Record<string, number> {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  try {
    return line ? (JSON.parse(line) as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export const section: Section = {
  name: 'site',
  description: 'full site build (Astro + exports + sharded Pagefind) against a plain-script floor; search latency in Chromium',
  async run(ctx: BenchContext): Promise<SectionReport> {
    const rows: Row[] = [];
    const goals: NonNullable<SectionReport['goals']> = [];
    const details: Record<string, unknown> = {};
    const floorScript = join(ctx.repoRoot, 'tools/bench/steps/site-floor.ts');
    const cli = join(ctx.repoRoot, 'tools/cli/shelfmark.ts');
    const largest = Math.max(...ctx.sizes);
    for (const n of ctx.sizes) {
      const catalog = await ctx.catalog(n);
      const floorOut = join(ctx.benchDir, `site-floor-${n}`);
      const out = join(ctx.benchDir, `site-${n}`);
      await rm(floorOut, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });

      ctx.log(`  [site n=${n}] floor ...`);
      await ctx.settle(catalog);
      const floor = await ctx.measureNode(floorScript, [catalog, floorOut]);
      const floorPages = lastJsonLine(floor.stdout).pages ?? 0;
      const floorSurvey = await survey(floorOut);
      rows.push({
        datasets: n,
        step: 'floor',
        'wall s': +(floor.wallMs / 1000).toFixed(1),
        'peak MB': mb(floor.peakRssBytes),
        'x floor': 1,
        'output MB': mb(floorSurvey.bytes),
        files: floorSurvey.files,
        'page KB median/max': `${(median(floorSurvey.pageSizes) / 1024).toFixed(1)}/${(Math.max(...floorSurvey.pageSizes) / 1024).toFixed(1)}`,
        result: floor.exitCode === 0 ? `${floorPages} pages` : `exit ${floor.exitCode}: ${floor.stderr.slice(0, 200)}`,
      });
      await rm(floorOut, { recursive: true, force: true });

      ctx.log(`  [site n=${n}] shelfmark build ...`);
      await ctx.settle(catalog);
      const build = await ctx.measureNode(cli, ['build', '--catalog', catalog, '--out', out]);
      const ok = build.exitCode === 0 && existsSync(join(out, 'index.html'));
      const s = ok ? await survey(out) : { bytes: 0, files: 0, pageSizes: [0] };
      const ratio = build.wallMs / floor.wallMs;
      const maxPage = Math.max(...s.pageSizes);
      rows.push({
        datasets: n,
        step: 'build',
        'wall s': +(build.wallMs / 1000).toFixed(1),
        'peak MB': mb(build.peakRssBytes),
        'x floor': +ratio.toFixed(2),
        'output MB': mb(s.bytes),
        files: s.files,
        'page KB median/max': `${(median(s.pageSizes) / 1024).toFixed(1)}/${(maxPage / 1024).toFixed(1)}`,
        result: ok ? build.stdout.trim().split('\n').pop()!.slice(0, 160) : `exit ${build.exitCode}: ${build.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`,
      });
      details[`build-${n}`] = { stderr: build.stderr.slice(-2000) };
      if (n === GOAL_SIZE) {
        goals.push(
          { goal: `build ${GOAL_SIZE} datasets in under 15 min`, met: ok && build.wallMs < GOAL_SECONDS * 1000, detail: `${(build.wallMs / 1000).toFixed(0)} s` },
          { goal: 'peak memory under 6 GB', met: ok && build.peakRssBytes < GOAL_BYTES, detail: `${mb(build.peakRssBytes)} MB` },
          { goal: `within ${GOAL_RATIO}x the floor`, met: ok && ratio <= GOAL_RATIO, detail: `${ratio.toFixed(2)}x` },
        );
      }
      if (n === largest) {
        goals.push({ goal: 'landing page HTML under 40 KB', met: ok && maxPage < GOAL_PAGE_BYTES, detail: `max ${(maxPage / 1024).toFixed(1)} KB` });
        if (ok && existsSync(CHROMIUM)) {
          ctx.log(`  [site n=${n}] search latency in Chromium ...`);
          const queries = await queriesFrom(catalog);
          const f = await measureSearch(out, queries);
          const med = median(f.resultMs);
          rows.push({
            datasets: n,
            step: `search (${queries.length} queries)`,
            'wall s': null,
            'peak MB': null,
            'x floor': null,
            'output MB': null,
            files: null,
            'page KB median/max': null,
            result:
              `results median ${med.toFixed(0)} ms (p90 ${[...f.resultMs].sort((a, b) => a - b)[Math.floor(f.resultMs.length * 0.9)]!.toFixed(0)}), ` +
              `init median ${median(f.initMs).toFixed(0)} ms, ${(median(f.bytes) / 1024).toFixed(0)} KiB in ${median(f.requests)} requests per query`,
          });
          details[`search-${n}`] = { queries, ...f };
          goals.push({ goal: `search results visible within ${GOAL_SEARCH_MS} ms (median)`, met: med <= GOAL_SEARCH_MS, detail: `${med.toFixed(0)} ms` });
        }
      }
      if (n !== largest) await rm(out, { recursive: true, force: true });
    }
    return { rows, goals, details };
  },
};
