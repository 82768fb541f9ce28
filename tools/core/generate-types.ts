/**
 * Generates `tools/core/types.generated.ts` from `schemas/*.schema.json` with
 * json-schema-to-typescript, so the schemas stay the one source of truth for
 * record shapes. Run `npm run gen:types` after changing a schema;
 * `types.test.ts` fails when the committed file has drifted.
 *
 * The schemas are bundled into one in memory first: every record schema and
 * every shared definition becomes an entry of a single `$defs` map, cross-file
 * `$ref`s are rewritten to local ones (no resolver touches the network), and
 * each entry gets the type name listed below. Property-level `title`s are
 * dropped, because json-schema-to-typescript would turn each one into its own
 * named type; descriptions stay and become doc comments. Keywords that only
 * constrain values (`if`/`then`, `not`, required-only `anyOf`) are dropped too:
 * Ajv checks them, the types need not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../catalog/write.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMAS_DIR = join(here, '..', '..', 'schemas');
export const OUTPUT_FILE = join(here, 'types.generated.ts');

/** Type name of each record schema (by file stem). */
const RECORD_NAMES: Record<string, string> = {
  config: 'CatalogConfig',
  instrument: 'InstrumentRecord',
  technique: 'TechniqueRecord',
  profile: 'ProfileRecord',
  publication: 'PublicationRecord',
  proposal: 'ProposalRecord',
  sample: 'SampleRecord',
  dataset: 'DatasetRecord',
  annotation: 'AnnotationRecord',
};

/**
 * Type names of `$defs` entries, as `<schema stem>/<def>`. Definitions not listed
 * (plain strings such as orcid, doi, dateTime) are inlined as their base type.
 */
const DEF_NAMES: Record<string, string> = {
  'common/person': 'Person',
  'common/affiliation': 'Affiliation',
  'common/techniqueRef': 'TechniqueRef',
  'common/scalar': 'Scalar',
  'common/plainValue': 'PlainValue',
  'common/quantity': 'Quantity',
  'common/range': 'MetadataRange',
  'common/metadataGroup': 'MetadataGroup',
  'common/metadataEntry': 'MetadataEntry',
  'common/scientificMetadata': 'ScientificMetadata',
  'common/fundingReference': 'FundingReference',
  'common/fileEntry': 'FileEntry',
  'common/fileManifest': 'FileManifest',
  'common/attachment': 'Attachment',
  'dataset/access': 'DatasetAccess',
  'dataset/storage': 'DatasetStorage',
  'dataset/relationship': 'DatasetRelationship',
  'dataset/sourceFile': 'ProvenanceSourceFile',
  'dataset/provenance': 'DatasetProvenance',
  'instrument/analyser': 'Analyser',
  'profile/dimension': 'Dimension',
  'profile/range': 'ProfileRange',
  'profile/field': 'ProfileField',
  'publication/subject': 'Subject',
  'publication/date': 'PublicationDate',
  'publication/rights': 'Rights',
  'publication/description': 'PublicationDescription',
  'publication/relatedIdentifier': 'RelatedIdentifier',
  'config/facility': 'FacilityConfig',
  'config/storage': 'StorageConfig',
  'config/forge': 'ForgeConfig',
  'config/ingest': 'IngestConfig',
  'config/instrumentMap': 'InstrumentMap',
  'config/datacite': 'DataciteConfig',
};

