/**
 * Where each record lives under `catalog/`, derived from its id alone, and back.
 *
 * The layout must keep working with 1,000,000 datasets in git, so no folder may
 * grow past a few thousand entries. Records that come in large numbers
 * (proposals, samples, datasets, annotations) sit in one of 256 buckets named by
 * the first two hex digits of the SHA-1 of their proposal (or sample) id. All of
 * one proposal's records share a bucket, so a proposal's PR touches one subtree:
 *
 *   catalog/config.json                                   the catalogue config
 *   catalog/instruments/<id>.json (+ <id>.md)             instrument (+ Markdown description)
 *   catalog/techniques/<PaNETxxxxx>.json                  technique vocabulary entry
 *   catalog/profiles/<id>.json                            metadata profile
 *   catalog/publications/<doi suffix>.json                DOI publication
 *   catalog/proposals/<bb>/<proposalId>.json              proposal
 *   catalog/samples/<bb>/<sampleId>.json                  sample
 *   catalog/datasets/<bb>/<proposalId>/<name>.json        dataset, pid <pidPrefix>/<proposalId>/<name>
 *   catalog/annotations/<bb>/<proposalId>/<name>/<a>.json annotation, id <proposalId>/<name>/<a>
 *   catalog/attachments/<bb>/<proposalId>/<name>/<file>   a dataset's attachments (quick-look SVG, images)
 *
 * Non-JSON files are allowed only as instrument descriptions (`instruments/<id>.md`),
 * annotation images (beside the annotation) and under `attachments/`.
 *
 * Paths here are POSIX and relative to the catalogue root (the `catalog/` folder).
 */
import { createHash } from 'node:crypto';

export type RecordType =
  | 'config'
  | 'instrument'
  | 'technique'
  | 'profile'
  | 'publication'
  | 'proposal'
  | 'sample'
  | 'dataset'
  | 'annotation';

export const RECORD_TYPES: readonly RecordType[] = [
  'config',
  'instrument',
  'technique',
  'profile',
  'publication',
  'proposal',
  'sample',
  'dataset',
  'annotation',
];

/** A segment of an id that is also a file or folder name. */
export const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The bucket (two lower-case hex digits) that a proposal or sample id falls in. */
export function bucketOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 2);
}

/** A dataset pid split into its parts. */
export interface DatasetPidParts {
  prefix: string;
  proposalId: string;
  name: string;
}

/** Splits `<prefix>/<proposalId>/<name>`; the prefix is a handle or DOI prefix such as `20.500.12345`. */
export function parseDatasetPid(pid: string): DatasetPidParts | undefined {
  const parts = pid.split('/');
  if (parts.length !== 3) return undefined;
  const [prefix, proposalId, name] = parts as [string, string, string];
  if (!/^\d+(\.\d+)*$/.test(prefix) || !SEGMENT.test(proposalId) || !SEGMENT.test(name)) return undefined;
  return { prefix, proposalId, name };
}

/** The DOI suffix of a publication, as used in its file name. */
export function doiSuffix(doi: string): string | undefined {
  const m = /^10\.\d{4,9}\/([A-Za-z0-9][A-Za-z0-9._-]{0,127})$/.exec(doi);
  return m?.[1];
}

/** Thrown (or returned as a finding) when an id cannot be placed in the layout. */
export class LayoutError extends Error {
  readonly code = 'E_LAYOUT';
}

/**
 * The path of a record, relative to the catalogue root, from its type and id.
 * For datasets the id is the pid; for publications the DOI; for the config any id.
 */
