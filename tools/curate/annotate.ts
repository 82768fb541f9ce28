/**
 * `shelfmark annotate`: a comment, rating and/or image on a dataset, written as
 * a new annotation record `annotations/<bb>/<proposal>/<name>/c-NNNN.json`
 * (next free number), with an image copied beside it. Validated before the write.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { annotationDir, parseDatasetPid } from '../core/layout.ts';
import { writeFileAtomic } from '../catalog/write.ts';
import type { AnnotationRecord, Person } from '../core/types.generated.ts';
import { CurateError } from './errors.ts';
import { resolveRecord } from './resolve.ts';
import { saveRecord, type SaveResult } from './store.ts';

export interface AnnotateOptions {
  root: string;
  datasetPid: string;
  author: Person;
  comment?: string;
  rating?: number;
  /** An image file to attach; `caption` defaults to the file name. */
  image?: { file: string; caption?: string };
  now?: Date;
}

export interface AnnotateResult extends SaveResult {
  id: string;
  /** The image's path relative to the catalogue root, when one was attached. */
  imageRel?: string;
}

/** Media types of the images a landing page can show. */
export const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** The next free annotation name in a dataset's folder: c-0001, c-0002, … */
export async function nextAnnotationName(root: string, datasetPid: string): Promise<string> {
  let names: string[] = [];
  try {
    names = await readdir(join(root, annotationDir(datasetPid)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const used = names.map((n) => /^c-(\d+)\.json$/.exec(n)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return `c-${String(Math.max(0, ...used) + 1).padStart(4, '0')}`;
}

/** Writes one annotation on `datasetPid`; nothing is written when the record would be invalid. */
export async function annotate(opts: AnnotateOptions): Promise<AnnotateResult> {
  const root = resolve(opts.root);
  if (opts.comment === undefined && opts.rating === undefined && opts.image === undefined)
    throw new CurateError('E_CURATE_BAD_ARGUMENT', 'nothing to annotate: give --comment <text>, --rating <1-5> and/or --image <file>.');
  resolveRecord(root, opts.datasetPid, 'dataset'); // the dataset must exist: says so before anything else
  const parts = parseDatasetPid(opts.datasetPid)!;
  const name = await nextAnnotationName(root, opts.datasetPid);
  const id = `${parts.proposalId}/${parts.name}/${name}`;
  const dir = annotationDir(opts.datasetPid);
  const record: AnnotationRecord = {
    id,
    datasetPid: opts.datasetPid,
    author: opts.author,
    created: (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  if (opts.comment !== undefined) record.comment = opts.comment;
  if (opts.rating !== undefined) record.rating = opts.rating;
  let image: { rel: string; bytes: Buffer } | undefined;
  if (opts.image) {
    const ext = extname(opts.image.file).toLowerCase();
    const mediaType = IMAGE_TYPES[ext];
    if (!mediaType)
      throw new CurateError('E_CURATE_BAD_ARGUMENT', `--image ${opts.image.file}: "${ext || 'no extension'}" is not an image type a landing page shows. Use ${Object.keys(IMAGE_TYPES).join(', ')}.`);
    let bytes: Buffer;
    try {
      bytes = await readFile(opts.image.file);
    } catch (err) {
      throw new CurateError('E_CURATE_BAD_ARGUMENT', `--image ${opts.image.file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
    const safe = basename(opts.image.file).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    const file = `${name}-${safe}`;
    record.image = { path: file, caption: opts.image.caption ?? basename(opts.image.file), mediaType };
    image = { rel: `${dir}/${file}`, bytes };
  }
  const rel = `${dir}/${name}.json`;
  // Judge first; the image goes in only with a record that will be written.
  const img = image;
  const saved = await saveRecord({
    root,
    rel,
    record,
    ...(opts.now ? { now: opts.now } : {}),
    ...(img ? { beforeWrite: () => writeFileAtomic(join(root, img.rel), img.bytes) } : {}),
  });
  return { ...saved, id, ...(image && saved.written ? { imageRel: image.rel } : {}) };
}
