/**
 * The translator registry. `detectFormat` picks the translator from the first
 * bytes of a file (content wins over the name, so a misnamed file is still
 * read); `readAny` reads any file into a TranslatorResult and never throws:
 * empty, unknown, truncated or unreadable files come back as an `error` result
 * that names the file, says what was expected and how to fix it.
 *
 * To add an instrument format: write `<format>.ts` here exporting a Translator
 * (detect on content, read returning ok/skipped/error), add it to TRANSLATORS
 * (before any translator whose detection is looser), and test it on real files.
 */
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Translator, TranslatorResult } from '../measurement.ts';
import { errorResult } from './common.ts';
import { igorIbw } from './igor-ibw.ts';
import { igorPxt } from './igor-pxt.ts';
import { nexus } from './nexus.ts';
import { prodigyXy } from './prodigy-xy.ts';
import { sesTxt } from './ses-txt.ts';
import { specslabXml } from './specslab-xml.ts';
import { vamas } from './vamas.ts';

/** Every translator, in detection order: the strictest signatures first. */
export const TRANSLATORS: readonly Translator[] = [sesTxt, prodigyXy, vamas, specslabXml, nexus, igorIbw, igorPxt];

/** The translator a file extension suggests, for messages about misnamed files. */
const BY_EXTENSION: Record<string, string> = {
  '.txt': 'ses-txt',
  '.ibw': 'igor-ibw',
  '.pxt': 'igor-pxt',
  '.pxp': 'igor-pxt',
  '.xy': 'prodigy-xy',
  '.xml': 'specslab-xml',
  '.vms': 'vamas',
  '.nxs': 'nexus',
  '.nx5': 'nexus',
  '.h5': 'nexus',
  '.hdf5': 'nexus',
  '.hdf': 'nexus',
};

/** Bytes read for detection: enough for the SpecsLab2 inline DTD and an HDF5 user block. */
export const HEAD_BYTES = 8192;

/** The translator whose signature the first bytes carry, or undefined. Pure. */
export function detectHead(head: Uint8Array, fileName: string): Translator | undefined {
  return TRANSLATORS.find((t) => {
    try {
      return t.detect(head, fileName);
    } catch {
      return false;
    }
  });
}

/** Reads the first bytes of a file and returns the translator for it, or undefined when none recognises it. */
export async function detectFormat(path: string): Promise<Translator | undefined> {
  const head = await readHead(path);
  return detectHead(head, basename(path));
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The first bytes as printable text for a message: `"\x89PNG…"`. */
function showBytes(head: Uint8Array): string {
  let s = '';
  for (const b of head.subarray(0, 24)) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return `"${s}${head.length > 24 ? '…' : ''}"`;
}

const expectedList = (): string => TRANSLATORS.map((t) => t.description).join('; ');

/**
 * Reads one file with the translator its content calls for. Never throws: every
 * failure is an `error` result naming the file, what was expected and the fix.
 * `content` is the whole file when the caller has read it already (see read-file.ts):
 * then detection and translation use those bytes instead of reading again.
 */
export async function readAny(path: string, content?: Uint8Array): Promise<TranslatorResult> {
  const name = basename(path);
  try {
    let size = content?.length ?? 0;
    if (!content) {
      try {
        const st = await stat(path);
        if (st.isDirectory()) return errorResult(path, `${name}: is a folder, expected a file.`, 'Pass the files in it, or let the ingest command walk the folder.');
        size = st.size;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return errorResult(path, `${name}: ${code === 'ENOENT' ? 'the file does not exist' : `cannot be read (${code ?? String(e)})`}.`, 'Check the path and the permissions.');
      }
    }
    if (size === 0) {
      return errorResult(
        path,
        `${name}: the file is empty (0 bytes), expected instrument data (${expectedList()}).`,
        'The copy from the instrument PC may not have finished: copy the file again.',
      );
    }
    const head = content ? content.subarray(0, HEAD_BYTES) : await readHead(path);
    const translator = detectHead(head, name);
    const suggested = BY_EXTENSION[extname(name).toLowerCase()];
    if (!translator) {
      const named = suggested ? TRANSLATORS.find((t) => t.id === suggested) : undefined;
      return errorResult(
        path,
        named
          ? `${name}: the name says ${named.description}, but the content is not: it starts with ${showBytes(head)}. The file is damaged, truncated at the start, or in another format.`
          : `${name}: not in a format Shelfmark reads; it starts with ${showBytes(head)}. Expected one of: ${expectedList()}.`,
        'Export the data from the instrument software in one of these formats, or keep non-data files out of the ingest folder.',
      );
    }
    const result = await translator.read(path, content);
    if (result.status === 'ok' && suggested && suggested !== translator.id && !(suggested === 'igor-pxt' && translator.id === 'igor-ibw')) {
      const note = `${name}: the name suggests another format, but the content is ${translator.description}; read as that.`;
      for (const m of result.measurements) m.warnings.push(note);
    }
    return result;
  } catch (e) {
    return errorResult(
      path,
      `${name}: unexpected internal error while reading (${e instanceof Error ? e.message : String(e)}).`,
      'This is a Shelfmark bug: please report it with the file attached.',
    );
  }
}
