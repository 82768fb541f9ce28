/**
 * Metadata exporters (issues #3 "Exports" and #6 §4): pure functions from a
 * record and the records it points to (a "view", see view.ts) to the formats the
 * site writes beside each landing page and DataCite receives.
 *
 * The whole API, for the site and `shelfmark publish`/`doi`:
 *
 *   exportDataset(view: DatasetView): Exports          every format of a dataset, as file contents
 *   exportPublication(view: PublicationView): Exports  the same for a DOI publication
 *
 *   datasetToDatacite(view) / publicationToDatacite(view) → DataciteRecord   the DataCite 4.6 model
 *   toDataciteXml(record, {headless?}) → string   kernel 4.6 XML (xmlbuilder2)
 *   dataciteResource(record) / dataciteResourceXml(resource)  the same in two steps, to reuse the element
 *   fromDataciteXml(xml) → DataciteRecord   the reverse (fast-xml-parser); throws DataciteXmlError
 *   toDataciteJson(record, event?) → {data:{type:'dois', attributes}}      the REST API body
 *   toOaiDc(record) / toOaiDatacite(record, {datacentreSymbol}) → string  OAI-PMH oai_dc, oai_datacite
 *   appendDataciteResource / appendOaiDc / appendOaiDatacite(parent, …)   the same into an xmlbuilder2 tree
 *   datasetToSchemaOrg(view) / publicationToSchemaOrg(view) → JsonLd      Google Dataset Search ready
 *   jsonLdForScript(jsonLd) → string        safe inside <script type="application/ld+json">
 *   datasetToCsl(view) / publicationToCsl(view) → CslItem
 *   formatCitations(csl) → {bibtex, ris, cslJson}                         via citation-js
 *   formatReference(csl) → string           APA 7 text via citeproc (slow: ~5–30 ms, use sparingly)
 *
 *   validateXml(xml, schema = DATACITE_XSD) → {valid, findings}          xmllint, findings as data
 *   validateXmlFiles(paths, schema = DATACITE_XSD) → Finding[]            many files, batched
 *
 * Everything here is pure except xsd.ts (runs xmllint). The view carries the
 * config, so URLs come from `siteBaseUrl` and tools/core/routes.ts alone.
 */
import { formatCitations, formatReference, datasetToCsl, publicationToCsl } from './citation.ts';
import { datasetToDatacite, publicationToDatacite } from './datacite-from-records.ts';
import { toDataciteJson } from './datacite-json.ts';
import { toDataciteXml } from './datacite-xml.ts';
import { datasetToSchemaOrg, publicationToSchemaOrg, type JsonLd } from './schema-org.ts';
import type { DatasetView, PublicationView } from './view.ts';

export type * from './view.ts';
export type * from './datacite-model.ts';
export { DATACITE_NS, DATACITE_SCHEMA_LOCATION } from './datacite-model.ts';
export { toDataciteXml, dataciteResource, dataciteResourceXml, type XmlOptions } from './datacite-xml.ts';
export { fromDataciteXml, DataciteXmlError } from './datacite-xml-read.ts';
export { appendDataciteResource } from './datacite-xml.ts';
export { toOaiDc, toOaiDatacite, appendOaiDc, appendOaiDatacite, OAI_DC_NS, DC_NS, OAI_DATACITE_NS, type OaiDataciteOptions } from './oai-dc.ts';
export { toDataciteJson, type DataciteJsonDocument, type DoiEvent } from './datacite-json.ts';
export { datasetToDatacite, publicationToDatacite, personToCreator, spdxRights, PANET_BASE } from './datacite-from-records.ts';
export { datasetToSchemaOrg, publicationToSchemaOrg, jsonLdForScript, fitDescription, type JsonLd } from './schema-org.ts';
export { datasetToCsl, publicationToCsl, formatCitations, formatReference, type CslItem, type Citations } from './citation.ts';
export { validateXml, validateXmlFiles, DATACITE_XSD, CORPUS_DIR, XMLLINT, XsdSetupError, type XsdResult } from './xsd.ts';

/** Every export of one record, as the contents of the files written beside its landing page. */
export interface Exports {
  /** `datacite.xml`: DataCite kernel 4.6 XML. */
  dataciteXml: string;
  /** `datacite.json`: the DataCite REST API JSON:API document. */
  dataciteJson: string;
  /** The schema.org object, for the page head (serialise with {@link jsonLdForScript}). */
  jsonLd: JsonLd;
  /** `schema-org.jsonld`: the same, as a file. */
  jsonLdFile: string;
  /** `citation.bib`. */
  bibtex: string;
  /** `citation.ris`. */
  ris: string;
  /** `citation.csl.json`. */
  cslJson: string;
  /** The formatted reference (APA 7); computed on first read, as citeproc is slow. */
  readonly citation: string;
}

function assemble(datacite: ReturnType<typeof datasetToDatacite>, jsonLd: JsonLd, csl: ReturnType<typeof datasetToCsl>): Exports {
  const c = formatCitations(csl);
  return {
    dataciteXml: toDataciteXml(datacite),
    dataciteJson: `${JSON.stringify(toDataciteJson(datacite), null, 2)}\n`,
    jsonLd,
    jsonLdFile: `${JSON.stringify(jsonLd, null, 2)}\n`,
    bibtex: c.bibtex,
    ris: c.ris,
    cslJson: c.cslJson,
    get citation() {
      return formatReference(csl);
    },
  };
}

/** Every export of a dataset. */
export function exportDataset(view: DatasetView): Exports {
  return assemble(datasetToDatacite(view), datasetToSchemaOrg(view), datasetToCsl(view));
}

/** Every export of a DOI publication. */
export function exportPublication(view: PublicationView): Exports {
  return assemble(publicationToDatacite(view), publicationToSchemaOrg(view), publicationToCsl(view));
}
