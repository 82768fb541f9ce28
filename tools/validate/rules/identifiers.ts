/**
 * Persistent identifiers are real, not just well-shaped: ORCID check digits
 * wherever a person appears, ROR ids, SPDX licence ids, and DOIs (publication
 * DOIs must carry the catalogue's own prefix, or DataCite will refuse them).
 */
import { preview } from '../../core/findings.ts';
import { checkDoi, checkOrcid, checkRor, checkSpdx, doiPrefixOf, type IdCheck } from '../../core/identifiers.ts';
import { toPointer } from '../json-source.ts';
import { isObject, type RecordRule, type RuleIssue } from './context.ts';

// Subtrees that hold measurement data, not people: skipping them keeps the walk cheap.
const SKIP = new Set(['scientificMetadata', 'sampleCharacteristics', 'files', 'provenance', 'description', 'abstract']);

/** Calls `found` for every string property named in `names`; one mutable path, no copies (this runs on every record). */
function visitStrings(node: unknown, names: ReadonlySet<string>, path: (string | number)[], found: (key: string, value: string, path: (string | number)[]) => void): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (v !== null && typeof v === 'object') {
        path.push(i);
        visitStrings(v, names, path, found);
        path.pop();
      }
    }
  } else if (isObject(node)) {
    for (const k in node) {
      if (path.length === 0 && SKIP.has(k)) continue;
      const v = node[k];
      if (typeof v === 'string') {
        if (names.has(k)) found(k, v, [...path, k]);
      } else if (v !== null && typeof v === 'object') {
        path.push(k);
        visitStrings(v, names, path, found);
        path.pop();
      }
    }
  }
}

function issue(r: IdCheck & { ok: false }, code: string, pointer: string, value: string, what: string, example: string): RuleIssue {
  return {
    severity: 'error',
    code,
    pointer,
    message: `${preview(value)} is not a valid ${what}: ${r.reason}`,
    expected: `${what} such as ${example}`,
    found: preview(value),
    fix: r.suggestion ? `Write ${preview(r.suggestion)}.` : `Copy the ${what} again from its source; a single mistyped character breaks it.`,
  };
}

const PEOPLE_IDS = new Set(['orcid', 'ror']);

/** ORCID and ROR ids anywhere in the record (people, affiliations, the facility). */
export const peopleIdsRule: RecordRule = ({ record }) => {
  const issues: RuleIssue[] = [];
  visitStrings(record, PEOPLE_IDS, [], (key, value, path) => {
    const r = key === 'orcid' ? checkOrcid(value) : checkRor(value);
    if (!r.ok) {
      issues.push(
        key === 'orcid'
          ? issue(r, 'id/orcid', toPointer(path), value, 'ORCID iD', '0000-0002-1825-0097')
          : issue(r, 'id/ror', toPointer(path), value, 'ROR id', 'https://ror.org/01ggx4157'),
      );
    }
  });
  return issues;
};

/** SPDX ids: dataset `license`, publication `rights[].rightsIdentifier`. */
export const licenseRule: RecordRule = ({ type, record }) => {
  const found: [string, unknown][] = [];
  if (type === 'dataset') found.push(['/license', record.license]);
  if (type === 'publication' && Array.isArray(record.rights)) {
    record.rights.forEach((r, i) => isObject(r) && found.push([`/rights/${i}/rightsIdentifier`, r.rightsIdentifier]));
  }
  const issues: RuleIssue[] = [];
  for (const [pointer, value] of found) {
    if (typeof value !== 'string') continue;
    const r = checkSpdx(value);
    if (!r.ok) issues.push(issue(r, 'id/spdx', pointer, value, 'SPDX licence id', '"CC-BY-4.0" or "CC0-1.0" (see https://spdx.org/licenses/)'));
  }
  return issues;
};

/** DOI syntax; a publication's DOI must use the catalogue's doiPrefix. */
export const doiRule: RecordRule = ({ type, record }, ctx) => {
  if ((type !== 'publication' && type !== 'dataset') || typeof record.doi !== 'string') return [];
  const doi = record.doi;
  const r = checkDoi(doi);
  if (!r.ok) return [issue(r, 'id/doi', '/doi', doi, 'DOI', '10.5072/shelfmark.4k7q-2m9d')];
  const prefix = ctx.config?.doiPrefix;
  if (type === 'publication' && prefix && doiPrefixOf(doi) !== prefix) {
    return [{
      severity: 'error',
      code: 'id/doi-prefix',
      pointer: '/doi',
      message: `the DOI prefix "${doiPrefixOf(doi)}" is not the catalogue's doiPrefix "${prefix}", so it cannot be registered with DataCite`,
      expected: `a DOI starting with ${prefix}/`,
      found: preview(doi),
      fix: `Use "${prefix}/${doi.slice(doi.indexOf('/') + 1)}" (and rename the file to match), or correct doiPrefix in catalog/config.json.`,
    }];
  }
  return [];
};
