import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TranslateError } from './common.ts';
import { looksLikeWave5, packedEvidence, readPacked, readWave } from './igor-binary.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';

describe.skipIf(!HAVE_CORPUS)(`Igor binary reader on real files ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  const ibw = () => new Uint8Array(readFileSync(corpus('scienta-ses', 'Ag_0001Ag__001.ibw')));
  const pxt = () => new Uint8Array(readFileSync(corpus('scienta-ses', 'MERLIN_9.pxt')));

  it('reads a little-endian version 5 wave: name, shape, scaling, extended units, note', () => {
    const w = readWave(ibw());
    expect(w).toMatchObject({ name: 'Ag__001', version: 5, littleEndian: true, type: 4, dims: [361] });
    expect(w.offset[0]).toBe(382);
    expect(w.delta[0]).toBeCloseTo(-0.05, 12);
    expect(w.dataUnits).toBe('Counts [a.u.]');
    expect(w.dimUnits[0]).toBe('Binding Energy [eV]');
    expect(w.note.startsWith('[SES]\nVersion=1.2.5\nRegion Name=Ag3d\n')).toBe(true);
    expect(w.data).toHaveLength(361);
  });

  it('reads a big-endian packed experiment and the data folder of its wave', () => {
    const waves = readPacked(pxt());
    expect(waves).toHaveLength(1);
    expect(waves[0]).toMatchObject({ name: 'Swept_Core_1', folder: 'root:', littleEndian: false, dims: [561, 1] });
    expect(waves[0]!.dimUnits).toEqual(['eV', 'deg']);
  });

  it('tells a wave from a packed experiment by content', () => {
    expect(looksLikeWave5(ibw())).toBe(true);
    expect(looksLikeWave5(pxt())).toBe(false);
    expect(packedEvidence(pxt().subarray(0, 8192))).toBe('wave');
  });

  it('a flipped header byte fails the checksum with a clear message', () => {
    const b = ibw();
    b[100] = b[100]! ^ 0xff;
    expect(looksLikeWave5(b)).toBe(false);
    expect(() => readWave(b)).toThrow(/checksum is wrong: the file is damaged/);
  });

  it('an older wave version is refused with a fix, not misread', () => {
    const b = ibw();
    b[0] = 2; // BinHeader2 (Igor 1.x/2.x layout)
    const err = (() => {
      try {
        readWave(b);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TranslateError);
    expect((err as TranslateError).message).toMatch(/version 2 is not supported/);
    expect((err as TranslateError).fix).toMatch(/save it again/);
  });
});
