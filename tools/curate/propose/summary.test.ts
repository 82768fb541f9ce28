import { describe, expect, it } from 'vitest';
import { recordPath } from '../../core/layout.ts';
import { proposalBranch } from './branch-name.ts';
import { changedFields, commitMessage, summarise, type RecordDelta } from './summary.ts';

const pid = (n: number, proposal = '20240017') => `20.500.12345/${proposal}/xps-${String(n).padStart(4, '0')}`;
const ds = (n: number, extra: object = {}, proposal = '20240017') => ({ pid: pid(n, proposal), datasetName: `scan ${n}`, keywords: ['XPS'], ...extra });
const upd = (n: number, change: object, proposal = '20240017'): RecordDelta => ({
  rel: recordPath('dataset', pid(n, proposal)),
  status: 'M',
  before: ds(n, {}, proposal),
  after: ds(n, change, proposal),
});

describe('change summary', () => {
  it('says "Update 3 datasets in proposal 20240017: keywords, description"', () => {
    const s = summarise([upd(1, { keywords: ['XPS', 'Ag'] }), upd(2, { description: 'x' }), upd(3, { keywords: [], description: 'y' })]);
    expect(s.title).toBe('Update 3 datasets in proposal 20240017: keywords, description');
    expect(s.items).toEqual([`update dataset ${pid(1)} (keywords)`, `update dataset ${pid(2)} (description)`, `update dataset ${pid(3)} (keywords, description)`]);
    expect(s.counts.updated).toEqual({ dataset: 3 });
  });

  it('counts additions and removals by type across proposals, and names a removed field', () => {
    const deltas: RecordDelta[] = [
      { rel: recordPath('dataset', pid(9, '20230045')), status: 'A', after: ds(9, {}, '20230045') },
      { rel: recordPath('dataset', pid(8, '20230045')), status: 'A', after: ds(8, {}, '20230045') },
      { rel: recordPath('sample', '20240017-s02'), status: 'D', before: { sampleId: '20240017-s02', proposalId: '20240017' } },
      { rel: recordPath('annotation', '20240017/xps-0001/c-0002'), status: 'A', after: { id: '20240017/xps-0001/c-0002' } },
      upd(1, { keywords: undefined }),
    ];
    const s = summarise(deltas);
    expect(s.title).toBe('Update 1 dataset; add 2 datasets and 1 annotation; remove 1 sample in proposals 20230045 and 20240017: keywords');
    expect(changedFields(ds(1), ds(1, { keywords: undefined }))).toEqual(['keywords']);
  });

  it('summarises a large ingest by counts and caps the item list', () => {
    const deltas: RecordDelta[] = Array.from({ length: 120 }, (_, i) => ({
      rel: recordPath('dataset', pid(i + 1, String(20240000 + (i % 5)))),
      status: 'A' as const,
      after: ds(i + 1, {}, String(20240000 + (i % 5))),
    }));
    const s = summarise(deltas, { maxItems: 10 });
    expect(s.title).toBe('Add 120 datasets in 5 proposals');
    expect(s.items).toHaveLength(11);
    expect(s.items[10]).toBe('… and 110 more');
    expect(commitMessage(s).split('\n')[0]).toBe('Add 120 datasets in 5 proposals');
  });

  it('shortens a long field list', () => {
    const s = summarise([upd(1, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })]);
    expect(s.title).toBe('Update 1 dataset in proposal 20240017: a, b, c, d and 2 more');
  });
});

describe('proposal branch name', () => {
  it('depends on the changed paths and contents only, not their order', () => {
    const a = proposalBranch([{ path: 'catalog/a.json', content: '{"x":1}' }, { path: 'catalog/b.json', content: null }]);
    const b = proposalBranch([{ path: 'catalog/b.json', content: null }, { path: 'catalog/a.json', content: '{"x":1}' }]);
    expect(a).toMatch(/^curate\/[0-9a-f]{10}$/);
    expect(a).toBe(b);
    expect(proposalBranch([{ path: 'catalog/a.json', content: '{"x":2}' }, { path: 'catalog/b.json', content: null }])).not.toBe(a);
    expect(proposalBranch([{ path: 'catalog/a.json', content: '{"x":1}' }])).not.toBe(a);
  });
});
