import { describe, expect, it } from 'vitest';
import type { RecordChange } from './git.ts';
import { followRenames, gonePaths, isUnder } from './tombstones.ts';

const who = { name: 'A', email: 'a@x' };
const ch = (n: number, status: RecordChange['status'], oldPath?: string): RecordChange => ({
  sha: `c${n}`,
  date: `2024-01-01T0${n}:00:00+00:00`,
  author: who,
  subject: `commit ${n}`,
  status,
  ...(oldPath ? { oldPath } : {}),
});

// c0 add a · c1 edit a · c2 rename a→b · c3 edit b · c4 add a again (a new file) · c5 rename b→c · c6 delete a
const history = new Map<string, RecordChange[]>([
  ['a', [ch(6, 'D'), ch(4, 'A'), ch(1, 'M'), ch(0, 'A')]],
  ['b', [ch(3, 'M'), ch(2, 'R', 'a')]],
  ['c', [ch(5, 'R', 'b')]],
]);
const order = new Map(['c6', 'c5', 'c4', 'c3', 'c2', 'c1', 'c0'].map((s, i) => [s, i]));

describe('followRenames', () => {
  it('continues a file\'s history through renames, without the reused old path\'s later changes', () => {
    expect(followRenames(history, 'c', order).map((x) => x.sha)).toEqual(['c5', 'c3', 'c2', 'c1', 'c0']);
    expect(followRenames(history, 'c').map((x) => x.sha)).toEqual(['c5', 'c3', 'c2', 'c1', 'c0']);
  });
  it('stops at the addition of a path that was not renamed', () => {
    expect(followRenames(history, 'a', order).map((x) => x.sha)).toEqual(['c6', 'c4']);
    expect(followRenames(history, 'missing')).toEqual([]);
  });
});

describe('gonePaths', () => {
  it('finds deleted and renamed-away paths with the newest removal', () => {
    const gone = gonePaths(history, new Set(['c']), order);
    expect(gone.map((g) => [g.path, g.deletedIn.sha, g.renamedTo])).toEqual([
      ['a', 'c6', undefined],
      ['b', 'c5', 'c'],
    ]);
  });
  it('does not list a path that is present', () => {
    expect(gonePaths(history, new Set(['a', 'b', 'c']), order)).toEqual([]);
  });
});

describe('isUnder', () => {
  it('matches a folder and what lies below it, not a sibling with the same prefix', () => {
    expect(isUnder('catalog/a.json', 'catalog')).toBe(true);
    expect(isUnder('catalog/a.json', 'catalog/')).toBe(true);
    expect(isUnder('catalogue/a.json', 'catalog')).toBe(false);
    expect(isUnder('x', '')).toBe(true);
    expect(isUnder('x', '.')).toBe(true);
  });
});
