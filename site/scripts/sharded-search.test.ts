import { describe, expect, it } from 'vitest';
import type { FilterCounts, GroupSearch } from './search-protocol.ts';
import { groupCount, mergeGroups, planGroups, sumCounts, type ShardInfo } from './sharded-search.ts';

const shard = (name: string, records: number): ShardInfo => ({ name, records });
// The 100,000-dataset benchmark catalogue's shards, newest first.
const BENCH = [shard('2021', 19_370), shard('2020-1', 25_000), shard('2020-2', 1_940), shard('2019', 24_090)];

const names = (groups: ShardInfo[][]) => groups.map((g) => g.map((s) => s.name));
const heaviest = (groups: ShardInfo[][]) => Math.max(...groups.map((g) => g.reduce((n, s) => n + s.records, 0)));

/** Every way to cut `items` into at most `k` contiguous runs. */
function* cuts<T>(items: T[], k: number): Generator<T[][]> {
  if (items.length === 0) return yield [];
  if (k === 1) return yield [items];
  for (let i = 1; i <= items.length; i++)
    for (const rest of cuts(items.slice(i), k - 1)) yield [items.slice(0, i), ...rest];
}

describe('planGroups', () => {
  it('splits the benchmark shards into two contiguous runs, the heaviest as light as possible', () => {
    expect(names(planGroups(BENCH, 2))).toEqual([['2021', '2020-1'], ['2020-2', '2019']]);
  });

  it('gives each shard its own group when there are enough, and one group when asked for one', () => {
    expect(names(planGroups(BENCH, 8))).toEqual([['2021'], ['2020-1'], ['2020-2'], ['2019']]);
    expect(names(planGroups(BENCH, 1))).toEqual([['2021', '2020-1', '2020-2', '2019']]);
    expect(planGroups([], 2)).toEqual([]);
  });

  it('keeps shard order and finds the best cut, checked against every cut of random shard lists', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const shards = Array.from({ length: 1 + Math.floor(random() * 7) }, (_, i) => shard(`s${i}`, Math.floor(random() * 30_000)));
      const k = 1 + Math.floor(random() * 4);
      const groups = planGroups(shards, k);
      expect(groups.length).toBeLessThanOrEqual(k);
      expect(groups.flat()).toEqual(shards);
      // Empty shards weigh 1 (a search still visits them).
      const weighed = (g: ShardInfo[][]) => heaviest(g.map((run) => run.map((s) => shard(s.name, Math.max(1, s.records)))));
      const best = Math.min(...[...cuts(shards, k)].map(weighed));
      expect(weighed(groups)).toBe(best);
    }
  });
});

describe('groupCount', () => {
  it('uses one group per core, at least two, at most one per shard', () => {
    expect(groupCount(4, 2)).toBe(2);
    expect(groupCount(4, 1)).toBe(2);
    expect(groupCount(4, undefined)).toBe(2);
    expect(groupCount(4, 16)).toBe(4);
    expect(groupCount(1, 8)).toBe(1);
    expect(groupCount(3, 3)).toBe(3);
  });
});

/** A shard's results as Pagefind ranks them (ids and scores, best first), with its facet counts. */
interface ShardResults {
  results: { id: string; score: number }[];
  filters: FilterCounts;
}
const shardOf = (name: string, scores: number[], filters: FilterCounts = {}): ShardResults => ({
  results: scores.map((score, i) => ({ id: `${name}/${i}`, score })),
  filters,
});

/** What a search worker holding `shards` (merged into one Pagefind instance) answers. */
function groupAnswer(shards: ShardResults[], top: number): { answer: GroupSearch; ids: string[] } {
  const all = shards.flatMap((s) => s.results).sort((a, b) => b.score - a.score);
  const filters = sumCounts(shards.map((s) => s.filters));
  return {
    answer: {
      search: 0,
      count: all.length,
      unfilteredResultCount: all.length + 1,
      filters,
      totalFilters: filters,
      top: all.slice(0, top).map((r, rank) => ({ score: r.score, rank })),
    },
    ids: all.map((r) => r.id),
  };
}

describe('mergeGroups', () => {
  // Ties across shards (2.5, 1) are where a merge could reorder results.
  const perShard = [
    shardOf('a', [3, 2.5, 1], { year: { '2021': 3 }, type: { raw: 2, derived: 1 } }),
    shardOf('b', [2.5, 2.5, 0.5], { year: { '2020': 3 }, type: { raw: 3 } }),
    shardOf('c', [4, 1], { year: { '2020': 2 }, type: { derived: 2 } }),
    shardOf('d', [2.5, 1], { year: { '2019': 2 } }),
  ];
  // Pagefind's mergeIndex: all indexes' results, in index order, stably sorted by score.
  const reference = perShard.flatMap((s) => s.results).sort((a, b) => b.score - a.score).map((r) => r.id);

  it('picks the best results as one merged Pagefind index ranks them, whichever contiguous groups searched the shards', () => {
    expect(reference).toEqual(['c/0', 'a/0', 'a/1', 'b/0', 'b/1', 'd/0', 'a/2', 'c/1', 'd/1', 'b/2']);
    for (const top of [1, 3, 6, 10, 20])
      for (const groups of cuts(perShard, 4)) {
        const answered = groups.map((g) => groupAnswer(g, top));
        const merged = mergeGroups(answered.map((a) => a.answer), top);
        expect(merged.picks.map((p) => answered[p.group]!.ids[p.rank])).toEqual(reference.slice(0, top));
        expect(merged.count).toBe(10);
      }
  });

  it('sums counts and facet counts value by value', () => {
    const merged = mergeGroups([groupAnswer(perShard.slice(0, 2), 2).answer, groupAnswer(perShard.slice(2), 2).answer], 2);
    expect(merged.count).toBe(10);
    expect(merged.unfilteredResultCount).toBe(7 + 5);
    expect(merged.filters).toEqual({ year: { '2021': 3, '2020': 5, '2019': 2 }, type: { raw: 5, derived: 3 } });
    expect(merged.totalFilters).toEqual(merged.filters);
  });

  it('picks nothing when asked for no results, and counts all the same', () => {
    const merged = mergeGroups([groupAnswer(perShard, 0).answer], 0);
    expect(merged.picks).toEqual([]);
    expect(merged.count).toBe(10);
  });

  it('leaves its inputs unchanged', () => {
    const a = { year: { '2021': 1 } };
    expect(sumCounts([a, { year: { '2021': 2 } }])).toEqual({ year: { '2021': 3 } });
    expect(a).toEqual({ year: { '2021': 1 } });
  });
});
