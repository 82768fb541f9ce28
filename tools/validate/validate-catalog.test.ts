import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../core/findings.ts';
import { bucketOf } from '../core/layout.ts';
import { makeTestCatalog, PID, type TestCatalog } from '../catalog/test-catalog.ts';
import { validateCatalog } from './validate-catalog.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
let cat: TestCatalog;

beforeEach(() => {
  cat = makeTestCatalog();
});
afterEach(() => cat.cleanup());

async function check(opts: { paths?: string[]; workers?: number; maxBytes?: number } = {}) {
  return validateCatalog({ root: cat.root, now: NOW, ...opts });
}

/** The one finding with this code, asserting it names the file. */
function only(findings: Finding[], code: string, rel: string): Finding {
  const hits = findings.filter((f) => f.code === code);
  expect(hits, JSON.stringify(findings, null, 2)).toHaveLength(1);
  expect(hits[0]!.file.endsWith(`catalog/${rel}`)).toBe(true);
  return hits[0]!;
}

/** The 1-based line of the first line of a catalogue file containing `text`: an independent check of reported lines. */
function lineContaining(rel: string, text: string): number {
  const lines = readFileSync(join(cat.root, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  expect(i, `${text} in ${rel}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

describe('validateCatalog on a small valid catalogue', () => {
  it('finds nothing and counts every record by type', async () => {
    const { findings, stats } = await check();
    expect(findings).toEqual([]);
    expect(stats.files).toBe(9);
    expect(stats.records).toBe(9);
    expect(stats.byType.dataset).toBe(1);
  });
});

describe('each broken thing is one error naming the file, pointer and line', () => {
  it('missing required field', async () => {
    const rel = cat.edit('dataset', (r) => delete r.datasetName);
    const f = only((await check()).findings, 'schema/required', rel);
    expect(f).toMatchObject({ severity: 'error', pointer: '/datasetName', line: 1, column: 1 });
    expect(f.message).toBe('missing required property "datasetName"');
  });

  it('dangling proposal reference', async () => {
    const rel = cat.edit('sample', (r) => (r.proposalId = '20249999'));
    const f = only((await check()).findings, 'ref/proposal', rel);
    expect(f).toMatchObject({ pointer: '/proposalId', line: lineContaining(rel, '"proposalId"') });
    expect(f.message).toContain('"20249999" does not exist');
    expect(f.fix).toContain(`catalog/proposals/${bucketOf('20249999')}/20249999.json`);
  });

  it('dangling technique reference suggests the near miss', async () => {
    const rel = cat.edit('dataset', (r) => (r.techniques = [{ pid: 'PaNET01205', name: 'x' }]));
    const f = only((await check()).findings, 'ref/technique', rel);
    expect(f.pointer).toBe('/techniques/0/pid');
    expect(f.fix).toBe('Did you mean "PaNET01204"?');
  });

  it('duplicate id', async () => {
    const copy = cat.write(`samples/${bucketOf('20240017-s01')}/20240017-s02.json`, cat.read(cat.pathOf('sample')));
    const { findings } = await check();
    const f = only(findings, 'id/duplicate', copy);
    expect(f).toMatchObject({ pointer: '/sampleId', line: 2 });
    expect(f.message).toContain(cat.pathOf('sample'));
    // The copy is also filed under the wrong name for its id.
    expect(only(findings, 'layout/path-mismatch', copy).pointer).toBe('/sampleId');
  });

  it('unit of the wrong dimension', async () => {
    const rel = cat.edit('dataset', (r) => ((r.scientificMetadata as Record<string, { unit: string }>).pass_energy!.unit = 'mm'));
    const f = only((await check()).findings, 'profile/dimension', rel);
    expect(f).toMatchObject({ pointer: '/scientificMetadata/pass_energy/unit', line: lineContaining(rel, '"unit": "mm"') });
    expect(f.message).toContain('"mm", a length unit');
    expect(f.expected).toBe('an energy unit such as eV or keV');
  });

  it('a unit that is not a unit', async () => {
    const rel = cat.edit('dataset', (r) => ((r.scientificMetadata as Record<string, { unit: string }>).pass_energy!.unit = 'eVV'));
    const f = only((await check()).findings, 'profile/unit', rel);
    expect(f.message).toBe('"eVV" is not a unit. Expected an energy unit such as eV or keV.');
  });

  it('value outside its profile range, after unit conversion', async () => {
    const rel = cat.edit('dataset', (r) => ((r.scientificMetadata as Record<string, { value: number }>).photon_energy!.value = 12));
    const f = only((await check()).findings, 'profile/range', rel);
    expect(f).toMatchObject({ pointer: '/scientificMetadata/photon_energy/value', line: lineContaining(rel, '"value": 12,') });
    expect(f.message).toContain('12 keV (= 12000 eV) is outside the range 50 to 10000 eV');
  });

  it('a value inside the range in other units passes (Torr against a range in mbar)', async () => {
    cat.edit('dataset', (r) => ((r.scientificMetadata as Record<string, { value: number }>).pressure!.value = 1e-3));
    const f = only((await check()).findings, 'profile/range', cat.pathOf('dataset'));
    expect(f.message).toContain('(= 0.00133322 mbar)');
  });

  it('missing profile key', async () => {
    const rel = cat.edit('dataset', (r) => delete (r.scientificMetadata as Record<string, unknown>).analyser);
    const f = only((await check()).findings, 'profile/required', rel);
    expect(f.pointer).toBe('/scientificMetadata/analyser/model');
  });

  it('bad ORCID checksum', async () => {
    const rel = cat.edit('proposal', (r) => ((r.pi as { orcid: string }).orcid = '0000-0002-1825-0098'));
    const f = only((await check()).findings, 'id/orcid', rel);
    expect(f).toMatchObject({ pointer: '/pi/orcid', line: lineContaining(rel, '"orcid": "0000-0002-1825-0098"') });
    expect(f.message).toContain('check digit is 8');
  });

  it('malformed JSON', async () => {
    const rel = cat.write(cat.pathOf('instrument'), '{\n  "id": "flexpes",\n  "name": "FlexPES"\n  "url": "x"\n}\n');
    const { findings } = await check();
    const f = only(findings, 'json/syntax', rel);
    expect(f).toMatchObject({ line: 4, column: 3 });
    // The broken file keeps its place: records that reference it do not also report it missing.
    expect(findings).toHaveLength(1);
  });

  it('unknown SPDX licence, with the right spelling suggested', async () => {
    const rel = cat.edit('dataset', (r) => (r.license = 'cc-by-4.0'));
    const f = only((await check()).findings, 'id/spdx', rel);
    expect(f.fix).toBe('Write "CC-BY-4.0".');
  });

  it('publication DOI with a foreign prefix', async () => {
    const rel = cat.edit('publication', (r) => (r.doi = '10.9999/shelfmark.4k7q-2m9d'));
    const f = only((await check()).findings, 'id/doi-prefix', rel);
    expect(f.pointer).toBe('/doi');
  });

  it('end before start', async () => {
    const rel = cat.edit('proposal', (r) => (r.endTime = '2024-03-13T08:00:00+01:00'));
    expect(only((await check()).findings, 'time/order', rel).pointer).toBe('/endTime');
  });

  it('embargo that has ended is a warning, not an error', async () => {
    const rel = cat.edit('dataset', (r) => (r.access = { status: 'embargoed', embargoedUntil: '2025-06-01' }));
    const { findings } = await check();
    const f = only(findings, 'embargo/ended', rel);
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^embargo has ended: set access.status to public/);
    expect(errors(findings)).toEqual([]);
  });

  it('embargo before creation and retention too short', async () => {
    const rel = cat.edit('dataset', (r) => {
      r.access = { status: 'embargoed', embargoedUntil: '2024-01-01' };
      r.retentionUntil = '2028-01-01';
    });
    const { findings } = await check();
    only(findings, 'embargo/before-creation', rel);
    expect(only(findings, 'retention/too-short', rel).fix).toContain('2031-03-14');
  });

  it('dataset pid with another prefix than the config', async () => {
    const rel = cat.edit('dataset', (r) => (r.pid = PID.replace('20.500.12345', '20.500.99999')));
    const { findings } = await check();
    expect(only(findings, 'layout/pid-prefix', rel).pointer).toBe('/pid');
    // Everything that pointed to the old pid now dangles.
    const dangling = findings.filter((f) => f.code === 'ref/dataset').map((f) => f.pointer);
    expect(dangling.sort()).toEqual(['/datasetPid', '/pidArray/0']);
  });

  it('record in the wrong place', async () => {
    const rel = cat.edit('proposal', (r) => (r.proposalId = '20240018'));
    const f = only((await check()).findings, 'layout/path-mismatch', rel);
    expect(f.fix).toContain(`git mv catalog/${rel} catalog/proposals/${bucketOf('20240018')}/20240018.json`);
  });
});

describe('file-level problems', () => {
  it('BOM, empty file, duplicate keys, not-an-object', async () => {
    const bom = cat.write('techniques/PaNET01188.json', `\uFEFF${JSON.stringify({ pid: 'PaNET01188', name: 'diffraction' })}`);
    const empty = cat.write('techniques/PaNET01189.json', '');
    const dup = cat.write('techniques/PaNET01190.json', '{\n  "pid": "PaNET01190",\n  "name": "a",\n  "name": "b"\n}');
    const arr = cat.write('techniques/PaNET01191.json', '[{"pid": "PaNET01191", "name": "a"}]');
    const { findings } = await check();
    expect(only(findings, 'json/bom', bom).line).toBe(1);
    only(findings, 'json/empty', empty);
    expect(only(findings, 'json/duplicate-key', dup)).toMatchObject({ pointer: '/name', line: 4 });
    only(findings, 'json/not-object', arr);
  });

  it('huge file', async () => {
    const rel = cat.edit('sample', (r) => (r.description = 'x'.repeat(5000)));
    const f = only((await check({ maxBytes: 4096 })).findings, 'json/too-large', rel);
    expect(f.message).toContain('more than the 4.0 kB');
  });

  it('stray files: a misplaced record is an error that says where it goes, other files a warning', async () => {
    const misplaced = cat.write('datasets/xps-0001.json', cat.read(cat.pathOf('dataset')));
    const notes = cat.write('datasets/notes.txt', 'todo');
    const md = cat.write('instruments/flexpes.md', '# FlexPES');
    const { findings } = await check();
    const f = only(findings, 'layout/stray-record', misplaced);
    expect(f.fix).toBe(`Move it: git mv catalog/${misplaced} catalog/${cat.pathOf('dataset')}`);
    expect(only(findings, 'layout/stray-file', notes).severity).toBe('warning');
    expect(findings.some((x) => x.file.endsWith(md))).toBe(false);
  });
});

describe('options', () => {
  it('paths limit what is reported, but references still resolve across the catalogue', async () => {
    cat.edit('sample', (r) => (r.proposalId = 'nope'));
    const rel = cat.edit('dataset', (r) => delete r.datasetName);
    const { findings } = await check({ paths: [`${cat.root}/datasets`] });
    expect(findings.map((f) => f.code)).toEqual(['schema/required']);
    expect(findings[0]!.file.endsWith(rel)).toBe(true);
  });

  it('a path that does not exist is reported', async () => {
    const { findings } = await check({ paths: [`${cat.root}/nowhere`] });
    expect(findings.map((f) => f.code)).toEqual(['file/not-found']);
  });

  it('worker threads give the same findings as the main thread', async () => {
    cat.edit('sample', (r) => (r.proposalId = '20249999'));
    cat.edit('dataset', (r) => ((r.scientificMetadata as Record<string, { unit: string }>).pass_energy!.unit = 'mm'));
    cat.write(`samples/${bucketOf('20240017-s01')}/20240017-s02.json`, cat.read(cat.pathOf('sample')));
    const inline = await check({ workers: 0 });
    const threaded = await check({ workers: 2 });
    expect(threaded.findings).toEqual(inline.findings);
    expect(threaded.stats).toEqual(inline.stats);
    expect(inline.findings.length).toBeGreaterThanOrEqual(4);
  });

  it('a catalogue without config.json is told to add one', async () => {
    rmSync(join(cat.root, 'config.json'));
    const { findings } = await check();
    expect(findings.map((f) => f.code)).toContain('layout/no-config');
  });

  it('a missing catalogue folder is a finding, not a crash', async () => {
    const { findings } = await validateCatalog({ root: `${cat.root}/missing` });
    expect(findings.map((f) => f.code)).toEqual(['file/no-catalogue']);
  });
});
