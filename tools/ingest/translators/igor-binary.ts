/**
 * A small reader for WaveMetrics Igor Pro binary files: the Igor binary wave
 * (`.ibw`, version 5) and the packed experiment (`.pxt`, `.pxp`) that holds such
 * waves as records. No maintained npm package reads these, so this follows the
 * format documentation directly:
 *
 * - Igor Technical Note TN003 "Igor Binary Format" (IgorBin.h): BinHeader5
 *   (64 bytes), WaveHeader5 (320 bytes), then the wave data, formula, note,
 *   extended data units, extended dimension units, dimension labels.
 *   The checksum makes the 16-bit words of both headers sum to zero.
 * - Igor Technical Note PTN003 "Packed Experiment File Format" (PackedFile.h):
 *   a sequence of records, each an 8-byte PackedFileRecordHeader
 *   (recordType u16, version i16, numDataBytes i32) then its data; record type
 *   3 (WAVE_RECORD) holds a complete binary wave, 9/10 open/close a data folder.
 *
 * Byte order is that of the machine that wrote the file: the version field of
 * the binary header reads as a small number in the right order (TN003).
 * Pure: bytes in, waves out; throws TranslateError for anything malformed.
 */
import { TranslateError } from './common.ts';

/** One Igor wave: name, shape, scaling, units, note and (for 1-D numeric waves) data. */
export interface IgorWave {
  name: string;
  /** Data folder path inside a packed experiment (`root:`…), empty for a lone .ibw. */
  folder: string;
  version: number;
  littleEndian: boolean;
  /** Igor number type (TN003): 2 float32, 4 float64, 8 int8, 0x10 int16, 0x20 int32, 0x80 int64, |0x40 unsigned, |1 complex; 0 text. */
  type: number;
  /** Sizes of the dimensions in use (nDim until the first zero). */
  dims: number[];
  /** Dimension scaling: value of point i along dimension d is `offset[d] + i * delta[d]`. */
  delta: number[];
  offset: number[];
  /** Data units and per-dimension units (extended units win over the 3-character fields). */
  dataUnits: string;
  dimUnits: string[];
  note: string;
  /** The values of a 1-D real numeric wave (or one whose other dimensions have size 1). */
  data?: number[];
}

const BIN5 = 64;
const WAVE5 = 320;
/** Element size in bytes per Igor number type (without the unsigned and complex flags). */
const ELEMENT_SIZE: Record<number, number> = { 2: 4, 4: 8, 8: 1, 0x10: 2, 0x20: 4, 0x80: 8 };

/** The byte order of a binary wave, or undefined when the bytes do not start one (version 1, 2, 3 or 5). */
export function waveByteOrder(bytes: Uint8Array, at = 0): boolean | undefined {
  if (bytes.length < at + 2) return undefined;
  const le = bytes[at]! | (bytes[at + 1]! << 8);
  const be = (bytes[at]! << 8) | bytes[at + 1]!;
  if ([1, 2, 3, 5].includes(le)) return true;
  if ([1, 2, 3, 5].includes(be)) return false;
  return undefined;
}

/** True when the bytes at `at` start a version 5 binary wave whose header checksum is right. */
export function looksLikeWave5(bytes: Uint8Array, at = 0): boolean {
  const le = waveByteOrder(bytes, at);
  if (le === undefined || bytes.length < at + BIN5 + WAVE5) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, BIN5 + WAVE5);
  if (view.getInt16(0, le) !== 5) return false;
  return headerChecksum(view, le) === 0;
}

/** Sum of the 16-bit words of BinHeader5 + WaveHeader5; zero for an intact header (TN003). */
function headerChecksum(view: DataView, le: boolean): number {
  let sum = 0;
  for (let i = 0; i < BIN5 + WAVE5; i += 2) sum = (sum + view.getInt16(i, le)) & 0xffff;
  return sum;
}

