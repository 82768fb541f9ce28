import { describe, expect, it } from 'vitest';
import { datasetEntry } from './site-index.ts';
import { planShards, searchRecord, warmUpTerm } from './search-records.ts';
import type { Dataset } from './records.ts';
import { RAW } from './test-fixture.ts';

const entry = datasetEntry(RAW as unknown as Dataset, 'datasets/c5/20240017/xps-0001.json');
const rec = searchRecord(RAW as unknown as Dataset, entry, {
  instrumentName: () => 'Aurora ARPES beamline',
  sampleName: () => 'Ag(111) crystal',
});

describe('searchRecord', () => {
  it('holds the searchable text: title, description words, keywords, people, sample, metadata keys and values', () => {
    for (const s of ['Survey of Ag(111)', 'XPS survey', 'silver', 'Ingrid Halvorsen', 'Ag(111) crystal', 'lens_mode', 'HighMagnification', 'Photon energy', '520'])
      expect(rec.content).toContain(s);
    expect(rec.content).not.toContain('**');
  });
  it('carries every facet', () => {
    expect(rec.filters).toEqual({
      type: ['raw'],
      year: ['2024'],
      instrument: ['Aurora ARPES beamline'],
      technique: ['x-ray photoelectron spectroscopy'],
      proposal: ['20240017'],
      licence: ['CC-BY-4.0'],
      keyword: ['silver', 'XPS'],
    });
  });
  it('points at the landing page and sorts by date', () => {
    expect(rec.url).toBe('/datasets/20240017/xps-0001/');
    expect(rec.sort.date).toBe(RAW.creationTime);
    expect(rec.meta).toMatchObject({ title: RAW.datasetName, date: '2024-03-04', instrument: 'Aurora ARPES beamline' });
  });
});

describe('planShards', () => {
  const mk = (year: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...entry, pid: `20.500.1/${year}/d-${i}`, year, date: `${year}-06-01T00:00:00Z` }));
  it('makes one shard per year, newest first', () => {
    const shards = planShards([...mk('2023', 3), ...mk('2025', 2)]);
    expect(shards.map((s) => [s.name, s.entries.length])).toEqual([
      ['2025', 2],
      ['2023', 3],
    ]);
  });
  it('cuts a year larger than the cap into equal parts no larger than the cap, keeping every dataset once', () => {
    const shards = planShards(mk('2024', 7), 3);
    expect(shards.map((s) => [s.name, s.entries.length])).toEqual([
      ['2024-1', 2],
      ['2024-2', 3],
      ['2024-3', 2],
    ]);
    expect(shards.flatMap((s) => s.entries.map((e) => e.pid))).toEqual(mk('2024', 7).map((e) => e.pid));
    // The 100,000-dataset benchmark's 2020: two halves, not 25,000 and 1,940.
    expect(planShards(mk('2020', 26_940), 25_000).map((s) => s.entries.length)).toEqual([13_470, 13_470]);
  });
  it('orders shards and the parts of a year as ranges of the date order, newest first, undated last', () => {
    const dated = (date: string, i: number) => ({ ...entry, pid: `20.500.1/x/d-${i}`, date, year: date ? date.slice(0, 4) : 'undated' });
    const dates = ['2024-03-01', '', '2024-11-30', '2023-01-05', '2024-01-15', '2024-07-04', '2023-12-31'];
    const shards = planShards(dates.map(dated), 2);
    expect(shards.map((s) => [s.name, s.entries.map((e) => e.date)])).toEqual([
      ['2024-1', ['2024-11-30', '2024-07-04']],
      ['2024-2', ['2024-03-01', '2024-01-15']],
      ['2023', ['2023-12-31', '2023-01-05']],
      ['undated', ['']],
    ]);
  });
});

describe('warmUpTerm', () => {
  const withKeywords = (...lists: string[][]) => lists.map((keywords, i) => ({ ...entry, pid: `20.500.1/k-${i}`, keywords }));
  it('picks the keyword most datasets carry, counting each dataset once and ignoring case', () => {
    expect(warmUpTerm(withKeywords(['XPS', 'xps', 'alloy'], ['Alloy'], ['alloy', 'xps'], ['oxide']))).toBe('alloy');
  });
  it('prefers one-word keywords, breaks ties alphabetically, and has none without keywords', () => {
    expect(warmUpTerm(withKeywords(['band structure'], ['band structure'], ['zeolite'], ['arpes']))).toBe('arpes');
    expect(warmUpTerm(withKeywords(['band structure'], [' ']))).toBe('band structure');
    expect(warmUpTerm(withKeywords([], []))).toBeUndefined();
  });
});
