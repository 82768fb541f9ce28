import { describe, expect, it } from 'vitest';
import { base32, checkDigits, isValidSuffix, literalPrefix, mintDoi, randomSuffixCore, suffixProblem } from './suffix.ts';

describe('DOI suffixes', () => {
  it('Crockford base32 without i, l, o, u', () => {
    expect(base32(0, 6)).toBe('000000');
    expect(base32(31, 2)).toBe('0z');
    expect(base32(32 * 18 + 19, 2)).toBe('jk');
  });

  it('check digits follow ISO 7064 mod 97-10: n·100 + check ≡ 1 (mod 97)', () => {
    for (const n of [0, 1, 96, 123456, 2 ** 30 - 1]) expect((n * 100 + Number(checkDigits(n))) % 97).toBe(1);
  });

  it('a random suffix has the shape xxxx-xxxx and passes its own check; a one-character typo fails it', () => {
    const s = randomSuffixCore(() => 987654321);
    expect(s).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{2}\d{2}$/);
    expect(isValidSuffix(s)).toBe(true);
    const typo = `${s[0] === 'a' ? 'b' : 'a'}${s.slice(1)}`;
    expect(isValidSuffix(typo)).toBe(false);
    expect(isValidSuffix(`shelfmark.${s}`)).toBe(true);
  });

  it('the literal start of a configured pattern becomes the prefix of every suffix', () => {
    expect(literalPrefix('^shelfmark\\.[0-9a-z]{4}-[0-9a-z]{4}$')).toBe('shelfmark.');
    expect(literalPrefix('^[0-9a-z]{4}-[0-9a-z]{4}$')).toBe('');
    expect(literalPrefix('^ab?c')).toBe('a');
    const doi = mintDoi({ doiPrefix: '10.5072', pattern: '^shelfmark\\.[0-9a-z]{4}-[0-9a-z]{4}$', taken: () => false, random: () => 42 });
    expect(doi).toBe(`10.5072/shelfmark.${randomSuffixCore(() => 42)}`);
  });

  it('a pattern the generator cannot meet is a clear error pointing at --suffix', () => {
    expect(() => mintDoi({ doiPrefix: '10.5072', pattern: '^[A-Z]{12}$', taken: () => false })).toThrow(/does not match config\.datacite\.doiSuffixPattern.*--suffix/);
    expect(suffixProblem('bad/suffix')).toMatch(/letters, digits/);
  });

  it('skips suffixes already taken', () => {
    const values = [1, 1, 2];
    const first = `10.5072/${randomSuffixCore(() => 1)}`;
    const doi = mintDoi({ doiPrefix: '10.5072', taken: (d) => d === first, random: () => values.shift()! });
    expect(doi).toBe(`10.5072/${randomSuffixCore(() => 2)}`);
  });
});
