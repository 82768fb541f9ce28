import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCatalog, PID, type TestCatalog } from '../catalog/test-catalog.ts';
import { annotate } from './annotate.ts';
import { editRecord, parseSet } from './edit.ts';
import { setEmbargo } from './embargo.ts';
import { CurateError } from './errors.ts';
import { resolveRecord } from './resolve.ts';
import { recordPath } from '../core/layout.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
let cat: TestCatalog;
beforeEach(() => {
  cat = makeTestCatalog();
});
afterEach(() => cat.cleanup());

const text = (rel: string) => readFileSync(join(cat.root, rel), 'utf8');
const author = { name: 'Jonas Berg', orcid: '0000-0001-5109-3700' };

describe('parseSet', () => {
  it('parses the value as JSON when it is JSON, else keeps the text', () => {
    expect(parseSet('/rating=4')).toEqual({ op: 'set', pointer: '/rating', value: 4 });
    expect(parseSet('/keywords=["XPS","Ag"]')).toEqual({ op: 'set', pointer: '/keywords', value: ['XPS', 'Ag'] });
    expect(parseSet('/datasetName=Ag 3d = silver')).toEqual({ op: 'set', pointer: '/datasetName', value: 'Ag 3d = silver' });
    expect(parseSet('/sampleIds/0="007"')).toEqual({ op: 'set', pointer: '/sampleIds/0', value: '007' });
    expect(() => parseSet('keywords')).toThrow(/expected <json-pointer>=<value>/);
  });
});

describe('resolveRecord', () => {
  it('finds a record from a pid, a proposal id, a sample id, a PaNET id or a path', () => {
    expect(resolveRecord(cat.root, PID)).toMatchObject({ type: 'dataset', rel: cat.pathOf('dataset') });
    expect(resolveRecord(cat.root, '20240017')).toMatchObject({ type: 'proposal', rel: cat.pathOf('proposal') });
    expect(resolveRecord(cat.root, '20240017-s01')).toMatchObject({ type: 'sample' });
    expect(resolveRecord(cat.root, 'PaNET01204')).toMatchObject({ type: 'technique' });
    expect(resolveRecord(cat.root, join(cat.root, cat.pathOf('instrument')))).toMatchObject({ type: 'instrument', id: 'flexpes' });
  });

  it('says where it looked for a missing id and asks for --type when an id is ambiguous', () => {
    expect(() => resolveRecord(cat.root, '20.500.12345/20240017/nope')).toThrow(/looked for catalog\/datasets\/.*nope\.json/);
    cat.write(recordPath('proposal', 'flexpes'), { proposalId: 'flexpes' }); // a proposal named like the instrument
    expect(() => resolveRecord(cat.root, 'flexpes')).toThrow(/names several records .*Pass --type instrument\|proposal/);
    expect(resolveRecord(cat.root, 'flexpes', 'proposal').type).toBe('proposal');
    expect(() => resolveRecord(cat.root, 'not an id!')).toThrow(/not an id of any record type/);
  });
});

describe('shelfmark edit', () => {
  it('sets and removes fields, writes canonical JSON atomically, and reports no problems', async () => {
    const r = await editRecord({
      root: cat.root,
      id: PID,
      ops: [parseSet('/keywords=["XPS","silver"]'), parseSet('/description=Ag 3d after sputtering'), { op: 'unset', pointer: '/sourceFolder' }, parseSet('/sourceFolder=/data/new')],
      now: NOW,
    });
    expect(r).toMatchObject({ written: true, refused: [], rel: cat.pathOf('dataset') });
    const rec = cat.read(cat.pathOf('dataset'));
    expect(rec.keywords).toEqual(['XPS', 'silver']);
    expect(rec.description).toBe('Ag 3d after sputtering');
    expect(rec.sourceFolder).toBe('/data/new');
    expect(text(cat.pathOf('dataset'))).toBe(`${JSON.stringify(rec, null, 2)}\n`);
  });

  it('refuses a value the schema rejects and leaves the file as it was', async () => {
    const before = text(cat.pathOf('dataset'));
    const r = await editRecord({ root: cat.root, id: PID, ops: [parseSet('/access/status=secret')], now: NOW });
    expect(r.written).toBe(false);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]).toMatchObject({ severity: 'error', pointer: '/access/status' });
    expect(r.refused[0]!.file).toContain(cat.pathOf('dataset'));
    expect(r.refused[0]!.line).toBeGreaterThan(1);
    expect(text(cat.pathOf('dataset'))).toBe(before);
  });

  it('refuses a reference to a record that does not exist (cross-record check)', async () => {
    const r = await editRecord({ root: cat.root, id: PID, ops: [parseSet('/instrumentId=flexpess')], now: NOW });
    expect(r.written).toBe(false);
    expect(r.refused.map((f) => f.code)).toEqual(['ref/instrument']);
    expect(r.refused[0]!.message).toContain('"flexpess" does not exist');
    expect(r.refused[0]!.fix).toBe('Did you mean "flexpes"?');
  });

  it('refuses removing a required field and changing the id away from the path', async () => {
    const removed = await editRecord({ root: cat.root, id: PID, ops: [{ op: 'unset', pointer: '/license' }], now: NOW });
    expect(removed.refused.map((f) => f.code)).toEqual(['schema/required']);
    expect(removed.refused[0]!.message).toContain('license');
    // Digits parse as a JSON number, which the schema refuses for an id…
    const number = await editRecord({ root: cat.root, id: '20240017', ops: [parseSet('/proposalId=20240018')], now: NOW });
    expect(number.refused.map((f) => f.code)).toEqual(['schema/type']);
    // …and a string id that no longer matches the file's place is refused by the layout rule.
    const moved = await editRecord({ root: cat.root, id: '20240017', ops: [parseSet('/proposalId="20240018"')], now: NOW });
    expect(moved.written).toBe(false);
    expect(moved.refused.map((f) => f.pointer)).toEqual(['/proposalId']);
    expect(moved.refused[0]!.code).toMatch(/^layout\//);
  });

  it('does not let an error the record already had block an unrelated fix, but reports it', async () => {
    cat.edit('dataset', (r) => {
      r.instrumentId = 'ghost';
    });
    const r = await editRecord({ root: cat.root, id: PID, ops: [parseSet('/keywords=["XPS"]')], now: NOW });
    expect(r.written).toBe(true);
    expect(r.notes.map((f) => f.code)).toContain('ref/instrument');
  });

  it('writes nothing when the edit changes nothing', async () => {
    const r = await editRecord({ root: cat.root, id: PID, ops: [parseSet('/license=CC-BY-4.0')], now: NOW });
    expect(r).toMatchObject({ written: false, unchanged: true });
  });
});

