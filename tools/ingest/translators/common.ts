/**
 * Small pieces every translator shares: results with messages people can act
 * on, harvested quantities, number parsing and text decoding. Pure, no I/O
 * except {@link readFileSafe}, which turns file-system failures into results.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HarvestedQuantity, Measurement, Region, TranslatorResult } from '../measurement.ts';

/** Thrown inside a translator for bad input; `read` turns it into an error result. */
export class TranslateError extends Error {
  readonly code = 'E_TRANSLATE';
  readonly fix: string | undefined;
  constructor(message: string, fix?: string) {
    super(message);
    this.fix = fix;
  }
}

/** An error result that names the file; `fix` says how to put it right. */
export function errorResult(file: string, message: string, fix?: string): TranslatorResult {
  return fix === undefined ? { status: 'error', file, message } : { status: 'error', file, message, fix };
}

/**
 * Runs a translator body and turns any failure into an error result naming the
 * file. A {@link TranslateError} is bad input; anything else is our bug, and the
 * message says so instead of showing a stack trace to a curator.
 */
export async function guarded(
  file: string,
  what: string,
  body: () => Promise<TranslatorResult> | TranslatorResult,
): Promise<TranslatorResult> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof TranslateError) return errorResult(file, `${basename(file)}: ${e.message}`, e.fix);
    const detail = e instanceof Error ? e.message : String(e);
    return errorResult(
      file,
      `${basename(file)}: could not be read as ${what} (${detail}).`,
      'If the file opens in the instrument software, this is a Shelfmark bug: please report it with the file attached.',
    );
  }
}

/**
 * Reads a whole file, or throws a TranslateError that says why it could not be read.
 * Bytes the caller already read (`content`) are used as they are.
 */
export async function readFileSafe(path: string, content?: Uint8Array): Promise<Uint8Array> {
  if (content) return content;
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TranslateError(
      code === 'ENOENT' ? 'the file does not exist.' : `the file cannot be read (${code ?? String(e)}).`,
      code === 'EACCES' ? 'Give the ingest user read permission on the file.' : 'Check the path and try again.',
    );
  }
}

/** A quantity with an optional unit; leaves out an empty unit. */
export function q(value: HarvestedQuantity['value'], unit?: string): HarvestedQuantity {
  return unit ? { value, unit } : { value };
}

/** A finite number from text such as `520`, ` 3.82E+0002 `, `0001`; otherwise undefined. */
export function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** A number when the text is one, else the trimmed text. */
export function numOrText(text: string): number | string {
  return num(text) ?? text.trim();
}

/** `Detector First X-Channel` → `detector_first_x_channel`. */
export function snakeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Splits `Binding Energy [eV]` into a label and a unit. */
export function labelAndUnit(text: string): { label: string; unit: string } {
  const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(text.trim());
  return m ? { label: m[1]!, unit: m[2]! } : { label: text.trim(), unit: '' };
}

/** Text from bytes: UTF-8 when valid, else Latin-1 (instrument PCs write Windows code pages). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** The start of a byte array as text for detection (ASCII-safe, BOM removed). */
export function headText(head: Uint8Array, max = 4096): string {
  return new TextDecoder('latin1').decode(head.subarray(0, max)).replace(/^\u00EF\u00BB\u00BF/, '');
}

/** Copies the keys whose values are equal in every region: the measurement-level metadata. */
export function commonMetadata(regions: readonly Region[]): Measurement['metadata'] {
  const [first, ...rest] = regions;
  if (!first) return {};
  const out: Measurement['metadata'] = {};
  for (const [key, value] of Object.entries(first.metadata)) {
    const same = rest.every((r) => {
      const other = r.metadata[key];
      return other !== undefined && JSON.stringify(other) === JSON.stringify(value);
    });
    if (same) out[key] = value;
  }
  return out;
}

/** A new measurement with the required empty collections filled in. */
export function newMeasurement(format: string, files: string[], groupKey: string): Measurement {
  return { format, files, groupKey, metadata: {}, regions: [], warnings: [] };
}
