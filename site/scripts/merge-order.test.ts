import { describe, expect, it } from 'vitest';
import { mergeOrdered, orderOf } from './merge-order.ts';

const r = (id: string, score: number) => ({ id, score });
// Three shards, newest date range first; each list as Pagefind returns it for its order.
const byScore = [[r('a1', 3), r('a2', 1)], [r('b1', 3), r('b2', 2)], [r('c1', 4)]];

describe('mergeOrdered', () => {
  it('ranks by score, equal scores in shard order, as Pagefind mergeIndex does', () => {
    expect(mergeOrdered(byScore, 'relevance').map((x) => x.id)).toEqual(['c1', 'a1', 'b1', 'b2', 'a2']);
  });
  it('keeps date order across shards whatever the scores: newest range first for desc, last for asc', () => {
    const desc = [[r('2024-05', 1), r('2024-01', 9)], [r('2023-07', 5)], [r('2021-02', 2), r('2021-01', 7)]];
    expect(mergeOrdered(desc, 'desc').map((x) => x.id)).toEqual(['2024-05', '2024-01', '2023-07', '2021-02', '2021-01']);
    const asc = desc.map((l) => [...l].reverse());
    expect(mergeOrdered(asc, 'asc').map((x) => x.id)).toEqual(['2021-01', '2021-02', '2023-07', '2024-01', '2024-05']);
  });
  it('leaves its inputs unchanged', () => {
    const lists = byScore.map((l) => [...l]);
    mergeOrdered(lists, 'relevance');
    mergeOrdered(lists, 'asc');
    expect(lists).toEqual(byScore);
  });
});

describe('orderOf', () => {
  it('reads the date sort, and anything else is relevance', () => {
    expect(orderOf({ sort: { date: 'desc' } })).toBe('desc');
    expect(orderOf({ sort: { date: 'asc' } })).toBe('asc');
    expect(orderOf({})).toBe('relevance');
    expect(orderOf({ sort: { date: 'sideways' } })).toBe('relevance');
  });
});
