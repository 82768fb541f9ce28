import { describe, expect, it } from 'vitest';
import type { Publication } from './records.ts';
import { versionsBlock } from './publication-versions.ts';

const base = { status: 'findable', registeredTime: '2026-01-01T00:00:00Z', creators: [{ name: 'A' }], publisher: 'P', publicationYear: 2026, pidArray: ['20.500.1/p/d'] } as const;
const pub = (doi: string, extra: Partial<Publication> = {}): Publication => ({ ...base, doi, title: doi, ...extra }) as Publication;
const C = '10.5072/cccc-cc00';
const V1 = '10.5072/aaaa-aa00';
const V2 = '10.5072/bbbb-bb00';
const V3 = '10.5072/dddd-dd00';
const all = [
  pub(C, { conceptDoi: C, relatedIdentifiers: [{ relatedIdentifier: V1, relatedIdentifierType: 'DOI', relationType: 'HasVersion' }] }),
  pub(V1), // the first version predates its concept and does not name it
  pub(V2, { version: '2', conceptDoi: C }),
  pub(V3, { version: '10', conceptDoi: C }),
];

describe('versions block of a publication page', () => {
  it('the concept page lists every version in numeric order, the highest marked latest', () => {
    const b = versionsBlock(all[0]!, all)!;
    expect(b.isConcept).toBe(true);
    expect(b.versions.map((v) => [v.version, v.href, v.latest])).toEqual([
      ['1', `/doi/${V1}/`, false],
      ['2', `/doi/${V2}/`, false],
      ['10', `/doi/${V3}/`, true],
    ]);
    expect(b.versions.some((v) => v.current)).toBe(false);
  });

  it('a version page (even the first, which does not name its concept) links the concept and marks itself', () => {
    const b = versionsBlock(all[1]!, all)!;
    expect(b.isConcept).toBe(false);
    expect(b.conceptHref).toBe(`/doi/${C}/`);
    expect(b.versions.find((v) => v.current)?.doi).toBe(V1);
  });

  it('leaves out versions that are not visible (drafts in a public build), and has no block without versions', () => {
    const b = versionsBlock(all[2]!, all.filter((p) => p.doi !== V3))!;
    expect(b.versions.map((v) => v.doi)).toEqual([V1, V2]);
    expect(b.versions.at(-1)?.latest).toBe(true);
    expect(versionsBlock(pub('10.5072/eeee-ee00'), all)).toBeUndefined();
  });
});