export function recordPath(type: RecordType, id: string): string {
  const bad = (what: string) =>
    new LayoutError(`"${id}" is not a valid ${type} id: ${what}`);
  switch (type) {
    case 'config':
      return 'config.json';
    case 'instrument':
    case 'profile':
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw bad('expected lower-case letters, digits and dashes');
      return `${type}s/${id}.json`;
    case 'technique':
      if (!/^PaNET\d{5}$/.test(id)) throw bad('expected a PaNET id such as PaNET01196');
      return `techniques/${id}.json`;
    case 'publication': {
      const suffix = doiSuffix(id);
      if (!suffix) throw bad('expected a DOI such as 10.5072/abcd-1234 (suffix of letters, digits, ".", "_" and "-")');
      return `publications/${suffix}.json`;
    }
    case 'proposal':
    case 'sample':
      if (!SEGMENT.test(id)) throw bad('expected letters, digits, ".", "_" and "-", starting with a letter or digit');
      return `${type}s/${bucketOf(id)}/${id}.json`;
    case 'dataset': {
      const p = parseDatasetPid(id);
      if (!p) throw bad('expected <pid prefix>/<proposal id>/<name>, for example 20.500.12345/20240017/ses-0001');
      return `datasets/${bucketOf(p.proposalId)}/${p.proposalId}/${p.name}.json`;
    }
    case 'annotation': {
      const parts = id.split('/');
      if (parts.length !== 3 || !parts.every((s) => SEGMENT.test(s)))
        throw bad('expected <proposal id>/<dataset name>/<annotation name>');
      return `annotations/${bucketOf(parts[0]!)}/${id}.json`;
    }
  }
}

/** What a path under the catalogue root holds: a record type and the id its place implies. */
export interface PathInfo {
  type: RecordType;
  /** The id implied by the path; for datasets and publications only the part the path knows. */
  id: string;
  /** For datasets: the `<proposalId>/<name>` part of the pid; the prefix comes from the config. */
  localId?: string;
}

/**
 * The inverse of {@link recordPath}: the record type and id a path implies, or
 * undefined for a path that is not a record file (a stray file, a Markdown
 * description, an annotation image). Datasets give their `localId`; the full pid
 * needs the config's prefix, see {@link datasetPidFromPath}.
 */
export function classifyPath(path: string): PathInfo | undefined {
  const p = path.split('\\').join('/').replace(/^\.\//, '');
  if (p === 'config.json') return { type: 'config', id: 'config' };
  const parts = p.split('/');
  const file = parts[parts.length - 1] ?? '';
  if (!file.endsWith('.json')) return undefined;
  const stem = file.slice(0, -'.json'.length);
  const [dir] = parts;
  const isBucket = (s: string | undefined) => s !== undefined && /^[0-9a-f]{2}$/.test(s);
  switch (dir) {
    case 'instruments':
    case 'profiles':
      return parts.length === 2 ? { type: dir === 'instruments' ? 'instrument' : 'profile', id: stem } : undefined;
    case 'techniques':
      return parts.length === 2 ? { type: 'technique', id: stem } : undefined;
    case 'publications':
      return parts.length === 2 ? { type: 'publication', id: stem } : undefined;
    case 'proposals':
    case 'samples':
      return parts.length === 3 && isBucket(parts[1])
        ? { type: dir === 'proposals' ? 'proposal' : 'sample', id: stem }
        : undefined;
    case 'datasets':
      return parts.length === 4 && isBucket(parts[1])
        ? { type: 'dataset', id: `${parts[2]}/${stem}`, localId: `${parts[2]}/${stem}` }
        : undefined;
    case 'annotations':
      return parts.length === 5 && isBucket(parts[1])
        ? { type: 'annotation', id: `${parts[2]}/${parts[3]}/${stem}` }
        : undefined;
    default:
      return undefined;
  }
}

/** The full dataset pid a dataset path implies, given the catalogue's PID prefix. */
export function datasetPidFromPath(path: string, pidPrefix: string): string | undefined {
  const info = classifyPath(path);
  return info?.type === 'dataset' ? `${pidPrefix}/${info.localId}` : undefined;
}

/** The annotations folder of a dataset (relative to the catalogue root). */
export function annotationDir(datasetPid: string): string {
  const p = parseDatasetPid(datasetPid);
  if (!p) throw new LayoutError(`"${datasetPid}" is not a valid dataset pid`);
  return `annotations/${bucketOf(p.proposalId)}/${p.proposalId}/${p.name}`;
}

/** The attachments folder of a dataset (relative to the catalogue root): quick-look plots, images. */
export function attachmentDir(datasetPid: string): string {
  const p = parseDatasetPid(datasetPid);
  if (!p) throw new LayoutError(`"${datasetPid}" is not a valid dataset pid`);
  return `attachments/${bucketOf(p.proposalId)}/${p.proposalId}/${p.name}`;
}
