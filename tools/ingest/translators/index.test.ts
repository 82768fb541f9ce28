import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, readAny, TRANSLATORS } from './index.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';

/** Every instrument file in the corpus and the translator that must read it. */
const EXPECTED: Record<string, string> = {
  'scienta-ses/Ag_0001.txt': 'ses-txt',
  'scienta-ses/Cu-HHTP_0001.txt': 'ses-txt',
  'scienta-ses/Cu-HHTP_0003.txt': 'ses-txt',
  'scienta-ses/Ag_0001Ag__001.ibw': 'igor-ibw',
  'scienta-ses/Cu-HHTP_0001Cu-HHTP__001.ibw': 'igor-ibw',
  'scienta-ses/MERLIN_9.pxt': 'igor-pxt',
  'specs-prodigy/MgFe2O4_small.xy': 'prodigy-xy',
  'specs-prodigy/MgFe2O4_with_transmission_function.xy': 'prodigy-xy',
  'specs-prodigy/In-situ_PBTTT_XPS_SPECS.xml': 'specslab-xml',
  'other/regular.vms': 'vamas',
  'nexus/NXarpes.hdf5': 'nexus',
  'nexus/NXxas.hdf5': 'nexus',
  'nexus/NXtomo.hdf5': 'nexus',
  'nexus/Therm_6_2.nxs': 'nexus',
  'nexus/p45-1168.nxs': 'nexus',
  'nexus/writer_1_3.h5': 'nexus',
  'nexus/scienta_ibw_ref.nxs': 'nexus',
};

describe('translator registry', () => {
  it('has one translator per format id', () => {
    const ids = TRANSLATORS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['igor-ibw', 'igor-pxt', 'nexus', 'prodigy-xy', 'ses-txt', 'specslab-xml', 'vamas']);
  });
});

describe('readAny on bad input (made-up files)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shelfmark-readany-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('an empty file is an error that says so and how to fix it', async () => {
    writeFileSync(join(tmp, 'empty.xy'), '');
    const r = await readAny(join(tmp, 'empty.xy'));
    expect(r).toMatchObject({ status: 'error', file: join(tmp, 'empty.xy') });
    if (r.status !== 'error') return;
    expect(r.message).toMatch(/^empty\.xy: the file is empty \(0 bytes\), expected instrument data/);
    expect(r.fix).toMatch(/copy the file again/);
  });

  it('garbage is rejected, naming what the extension promised and what was found', async () => {
    writeFileSync(join(tmp, 'notes.txt'), 'Shopping list: milk, eggs\n');
    const r = await readAny(join(tmp, 'notes.txt'));
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.message).toContain('notes.txt: the name says Scienta SES text export (.txt), but the content is not');
    expect(r.message).toContain('"Shopping list: milk, egg…"');
    writeFileSync(join(tmp, 'blob.bin'), Buffer.from([0, 1, 2, 3, 250, 251, 252]));
    const b = await readAny(join(tmp, 'blob.bin'));
    expect(b.status === 'error' && b.message).toMatch(/blob\.bin: not in a format Shelfmark reads; it starts with "\\x00\\x01.*Expected one of: Scienta SES text export/);
  });

  it('a missing file and a folder are errors, not exceptions', async () => {
    const missing = await readAny(join(tmp, 'nope.ibw'));
    expect(missing.status === 'error' && missing.message).toBe('nope.ibw: the file does not exist.');
    mkdirSync(join(tmp, 'dir.nxs'));
    const dir = await readAny(join(tmp, 'dir.nxs'));
    expect(dir.status === 'error' && dir.message).toMatch(/is a folder/);
  });

  it('never throws on random bytes', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256)));
      const p = join(tmp, `random-${i}.${['txt', 'ibw', 'pxt', 'xy', 'xml', 'vms', 'nxs', 'dat'][i % 8]}`);
      writeFileSync(p, bytes);
      const r = await readAny(p);
      expect(r.file).toBe(p);
      expect(r.status).toBe('error');
    }
  });
});

describe.skipIf(!HAVE_CORPUS)(`readAny on the real corpus ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shelfmark-corpus-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists every instrument file of the corpus here', () => {
    const onDisk = ['scienta-ses', 'specs-prodigy', 'other', 'nexus'].flatMap((d) => readdirSync(corpus(d)).map((f) => `${d}/${f}`));
    expect(onDisk.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, id] of Object.entries(EXPECTED)) {
    it(`${file} is detected as ${id} and read`, async () => {
      const path = corpus(...file.split('/'));
      expect((await detectFormat(path))?.id).toBe(id);
      const r = await readAny(path);
      expect(r.status).toBe('ok');
      if (r.status !== 'ok') return;
      expect(r.measurements.length).toBeGreaterThan(0);
      for (const m of r.measurements) {
        expect(m.format).toBe(id);
        expect(m.files[0]).toBe(path);
        expect(m.groupKey).not.toBe('');
        expect(m.regions.length).toBeGreaterThan(0);
      }
    });
  }

  for (const [file, id] of Object.entries(EXPECTED)) {
    it(`${file} cut to half its size is an error that says "truncated"`, async () => {
      const bytes = readFileSync(corpus(...file.split('/')));
      const cut = join(tmp, `half-${file.replace('/', '-')}`);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const r = await readAny(cut);
      expect(r.status, `${id}: ${JSON.stringify(r).slice(0, 300)}`).toBe('error');
      if (r.status !== 'error') return;
      expect(r.message.startsWith(`half-${file.replace('/', '-')}: `)).toBe(true);
      expect(r.message).toMatch(/truncated/);
      expect(r.fix).toBeTruthy();
    });
  }

  it('misnamed files are read by content, with a warning', async () => {
    const cases: Array<[string, string, string]> = [
      ['scienta-ses/Ag_0001.txt', 'Ag_0001.xy', 'ses-txt'],
      ['specs-prodigy/MgFe2O4_small.xy', 'MgFe2O4_small.txt', 'prodigy-xy'],
      ['other/regular.vms', 'regular.xml', 'vamas'],
      ['scienta-ses/MERLIN_9.pxt', 'MERLIN_9.ibw', 'igor-pxt'],
      ['scienta-ses/Ag_0001Ag__001.ibw', 'Ag_0001Ag__001.dat', 'igor-ibw'],
      ['nexus/writer_1_3.h5', 'writer_1_3.txt', 'nexus'],
    ];
    for (const [src, name, id] of cases) {
      const p = join(tmp, name);
      copyFileSync(corpus(...src.split('/')), p);
      const r = await readAny(p);
      expect(r.status, name).toBe('ok');
      if (r.status !== 'ok') continue;
      expect(r.measurements[0]!.format, name).toBe(id);
      if (name.endsWith('.dat')) continue; // no format claims .dat, so nothing to warn about
      expect(r.measurements[0]!.warnings.join(), name).toContain(`${name}: the name suggests another format`);
    }
  });
});
