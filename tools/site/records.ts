/**
 * The record types the site reads, under the short names the site uses. They
 * are the types generated from the JSON Schemas (tools/core/types.generated.ts),
 * never maintained by hand here; the site still reads every field defensively,
 * because a page must not crash on a record the validator has not passed.
 */
export type {
  AnnotationRecord as Annotation,
  Attachment,
  CatalogConfig as SiteConfig,
  DatasetAccess as Access,
  DatasetRecord as Dataset,
  FileEntry,
  ForgeConfig as Forge,
  InstrumentRecord as Instrument,
  Person,
  ProposalRecord as Proposal,
  PublicationRecord as Publication,
  SampleRecord as Sample,
  TechniqueRecord,
  TechniqueRef as Technique,
} from '../core/types.generated.ts';
