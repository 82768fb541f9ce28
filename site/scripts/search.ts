/**
 * The search page's script (vanilla, no framework): opens the sharded
 * Pagefind index (sharded-search.ts), then renders facet checkboxes with
 * counts and the results (title, instrument, date, snippet). The query, the
 * chosen facets and the order live in the URL, so a search can be linked.
 */
import { latestOnly } from './latest-only.ts';
import { groupCount, openShards, type FilterCounts, type PagefindResultData, type SearchOptions, type ShardedIndex, type ShardedSearch, type ShardInfo } from './sharded-search.ts';

const LABELS: Record<string, string> = {
  instrument: 'Instrument',
  technique: 'Technique',
  proposal: 'Proposal',
  type: 'Raw or derived',
  year: 'Year',
  licence: 'Licence',
  keyword: 'Keyword',
};
/** Facet values shown before "more". */
const FACET_LIMIT = 12;
const PAGE = 10;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export async function startSearch(root: HTMLElement): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('#search-input')!;
  const sortSel = root.querySelector<HTMLSelectElement>('#search-sort')!;
  const facetsBox = root.querySelector<HTMLElement>('#search-facets')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const list = root.querySelector<HTMLOListElement>('#search-results')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;
  const facetNames = JSON.parse(root.dataset.filters ?? '[]') as string[];

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSel.value = params.get('sort') ?? '';
  const selected = new Map<string, Set<string>>();
  for (const f of facetNames) selected.set(f, new Set(params.getAll(f)));

  status.textContent = 'Loading the search index…';
  // Two sets of search workers over the same shards. Once Pagefind has loaded
  // its filter data, every search also counts facets and gets 5-10x slower
  // (measured at 100,000 datasets: 0.6 s against 4.7 s for a common word). So
  // `fast` finds and shows results and never loads filters; `facets` counts
  // facets afterwards and runs the searches that filter, in workers of its own
  // so that a new search never waits behind a slow count.
  let fast: ShardedIndex;
  let facets: ShardedIndex;
  let totals: FilterCounts = {};
  try {
    const shards = (await (await fetch('/pagefind/shards.json')).json()) as ShardInfo[];
    if (shards.length === 0) {
      status.textContent = 'There is nothing to search yet.';
      return;
    }
    const groups = groupCount(shards.length, navigator.hardwareConcurrency);
    const options = { excerptLength: 24 };
    // Only the results workers warm up: they are the ones a keystroke waits for.
    [fast, facets] = await Promise.all([
      openShards('/pagefind/', shards, groups, options, root.dataset.warmUp),
      openShards('/pagefind/', shards, groups, options),
    ]);
  } catch (err) {
    // Served from a sub-path or from file://, the index is not where the page looks.
    status.textContent = `The search index could not be loaded (${(err as Error).message}). Browse the datasets instead.`;
    return;
  }
  const totalsReady = facets.filters().then((t) => (totals = t));

  /** The search the form asks for now; `key` tells two apart. */
  const query = () => {
    const term = input.value.trim();
    const filters: Record<string, { any: string[] }> = {};
    for (const [f, values] of selected) if (values.size) filters[f] = { any: [...values] };
    const filtered = Object.keys(filters).length > 0;
    const options: SearchOptions = filtered ? { filters } : {};
    if (sortSel.value) options.sort = { date: sortSel.value };
    return { term, filtered, options, index: filtered ? facets : fast, key: JSON.stringify([term, options]) };
  };
  /** True once the form asks for another search than `key` (whose run is then queued). */
  const stale = (key: string) => query().key !== key;

  /** The search whose results are listed, for "Show more". */
  let current: { key: string; search: ShardedSearch } | undefined;
  const showCount = (): void => {
    const n = current?.search.count ?? 0;
    const listed = list.children.length;
    status.textContent = `${n} dataset${n === 1 ? '' : 's'} found${n > listed ? `, showing the first ${listed}` : ''}.`;
    more.hidden = n <= listed;
  };
  /** Says that a search failed, and how to go on; the results shown belong to no search now. */
  const showFailure = (err: unknown): void => {
    list.replaceChildren();
    current = undefined;
    more.hidden = true;
    status.textContent = `The search failed (${(err as Error).message}). Reload the page to try again, or browse the datasets.`;
    facetsBox.removeAttribute('aria-busy');
  };

  // Results, then facet counts: each runs once at a time, for the newest form
  // (latest-only.ts), so a search starts on the keystroke, without a debounce,
  // and keystrokes typed during one collapse into the next.
  const countFacets = latestOnly(async () => {
    const { term, filtered, options, key } = query();
    await totalsReady;
    const counts = term === '' && !filtered ? totals : (await facets.search(term === '' ? null : term, options, 0)).filters;
    if (!stale(key)) renderFacets(counts, term);
  });
  /** Counts facets for the form; if that fails, the old counts stay and stop claiming to be busy. */
  const recount = (): void => void countFacets().catch(() => facetsBox.removeAttribute('aria-busy'));
  const showResults = latestOnly(async () => {
    const { term, filtered, options, index, key } = query();
    if (term === '' && !filtered) {
      list.replaceChildren();
      current = undefined;
      more.hidden = true;
      status.textContent = 'Type to search, or pick a filter.';
      recount();
      return;
    }
    const search = await index.search(term === '' ? null : term, options, PAGE);
    if (stale(key)) return;
    const shown = await search.load(0, PAGE);
    if (stale(key)) return;
    list.replaceChildren(...shown.map(renderResult));
    current = { key, search };
    showCount();
    // A search that filters has counted the facets already; others count them next.
    if (filtered) renderFacets(search.filters, term);
    else recount();
  });
  more.addEventListener('click', async () => {
    const at = current;
    if (!at || stale(at.key)) return;
    more.disabled = true;
    try {
      const next = await at.search.load(list.children.length, list.children.length + PAGE);
      if (current !== at || stale(at.key)) return;
      list.append(...next.map(renderResult));
      showCount();
      // Keyboard users land on the first new result.
      list.children[list.children.length - next.length]?.querySelector('a')?.focus();
    } catch (err) {
      if (current === at) showFailure(err);
    } finally {
      more.disabled = false;
    }
  });

  const update = (): void => {
    syncUrl(input.value.trim(), selected, sortSel.value);
    facetsBox.setAttribute('aria-busy', 'true');
    showResults().catch(showFailure);
  };

  /** Renders the facets with `counts`; `for` names the search they count (tests wait on it). */
  function renderFacets(counts: FilterCounts, forTerm: string): void {
    const boxes: HTMLElement[] = [];
    for (const f of facetNames) {
      const values = Object.entries(totals[f] ?? {})
        .map(([value]) => [value, counts[f]?.[value] ?? 0] as const)
        .filter(([value, n]) => n > 0 || selected.get(f)!.has(value))
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (values.length === 0) continue;
      const fs = el('fieldset', { 'data-facet': f });
      fs.append(el('legend', {}, LABELS[f] ?? f));
      values.slice(0, FACET_LIMIT).forEach(([value, n], i) => {
        const id = `f-${f}-${i}`;
        const box = el('input', { type: 'checkbox', id, value });
        box.checked = selected.get(f)!.has(value);
        box.addEventListener('change', () => {
          if (box.checked) selected.get(f)!.add(value);
          else selected.get(f)!.delete(value);
          update();
        });
        const label = el('label', { for: id });
        label.append(box, ` ${value} `, el('span', { class: 'muted count' }, `(${n})`));
        fs.append(label);
      });
      if (values.length > FACET_LIMIT) fs.append(el('p', { class: 'muted' }, `and ${values.length - FACET_LIMIT} more`));
      boxes.push(fs);
    }
    facetsBox.replaceChildren(...boxes);
    facetsBox.dataset.for = forTerm;
    facetsBox.removeAttribute('aria-busy');
  }

  input.addEventListener('input', update);
  sortSel.addEventListener('change', update);
  root.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  update();
}

function renderResult(d: PagefindResultData): HTMLLIElement {
  const li = el('li', { class: 'result' });
  const a = el('a', { href: d.url }, d.meta.title ?? d.url);
  const meta = el('div', { class: 'meta' });
  meta.textContent = [d.meta.instrument, d.meta.date].filter(Boolean).join(' · ');
  const snippet = el('p', { class: 'snippet' });
  // Pagefind escapes the excerpt's text and adds only <mark> elements.
  snippet.innerHTML = d.excerpt;
  li.append(a, meta, snippet);
  return li;
}

function syncUrl(term: string, selected: Map<string, Set<string>>, sort: string): void {
  const p = new URLSearchParams();
  if (term) p.set('q', term);
  if (sort) p.set('sort', sort);
  for (const [f, values] of selected) for (const v of values) p.append(f, v);
  const qs = p.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}
