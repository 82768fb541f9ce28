/**
 * Persistent identifiers people type by hand and get wrong: ORCID iDs, DOIs,
 * ROR ids and SPDX licence ids. Each check returns data (ok, or why not and
 * what to write instead); the validator turns that into findings.
 */
import { createRequire } from 'node:module';
import parseSpdx from 'spdx-expression-parse';

/** The outcome of checking one identifier. */
export type IdCheck = { ok: true } | { ok: false; reason: string; suggestion?: string };

const OK: IdCheck = { ok: true };

// The same people and institutes appear on thousands of records: remember answers (bounded).
const orcidCache = new Map<string, IdCheck>();
const rorCache = new Map<string, IdCheck>();
function memo(cache: Map<string, IdCheck>, id: string, check: (id: string) => IdCheck): IdCheck {
  let r = cache.get(id);
  if (r === undefined) {
    r = check(id);
    if (cache.size > 50_000) cache.clear();
    cache.set(id, r);
  }
  return r;
}

/** The ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD. */
export function orcidCheckDigit(digits15: string): string {
  let total = 0;
  for (const ch of digits15) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/**
 * Checks a bare ORCID iD such as `0000-0002-1825-0097`: four groups of four,
 * last character a digit or X, checksum per https://support.orcid.org/hc/en-us/articles/360006897674.
 */
export function checkOrcid(id: string): IdCheck {
  return memo(orcidCache, id, orcidUncached);
}

function orcidUncached(id: string): IdCheck {
  const url = /^https?:\/\/orcid\.org\/(.+)$/.exec(id);
  if (url) return { ok: false, reason: 'an ORCID URL, not a bare iD', suggestion: url[1] };
  const m = /^(\d{4})-(\d{4})-(\d{4})-(\d{3})([\dX])$/.exec(id);
  if (!m) return { ok: false, reason: 'not of the form 0000-0000-0000-000X' };
  const digits = `${m[1]}${m[2]}${m[3]}${m[4]}`;
  const check = orcidCheckDigit(digits);
  if (check !== m[5]) {
    return {
      ok: false,
      reason: `the check digit is ${m[5]} but the first 15 digits give ${check} (a mistyped digit)`,
    };
  }
  return OK;
}

/** Checks DOI syntax: `10.<registrant>/<suffix>` (Crossref/DataCite practice), without a resolver prefix. */
export function checkDoi(doi: string): IdCheck {
  const url = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)(.+)$/i.exec(doi);
  if (url) return { ok: false, reason: 'a DOI URL or "doi:" form, not a bare DOI', suggestion: url[1] };
  if (!/^10\.\d{4,9}(\.\d+)*\/\S+$/.test(doi)) return { ok: false, reason: 'not of the form 10.<digits>/<suffix>' };
  return OK;
}

/** The prefix (`10.5072`) of a DOI, or undefined. */
export const doiPrefixOf = (doi: string): string | undefined => /^(10\.[^/]+)\//.exec(doi)?.[1];

// ROR ids: 0 + 6 characters of Crockford base32 (no i, l, o, u) + 2 check digits.
// https://ror.readme.io/docs/identifier
const ROR_ID = /^0[0-9a-hjkmnp-tv-z]{6}\d{2}$/;

/** Checks a ROR id, accepted as `https://ror.org/01ggx4157` (the canonical form) or bare `01ggx4157`. */
export function checkRor(id: string): IdCheck {
  return memo(rorCache, id, rorUncached);
}

function rorUncached(id: string): IdCheck {
  const m = /^(?:https:\/\/ror\.org\/)?([^/]+)$/.exec(id);
  if (!m || !ROR_ID.test(m[1]!)) return { ok: false, reason: 'not a ROR id such as https://ror.org/01ggx4157' };
  return OK;
}

const require = createRequire(import.meta.url);
const spdxIds: readonly string[] = require('spdx-license-ids');
const spdxDeprecated: readonly string[] = require('spdx-license-ids/deprecated.json');
const spdxLower = new Map<string, string>([...spdxIds, ...spdxDeprecated].map((id) => [id.toLowerCase(), id]));

/**
 * Checks an SPDX licence id or expression (`CC-BY-4.0`, `MIT OR Apache-2.0`,
 * `LicenseRef-facility-data-policy`). Suggests the right case for a near miss.
 */
export function checkSpdx(expression: string): IdCheck {
  return memo(spdxCache, expression, spdxUncached);
}

const spdxCache = new Map<string, IdCheck>();

function spdxUncached(expression: string): IdCheck {
  try {
    parseSpdx(expression);
    if (spdxDeprecated.includes(expression)) return { ok: false, reason: 'a deprecated SPDX id' };
    return OK;
  } catch {
    const suggestion = spdxLower.get(expression.toLowerCase()) ?? spdxLower.get(expression.toLowerCase().replace(/\s+/g, '-'));
    return { ok: false, reason: 'not an SPDX licence id or expression', ...(suggestion ? { suggestion } : {}) };
  }
}
