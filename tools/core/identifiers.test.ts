import { describe, expect, it } from 'vitest';
import { checkDoi, checkOrcid, checkRor, checkSpdx, doiPrefixOf, orcidCheckDigit } from './identifiers.ts';

describe('ORCID', () => {
  it('accepts real iDs, including an X check digit', () => {
    // Examples from ORCID's own documentation.
    expect(checkOrcid('0000-0002-1825-0097')).toEqual({ ok: true });
    expect(checkOrcid('0000-0002-1694-233X')).toEqual({ ok: true });
    expect(checkOrcid('0000-0001-5109-3700')).toEqual({ ok: true });
  });
  it('computes the MOD 11-2 check digit', () => {
    expect(orcidCheckDigit('000000021825009')).toBe('7');
    expect(orcidCheckDigit('000000021694233')).toBe('X');
  });
  it('rejects a mistyped digit and says why', () => {
    const r = checkOrcid('0000-0002-1825-0098');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('check digit is 8 but the first 15 digits give 7');
  });
  it('rejects the wrong shape and suggests the bare id for a URL', () => {
    expect(checkOrcid('0000-0002-1825-009').ok).toBe(false);
    expect(checkOrcid('https://orcid.org/0000-0002-1825-0097')).toMatchObject({ ok: false, suggestion: '0000-0002-1825-0097' });
  });
});

describe('DOI', () => {
  it('accepts bare DOIs and gives the prefix', () => {
    expect(checkDoi('10.5072/shelfmark.4k7q-2m9d').ok).toBe(true);
    expect(checkDoi('10.1000.10/abc').ok).toBe(true);
    expect(doiPrefixOf('10.5072/shelfmark.4k7q-2m9d')).toBe('10.5072');
  });
  it('rejects malformed DOIs and suggests the bare form of a URL', () => {
    expect(checkDoi('10.50/x').ok).toBe(false);
    expect(checkDoi('11.5072/x').ok).toBe(false);
    expect(checkDoi('10.5072/with space').ok).toBe(false);
    expect(checkDoi('https://doi.org/10.5072/abc')).toMatchObject({ ok: false, suggestion: '10.5072/abc' });
  });
});

describe('ROR', () => {
  it('accepts canonical and bare ids', () => {
    expect(checkRor('https://ror.org/01ggx4157').ok).toBe(true);
    expect(checkRor('01ggx4157').ok).toBe(true);
  });
  it('rejects other shapes', () => {
    expect(checkRor('http://ror.org/01ggx4157').ok).toBe(false);
    expect(checkRor('01ggx415').ok).toBe(false);
    expect(checkRor('01ggo4157').ok).toBe(false); // "o" is not in ROR's alphabet
  });
});

describe('SPDX', () => {
  it('accepts ids and expressions', () => {
    expect(checkSpdx('CC-BY-4.0').ok).toBe(true);
    expect(checkSpdx('CC0-1.0').ok).toBe(true);
    expect(checkSpdx('MIT OR Apache-2.0').ok).toBe(true);
    expect(checkSpdx('LicenseRef-facility-policy').ok).toBe(true);
  });
  it('rejects unknown ids and suggests the right case', () => {
    expect(checkSpdx('cc-by-4.0')).toMatchObject({ ok: false, suggestion: 'CC-BY-4.0' });
    expect(checkSpdx('Creative Commons').ok).toBe(false);
  });
  it('flags deprecated ids', () => {
    expect(checkSpdx('GPL-2.0')).toMatchObject({ ok: false, reason: 'a deprecated SPDX id' });
  });
});
