import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';
import { PANET, photoemissionTechnique, techniqueFromDefinition, techniqueFromMethod } from './technique.ts';

describe('technique guesses', () => {
  it('maps analyser settings, methods and definitions', () => {
    expect(photoemissionTechnique('Angular30', 96)).toBe(PANET.arpes);
    expect(photoemissionTechnique('Transmission', 520)).toBe(PANET.xps);
    expect(photoemissionTechnique('Transmission', 6000)).toBe(PANET.haxpes);
    expect(photoemissionTechnique('Transmission', 21.2)).toBe(PANET.pes);
    expect(techniqueFromMethod('xps')).toBe(PANET.xps);
    expect(techniqueFromMethod('AES')).toBeUndefined();
    expect(techniqueFromDefinition('NXmx')).toBe(PANET.mx);
    expect(techniqueFromDefinition(undefined)).toBeUndefined();
  });
});

describe.skipIf(!HAVE_CORPUS)(`PaNET ids and labels ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  it('every id and name is the one in PaNET.csv', () => {
    const labels = new Map<string, string>();
    for (const line of readFileSync(corpus('panet', 'PaNET.csv'), 'utf8').split('\n')) {
      const m = /^\d+,http:\/\/purl\.org\/pan-science\/PaNET\/(PaNET\d+),([^,]+),/.exec(line);
      if (m) labels.set(m[1]!, m[2]!);
    }
    expect(labels.size).toBeGreaterThan(100);
    for (const t of Object.values(PANET)) expect(labels.get(t.pid), t.pid).toBe(t.name);
  });
});