describe('shelfmark embargo', () => {
  it('extends an embargo and lifts it, reporting how early', async () => {
    const r = await setEmbargo({ root: cat.root, pid: PID, until: '2028-01-01', now: NOW });
    expect(r.written).toBe(true);
    expect(cat.read(cat.pathOf('dataset')).access).toEqual({ status: 'embargoed', embargoedUntil: '2028-01-01' });
    const lifted = await setEmbargo({ root: cat.root, pid: PID, lift: true, now: NOW });
    expect(lifted.before).toEqual({ status: 'embargoed', embargoedUntil: '2028-01-01' });
    expect(lifted.after).toEqual({ status: 'public' });
    expect(lifted.liftedEarlyDays).toBe(730);
    expect(cat.read(cat.pathOf('dataset')).access).toEqual({ status: 'public' });
  });

  it('refuses a date that is not a date, one in the past, and one before the dataset was created', async () => {
    await expect(setEmbargo({ root: cat.root, pid: PID, until: 'next year', now: NOW })).rejects.toThrow(/is not a date/);
    await expect(setEmbargo({ root: cat.root, pid: PID, until: '2025-06-01', now: NOW })).rejects.toThrow(/use --lift/);
    await expect(setEmbargo({ root: cat.root, pid: PID, now: NOW })).rejects.toThrow(/either --until/);
    const early = await setEmbargo({ root: cat.root, pid: PID, until: '2023-01-01', now: new Date('2020-01-01T00:00:00Z') });
    expect(early.written).toBe(false);
    expect(early.refused.map((f) => f.code)).toEqual(['embargo/before-creation']);
    const bad = await setEmbargo({ root: cat.root, pid: PID, until: '2027-13-45', now: NOW }).catch((e: unknown) => e);
    expect(bad instanceof CurateError || (bad as { written?: boolean }).written === false).toBe(true);
  });
});

describe('shelfmark annotate', () => {
  it('writes comment and rating annotations with the next free number', async () => {
    const a = await annotate({ root: cat.root, datasetPid: PID, author, comment: 'Plasmon loss at 368.9 eV.', rating: 4, now: NOW });
    expect(a).toMatchObject({ written: true, id: '20240017/xps-0001/c-0002', refused: [] });
    expect(cat.read(a.rel)).toEqual({
      id: '20240017/xps-0001/c-0002',
      datasetPid: PID,
      author,
      created: '2026-01-01T00:00:00Z',
      comment: 'Plasmon loss at 368.9 eV.',
      rating: 4,
    });
    const b = await annotate({ root: cat.root, datasetPid: PID, author, rating: 5, now: NOW });
    expect(b.id).toBe('20240017/xps-0001/c-0003');
  });

  it('copies an image beside the annotation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelfmark-img-'));
    const png = join(dir, 'Ag 3d fit.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const a = await annotate({ root: cat.root, datasetPid: PID, author, image: { file: png, caption: 'Two-component fit' }, now: NOW });
    expect(a.written).toBe(true);
    expect(cat.read(a.rel).image).toEqual({ path: 'c-0002-Ag-3d-fit.png', caption: 'Two-component fit', mediaType: 'image/png' });
    expect(readFileSync(join(cat.root, a.imageRel!))).toEqual(readFileSync(png));
  });

  it('refuses a rating out of range, an unknown dataset and a non-image, writing nothing', async () => {
    const r = await annotate({ root: cat.root, datasetPid: PID, author, rating: 9, now: NOW });
    expect(r.written).toBe(false);
    expect(r.refused[0]).toMatchObject({ pointer: '/rating' });
    expect(existsSync(join(cat.root, r.rel))).toBe(false);
    await expect(annotate({ root: cat.root, datasetPid: '20.500.12345/20240017/none', author, comment: 'x' })).rejects.toMatchObject({ code: 'E_CURATE_NOT_FOUND' });
    await expect(annotate({ root: cat.root, datasetPid: PID, author, image: { file: '/etc/hostname' } })).rejects.toThrow(/not an image type/);
    await expect(annotate({ root: cat.root, datasetPid: PID, author })).rejects.toThrow(/nothing to annotate/);
    const noName = await annotate({ root: cat.root, datasetPid: PID, author: { name: '' }, comment: 'x', now: NOW });
    expect(noName.written).toBe(false);
  });
});