function cString(bytes: Uint8Array, start: number, max: number): string {
  let end = start;
  while (end < start + max && end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder('latin1').decode(bytes.subarray(start, end));
}

function text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads one version 5 binary wave starting at `at` (a whole .ibw, or the data of a WAVE_RECORD). */
export function readWave(bytes: Uint8Array, at = 0, folder = ''): IgorWave {
  const le = waveByteOrder(bytes, at);
  if (le === undefined) {
    throw new TranslateError(
      'expected an Igor binary wave (first two bytes the format version 1, 2, 3 or 5), found other bytes.',
      'Check that the file is an .ibw written by Igor Pro or SES.',
    );
  }
  if (bytes.length < at + BIN5 + WAVE5) {
    throw new TranslateError(
      `the Igor wave header needs ${BIN5 + WAVE5} bytes, the file has ${bytes.length - at}: the file is truncated.`,
      'Copy the complete file from the instrument PC again.',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, bytes.length - at);
  const version = view.getInt16(0, le);
  if (version !== 5) {
    throw new TranslateError(
      `Igor binary wave version ${version} is not supported; Shelfmark reads version 5 (Igor Pro 3 and later, and SES).`,
      'Open the wave in Igor Pro and save it again as a binary wave, or use the SES text export.',
    );
  }
  if (headerChecksum(view, le) !== 0) {
    throw new TranslateError('the Igor wave header checksum is wrong: the file is damaged.', 'Copy the file from the instrument PC again.');
  }
  const wfmSize = view.getInt32(4, le);
  const formulaSize = view.getInt32(8, le);
  const noteSize = view.getInt32(12, le);
  const dataEUnitsSize = view.getInt32(16, le);
  const dimEUnitsSize = [0, 1, 2, 3].map((d) => view.getInt32(20 + 4 * d, le));
  const dimLabelsSize = [0, 1, 2, 3].map((d) => view.getInt32(36 + 4 * d, le));
  const sizes = [wfmSize, formulaSize, noteSize, dataEUnitsSize, ...dimEUnitsSize, ...dimLabelsSize];
  if (sizes.some((s) => s < 0)) throw new TranslateError('the Igor wave header has a negative section size: the file is damaged.');
  const total = BIN5 + sizes.reduce((a, b) => a + b, 0);
  if (view.byteLength < total) {
    throw new TranslateError(
      `the Igor wave header announces ${total} bytes, the file has ${view.byteLength}: the file is truncated.`,
      'Copy the complete file from the instrument PC again.',
    );
  }
  const w = BIN5; // WaveHeader5 offsets below follow IgorBin.h
  const npnts = view.getInt32(w + 12, le);
  const type = view.getInt16(w + 16, le);
  const name = cString(bytes, at + w + 28, 32);
  const nDim = [0, 1, 2, 3].map((d) => view.getInt32(w + 68 + 4 * d, le));
  const delta = [0, 1, 2, 3].map((d) => view.getFloat64(w + 84 + 8 * d, le));
  const offset = [0, 1, 2, 3].map((d) => view.getFloat64(w + 116 + 8 * d, le));
  const shortDataUnits = cString(bytes, at + w + 148, 4);
  const shortDimUnits = [0, 1, 2, 3].map((d) => cString(bytes, at + w + 152 + 4 * d, 4));
  const dims: number[] = [];
  for (const n of nDim) {
    if (n <= 0) break;
    dims.push(n);
  }

  let p = at + BIN5 + wfmSize + formulaSize;
  const note = text(bytes.subarray(p, p + noteSize)).replace(/\r\n?/g, '\n');
  p += noteSize;
  const dataUnits = dataEUnitsSize > 0 ? text(bytes.subarray(p, p + dataEUnitsSize)).replace(/\0+$/, '') : shortDataUnits;
  p += dataEUnitsSize;
  const dimUnits = dimEUnitsSize.map((size, d) => {
    const s = size > 0 ? text(bytes.subarray(p, p + size)).replace(/\0+$/, '') : shortDimUnits[d]!;
    p += size;
    return s;
  });

  const wave: IgorWave = {
    name,
    folder,
    version,
    littleEndian: le,
    type,
    dims,
    delta: delta.slice(0, Math.max(dims.length, 1)),
    offset: offset.slice(0, Math.max(dims.length, 1)),
    dataUnits,
    dimUnits: dimUnits.slice(0, Math.max(dims.length, 1)),
    note,
  };
  const size = ELEMENT_SIZE[type & ~0x40];
  const oneD = dims.length >= 1 && dims.slice(1).every((n) => n === 1);
  if (size !== undefined && (type & 1) === 0 && oneD && npnts * size <= wfmSize - WAVE5) {
    wave.data = readNumbers(view, BIN5 + WAVE5, npnts, type, le);
  }
  return wave;
}

function readNumbers(view: DataView, start: number, n: number, type: number, le: boolean): number[] {
  const unsigned = (type & 0x40) !== 0;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    switch (type & ~0x40) {
      case 2:
        out[i] = view.getFloat32(start + 4 * i, le);
        break;
      case 4:
        out[i] = view.getFloat64(start + 8 * i, le);
        break;
      case 8:
        out[i] = unsigned ? view.getUint8(start + i) : view.getInt8(start + i);
        break;
      case 0x10:
        out[i] = unsigned ? view.getUint16(start + 2 * i, le) : view.getInt16(start + 2 * i, le);
        break;
      case 0x20:
        out[i] = unsigned ? view.getUint32(start + 4 * i, le) : view.getInt32(start + 4 * i, le);
        break;
      default:
        out[i] = Number(unsigned ? view.getBigUint64(start + 8 * i, le) : view.getBigInt64(start + 8 * i, le));
    }
  }
  return out;
}

/** PTN003 record types this reader acts on. */
const WAVE_RECORD = 3;
const DATAFOLDER_START = 9;
const DATAFOLDER_END = 10;
const MAX_RECORD_TYPE = 10;

/** The byte order of a packed experiment's record headers, or undefined when the bytes do not start one. */
export function packedByteOrder(bytes: Uint8Array): boolean | undefined {
  if (bytes.length < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (const le of [true, false]) {
    const type = view.getUint16(0, le) & 0x7fff;
    const n = view.getInt32(4, le);
    if (type >= 1 && type <= MAX_RECORD_TYPE && n >= 0 && n < 0x40000000) return le;
  }
  return undefined;
}

/**
 * How sure the first bytes make us that this is a packed experiment: `wave` when
 * the record chain reaches a WAVE_RECORD whose binary wave header checks out,
 * `records` when the chain is valid as far as the bytes go, else undefined.
 * A lone .ibw also reads as a short record chain, so callers test for a wave first.
 */
export function packedEvidence(bytes: Uint8Array): 'wave' | 'records' | undefined {
  const le = packedByteOrder(bytes);
  if (le === undefined) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let p = 0;
  while (p + 8 <= bytes.length) {
    const type = view.getUint16(p, le) & 0x7fff;
    const n = view.getInt32(p + 4, le);
    if (type > MAX_RECORD_TYPE || n < 0) return undefined;
    if (type === WAVE_RECORD) return looksLikeWave5(bytes, p + 8) ? 'wave' : bytes.length < p + 8 + BIN5 + WAVE5 ? 'records' : undefined;
    p += 8 + n;
  }
  return 'records';
}

/** The waves of a packed experiment, each with the data folder it sits in. Superseded records are skipped. */
export function readPacked(bytes: Uint8Array): IgorWave[] {
  const le = packedByteOrder(bytes);
  if (le === undefined) {
    throw new TranslateError(
      'expected an Igor packed experiment (a chain of PTN003 records), found other bytes.',
      'Check that the file is a .pxt or .pxp saved by Igor Pro or SES.',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const waves: IgorWave[] = [];
  const folders: string[] = ['root'];
  let p = 0;
  while (p < bytes.length) {
    if (p + 8 > bytes.length) {
      throw new TranslateError(`a record header at byte ${p} is cut short: the file is truncated.`, 'Copy the complete file again.');
    }
    const raw = view.getUint16(p, le);
    const type = raw & 0x7fff;
    const n = view.getInt32(p + 4, le);
    if (n < 0 || p + 8 + n > bytes.length) {
      throw new TranslateError(
        `the record at byte ${p} announces ${n} bytes, but only ${bytes.length - p - 8} follow: the file is truncated.`,
        'Copy the complete file from the instrument PC again.',
      );
    }
    const superseded = (raw & 0x8000) !== 0;
    if (type === DATAFOLDER_START) folders.push(cString(bytes, p + 8, 32));
    else if (type === DATAFOLDER_END) folders.pop();
    else if (type === WAVE_RECORD && !superseded) {
      waves.push(readWave(bytes.subarray(0, p + 8 + n), p + 8, `${folders.join(':')}:`));
    }
    p += 8 + n;
  }
  return waves;
}
