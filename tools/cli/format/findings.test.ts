import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/findings.ts';
import { countFindings, formatGithub, formatJson, formatText } from './findings.ts';

const findings: Finding[] = [
  {
    severity: 'error',
    code: 'profile/unit',
    file: 'catalog/datasets/c5/20240017/xps-0001.json',
    pointer: '/scientificMetadata/pass_energy/unit',
    line: 14,
    column: 7,
    message: '"eVV" is not a unit. Expected an energy unit such as eV or keV.',
    expected: 'an energy unit such as eV or keV',
    found: '"eVV"',
    fix: 'Write the unit of "pass_energy" as one of eV or keV.',
  },
  { severity: 'warning', code: 'layout/stray-file', file: 'catalog/notes.txt', message: 'catalog/notes.txt is not part of the catalogue layout, and is ignored' },
];

describe('formatText', () => {
  it('groups by file with location, pointer, message, details and a summary', () => {
    const text = formatText(findings, { files: 10, records: 9 });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'catalog/datasets/c5/20240017/xps-0001.json:14:7  /scientificMetadata/pass_energy/unit  error: "eVV" is not a unit. Expected an energy unit such as eV or keV.  [profile/unit]',
    );
    expect(lines[1]).toBe('    expected: an energy unit such as eV or keV');
    expect(lines[2]).toBe('    found:    "eVV"');
    expect(lines[3]).toBe('    fix:      Write the unit of "pass_energy" as one of eV or keV.');
    expect(lines[4]).toBe('');
    expect(lines[5]).toMatch(/^catalog\/notes\.txt  warning: /);
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 1 error and 1 warning in 2 files (10 files checked, 9 records)');
  });
  it('says so when there is nothing to report', () => {
    expect(formatText([], { files: 1, records: 1 })).toBe('✔ no problems (1 file checked, 1 record)\n');
  });
});

describe('formatGithub', () => {
  it('writes one escaped workflow command per finding', () => {
    const out = formatGithub(findings).split('\n');
    expect(out[0]).toMatch(
      /^::error file=catalog\/datasets\/c5\/20240017\/xps-0001\.json,line=14,col=7,title=shelfmark profile\/unit at \/scientificMetadata\/pass_energy\/unit::"eVV" is not a unit\. /,
    );
    expect(out[0]).toContain('%0Aexpected: an energy unit such as eV or keV%0A');
    expect(out[1]).toMatch(/^::warning file=catalog\/notes\.txt,title=shelfmark layout\/stray-file::/);
  });
  it('escapes commas and colons in properties', () => {
    const out = formatGithub([{ severity: 'error', code: 'x', file: 'a,b:c.json', message: '100%' }]);
    expect(out).toBe('::error file=a%2Cb%3Ac.json,title=shelfmark x::100%25\n');
  });
});

describe('formatJson', () => {
  it('is parseable and counts severities', () => {
    const doc = JSON.parse(formatJson(findings, { files: 10 }));
    expect(doc.summary).toEqual({ errors: 1, warnings: 1 });
    expect(doc.findings).toHaveLength(2);
    expect(countFindings(findings).files).toBe(2);
  });
});
