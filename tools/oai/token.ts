/**
 * Stateless resumption tokens (OAI-PMH §3.5): the token carries the whole
 * query and the offset of the next page, so the server keeps nothing between
 * requests. It also carries the repository's fingerprint: once the item list
 * has changed, an old offset could skip or repeat records, so the token is
 * refused (badResumptionToken) and the harvester starts again.
 */

/** The list request a token continues. */
export interface TokenState {
  verb: 'ListRecords' | 'ListIdentifiers' | 'ListSets';
  metadataPrefix?: string;
  set?: string;
  from?: string;
  until?: string;
  /** Index of the first item of the next page. */
  offset: number;
  /** {@link OaiRepository.fingerprint} when the token was issued. */
  fingerprint: string;
}

const VERBS = new Set(['ListRecords', 'ListIdentifiers', 'ListSets']);

/** The token text: base64url of the state as JSON (only characters OAI tokens may hold unescaped). */
export function encodeToken(state: TokenState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** The state in a token, or undefined when the text is not a token this server issued. */
export function decodeToken(token: string): TokenState | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Record<string, unknown>;
  const optional = (k: string) => s[k] === undefined || typeof s[k] === 'string';
  if (typeof s.verb !== 'string' || !VERBS.has(s.verb)) return undefined;
  if (typeof s.offset !== 'number' || !Number.isSafeInteger(s.offset) || s.offset < 0) return undefined;
  if (typeof s.fingerprint !== 'string') return undefined;
  if (!['metadataPrefix', 'set', 'from', 'until'].every(optional)) return undefined;
  return s as unknown as TokenState;
}
