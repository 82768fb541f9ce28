/**
 * DOI suffixes, the way DataCite generates them when asked to
 * (lupo's `generate_random_dois`, base32-url gem): a random number in Crockford
 * base32 (no i, l, o, u, so it survives being read aloud or retyped), two
 * ISO 7064 mod 97-10 check digits, split in groups of four: `4k7q-2m9d`.
 * A typo in a cited DOI is caught by `isValidSuffix` before anyone resolves it.
 *
 * The config may narrow the shape with `datacite.doiSuffixPattern` (a regular
 * expression); its leading literal part (e.g. `shelfmark.`) becomes a prefix of
 * every minted suffix.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Crockford base32 of a non-negative integer, left-padded with zeros to `width`. */
export function base32(n: number, width: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 32)) out = ALPHABET[v % 32] + out;
  return out.padStart(width, '0');
}

function decode(s: string): number | undefined {
  let n = 0;
  for (const ch of s.toLowerCase()) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return undefined;
    n = n * 32 + i;
  }
  return n;
}

/** The two check digits (ISO 7064 mod 97-10) of a number. */
export function checkDigits(n: number): string {
  return String(98 - ((n * 100) % 97)).padStart(2, '0');
}

/** The random part: 6 base32 characters (30 bits) and 2 check digits, as `xxxx-xxxx`. */
export function randomSuffixCore(random: () => number = () => randomInt(0, 2 ** 30)): string {
  const n = random();
  const s = base32(n, 6) + checkDigits(n);
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** True when the last 9 characters of a suffix are a random core whose check digits match. */
export function isValidSuffix(suffix: string): boolean {
  const m = /([0-9a-z]{4})-([0-9a-z]{2})(\d{2})$/i.exec(suffix);
  if (!m) return false;
  const n = decode(m[1]! + m[2]!);
  return n !== undefined && checkDigits(n) === m[3];
}

/** The literal start of a pattern such as `^shelfmark\.[0-9a-z]{4}-…`: `shelfmark.`. */
export function literalPrefix(pattern: string): string {
  let i = pattern.startsWith('^') ? 1 : 0;
  let out = '';
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length && /[.\-_/]/.test(pattern[i + 1]!)) {
      out += pattern[i + 1];
      i += 2;
    } else if (/[A-Za-z0-9_-]/.test(ch) && !/[?*+{]/.test(pattern[i + 1] ?? '')) {
      out += ch;
      i += 1;
    } else break;
  }
  return out;
}

export class SuffixError extends Error {
  readonly code = 'E_DOI_SUFFIX';
}

/** Checks a suffix against the configured pattern; returns the problem, or undefined when it fits. */
export function suffixProblem(suffix: string, pattern?: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(suffix))
    return `"${suffix}" may hold only letters, digits, ".", "_" and "-", starting with a letter or digit (it is also a file name)`;
  if (pattern && !new RegExp(pattern).test(suffix)) return `"${suffix}" does not match config.datacite.doiSuffixPattern ${pattern}`;
  return undefined;
}

/**
 * Mints a new DOI `<prefix>/<suffix>` that `taken` does not know: random by
 * default, prefixed by the pattern's literal start, checked against the pattern.
 */
export function mintDoi(opts: { doiPrefix: string; pattern?: string; taken: (doi: string) => boolean; random?: () => number }): string {
  const start = opts.pattern ? literalPrefix(opts.pattern) : '';
  for (let i = 0; i < 20; i++) {
    const suffix = `${start}${randomSuffixCore(opts.random)}`;
    const problem = suffixProblem(suffix, opts.pattern);
    if (problem)
      throw new SuffixError(`${problem}: the generated suffixes have the shape <literal start>xxxx-xxxx. Change doiSuffixPattern in catalog/config.json, or give the suffix with --suffix.`);
    const doi = `${opts.doiPrefix}/${suffix}`;
    if (!opts.taken(doi)) return doi;
  }
  throw new SuffixError('20 random DOI suffixes in a row were taken; the catalogue holds an unusual number of publications. Give the suffix with --suffix.');
}
