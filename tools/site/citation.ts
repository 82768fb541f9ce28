/**
 * The visible citation on a landing page, in the DataCite recommended form:
 * Creator (PublicationYear). Title. Publisher. Identifier.
 */
import type { Person } from './records.ts';

export interface Citation {
  authors: string;
  year: string;
  title: string;
  publisher: string;
  /** The https://doi.org/ URL when there is a DOI, else the landing page URL. */
  url: string;
}

/** "Family, G." when the parts are known, else the name as given. */
export function citationName(p: Person): string {
  if (p.familyName) {
    const initials = (p.givenName ?? '')
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((g) => `${g[0]}.`)
      .join(' ');
    return initials ? `${p.familyName}, ${initials}` : p.familyName;
  }
  return p.name;
}

/** Authors joined as reference managers expect: "A, B, & C"; more than 20 become "A, B, … et al." */
export function authorList(people: readonly Person[]): string {
  const names = people.map(citationName);
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length > 20) return `${names.slice(0, 19).join(', ')}, … et al.`;
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

/** Plain text of a citation, e.g. for tombstones and tests. */
export function citationText(c: Citation): string {
  const head = c.authors ? `${c.authors} (${c.year}). ` : `(${c.year}). `;
  return `${head}${c.title}. ${c.publisher}. ${c.url}`;
}
