/**
 * Check digits for the persistent identifiers the example data carries, so that
 * fictional people and institutions still have identifiers a validator accepts.
 */
import { orcidCheckDigit } from '../core/identifiers.ts';

/** A full ORCID iD (`0000-0002-1825-0097` form) from its first 15 digits (dashes optional). */
export function orcidFromBase(base15: string): string {
  const digits = base15.replace(/-/g, '');
  if (!/^\d{15}$/.test(digits)) throw new Error(`expected 15 digits, found "${base15}"`);
  const full = digits + orcidCheckDigit(digits);
  return `${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12)}`;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A ROR id (`https://ror.org/0xxxxxxNN`) from its 6 Crockford base-32 characters:
 * the leading 0, the 6 characters, then the ISO 7064 MOD 97-10 checksum of the number they encode.
 */
export function rorFromBase(six: string): string {
  const body = `0${six.toLowerCase()}`;
  let n = 0n;
  for (const ch of body) {
    const v = CROCKFORD.indexOf(ch);
    if (v < 0) throw new Error(`"${ch}" is not a Crockford base-32 character`);
    n = n * 32n + BigInt(v);
  }
  const check = 98n - ((n * 100n) % 97n);
  return `https://ror.org/${body}${check.toString().padStart(2, '0')}`;
}