const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE, DO NOT EDIT.
 * Made by tools/core/generate-types.ts from schemas/*.schema.json.
 * After changing a schema, run: npm run gen:types
 */`;

const isSchema = (v: Json | undefined): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const bundleKey = (stem: string, def: string): string => `${stem}__${def}`;

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs'];
/** Keywords whose value is one schema. */
const SCHEMA_ONE = ['items', 'additionalProperties', 'unevaluatedProperties', 'contains', 'propertyNames'];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords that only constrain values; types do not need them. */
const DROP = ['$id', '$schema', 'title', 'examples', 'if', 'then', 'else', 'not', 'dependentRequired', 'propertyNames'];

/** True for `{ required: [...] }` alone: an anyOf of those only says "one of these must be present". */
const requiredOnly = (s: Json): boolean => isSchema(s) && Object.keys(s).length === 1 && Array.isArray(s.required);

/** A copy of a schema with local and cross-file refs pointed into the bundle and the dropped keywords gone. */
function rewrite(schema: Schema, stem: string): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (DROP.includes(k) || k === '$defs') continue;
    if (k === '$ref' && typeof v === 'string') {
      const m = /^(?:([a-z]+)\.schema\.json)?#\/\$defs\/([A-Za-z0-9_]+)$/.exec(v);
      if (!m) throw new Error(`schemas/${stem}.schema.json: cannot bundle $ref "${v}"`);
      out.$ref = `#/$defs/${bundleKey(m[1] ?? stem, m[2]!)}`;
    } else if (SCHEMA_MAPS.includes(k) && isSchema(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, isSchema(s) ? rewrite(s, stem) : s]));
    } else if (SCHEMA_ONE.includes(k) && isSchema(v)) {
      out[k] = rewrite(v, stem);
    } else if (SCHEMA_LIST.includes(k) && Array.isArray(v)) {
      if (v.every(requiredOnly)) continue;
      const kept = v.filter(isSchema).map((s) => rewrite(s, stem)).filter((s) => Object.keys(s).length > 0);
      if (kept.length > 0) out[k] = kept;
    } else {
      out[k] = v;
    }
  }
  return out;
}

/**
 * Points every `$ref` at a named definition and nothing else, and inlines
 * unnamed ones (plain strings such as orcid or dateTime), so that neither a
 * `Common_Orcid` alias nor a `Person1` duplicate (from a `$ref` with sibling
 * keywords) appears in the output.
 */
function resolveRefs(schema: Json, defs: Schema, named: ReadonlySet<string>): Json {
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, defs, named));
  if (!isSchema(schema)) return schema;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const key = ref.slice('#/$defs/'.length);
    if (named.has(key)) return { $ref: ref };
    const { $ref: _, ...siblings } = schema;
    const target = defs[key];
    if (!isSchema(target)) throw new Error(`unresolved $ref ${ref}`);
    return resolveRefs({ ...target, ...siblings }, defs, named);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolveRefs(v, defs, named)]));
}

/** Reads every schema and bundles them into one schema whose root is the union of all record types. */
export function bundleSchemas(dir: string = SCHEMAS_DIR): Schema {
  const defs: Schema = {};
  const named = new Set<string>();
  const stems = readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -'.schema.json'.length))
    .sort();
  for (const stem of stems) {
    const schema = JSON.parse(readFileSync(join(dir, `${stem}.schema.json`), 'utf8')) as Schema;
    for (const [def, sub] of Object.entries(isSchema(schema.$defs) ? schema.$defs : {})) {
      if (!isSchema(sub)) continue;
      const name = DEF_NAMES[`${stem}/${def}`];
      const body = rewrite(sub, stem);
      defs[bundleKey(stem, def)] = name ? { title: name, ...body } : body;
      if (name) named.add(bundleKey(stem, def));
    }
    const recordName = RECORD_NAMES[stem];
    if (recordName) {
      defs[bundleKey(stem, 'record')] = { title: recordName, ...rewrite(schema, stem) };
      named.add(bundleKey(stem, 'record'));
    } else if (stem !== 'common') {
      throw new Error(`schemas/${stem}.schema.json: no type name; add it to RECORD_NAMES in generate-types.ts`);
    }
  }
  const kept = Object.fromEntries([...named].map((key) => [key, resolveRefs(defs[key]!, defs, named)]));
  return {
    title: 'ShelfmarkRecord',
    description: 'Any Shelfmark record.',
    anyOf: Object.keys(RECORD_NAMES).map((stem) => ({ $ref: `#/$defs/${bundleKey(stem, 'record')}` })),
    $defs: kept,
  };
}

/** The TypeScript source of types.generated.ts, from the schemas in `dir`. Deterministic. */
export async function generateTypes(dir: string = SCHEMAS_DIR): Promise<string> {
  const { compile } = await import('json-schema-to-typescript');
  const bundle = bundleSchemas(dir);
  return compile(bundle as never, 'ShelfmarkRecord', {
    bannerComment: BANNER,
    additionalProperties: true,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    unknownAny: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
    // The bundle is self-contained: never read a file or fetch a URL to resolve a $ref.
    $refOptions: { resolve: { external: false } },
  });
}

if (import.meta.filename === process.argv[1]) {
  const source = await generateTypes();
  await writeFileAtomic(OUTPUT_FILE, source);
  console.log(`wrote ${OUTPUT_FILE}`);
}
