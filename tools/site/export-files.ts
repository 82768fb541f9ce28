/**
 * The export files written beside each landing page. Their names are part of
 * the public URL space (`<landing page>/<file>`), so they are fixed here once
 * and used by the pages, the Signposting links and the writer alike.
 */
export interface ExportFile {
  /** File name beside the landing page. */
  file: string;
  /** Link text on the page. */
  label: string;
  /** IANA media type, used in Signposting `describedby` links and by `shelfmark serve`. */
  mediaType: string;
  /** Signposting profile URI, when the format has one. */
  profile?: string;
}

export const EXPORT_FILES: readonly ExportFile[] = [
  { file: 'record.json', label: 'Record (JSON)', mediaType: 'application/json' },
  {
    file: 'datacite.xml',
    label: 'DataCite XML 4.6',
    mediaType: 'application/vnd.datacite.datacite+xml',
    profile: 'http://datacite.org/schema/kernel-4',
  },
  { file: 'datacite.json', label: 'DataCite JSON', mediaType: 'application/vnd.datacite.datacite+json' },
  { file: 'schema-org.jsonld', label: 'schema.org JSON-LD', mediaType: 'application/ld+json', profile: 'https://schema.org' },
  { file: 'citation.bib', label: 'BibTeX', mediaType: 'application/x-bibtex' },
  { file: 'citation.ris', label: 'RIS', mediaType: 'application/x-research-info-systems' },
  { file: 'citation.csl.json', label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json' },
];

/** The URL of an export beside the landing page at `pageUrl` (which ends with "/"). */
export const exportUrl = (pageUrl: string, e: ExportFile): string => `${pageUrl}${e.file}`;
