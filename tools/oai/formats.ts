/**
 * The metadata formats the OAI-PMH endpoint disseminates, all written by
 * tools/export from the same DataCite model: `oai_dc` (required by OAI-PMH),
 * `oai_datacite` (DataCite's OAI wrapper, schema oai-1.1, what OpenAIRE's
 * guidelines for data archives ask for) and `datacite` (the kernel 4.6 resource).
 */
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { DATACITE_NS } from '../export/datacite-model.ts';
import type { DataciteRecord } from '../export/datacite-model.ts';
import { appendDataciteResource } from '../export/datacite-xml.ts';
import { appendOaiDatacite, appendOaiDc, OAI_DATACITE_NS, OAI_DC_NS } from '../export/oai-dc.ts';

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  /**
   * Appends the record in this format under `parent` (the `<metadata>` element);
   * `resource` is the record's DataCite `<resource>` when it was built already
   * (for datacite.xml), so formats that carry it import it.
   */
  append(parent: XMLBuilder, record: DataciteRecord, datacentreSymbol: string, resource?: XMLBuilder): void;
}

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  { prefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: OAI_DC_NS, append: (p, r) => appendOaiDc(p, r) },
  {
    prefix: 'oai_datacite',
    schema: 'http://schema.datacite.org/oai/oai-1.1/oai.xsd',
    namespace: OAI_DATACITE_NS,
    append: (p, r, symbol, resource) => appendOaiDatacite(p, r, symbol, resource),
  },
  {
    prefix: 'datacite',
    schema: 'https://schema.datacite.org/meta/kernel-4.6/metadata.xsd',
    namespace: DATACITE_NS,
    append: (p, r, _symbol, resource) => (resource ? void p.import(resource) : appendDataciteResource(p, r)),
  },
];

/** The format with this metadataPrefix, or undefined (cannotDisseminateFormat). */
export const formatOf = (prefix: string): MetadataFormat | undefined => METADATA_FORMATS.find((f) => f.prefix === prefix);
