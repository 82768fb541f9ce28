/**
 * XML Schema validation through xmllint (Debian libxml2-utils), returned as
 * findings, never printed. Used by the exporter tests, by the site build to check
 * every public record's DataCite XML in dist/, and by the OAI-PMH tests with
 * their own schema.
 *
 * xmllint runs with --nonet, so a schema must resolve every include and import
 * from local files (the corpus copies of kernel 4.6 do).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../core/findings.ts';

/** The repository root (two folders up from tools/export/). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared third-party corpus beside the repository (`../shared/corpus`). */
export const CORPUS_DIR = resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** The DataCite kernel 4.6 schema in the corpus. */
export const DATACITE_XSD = resolve(CORPUS_DIR, 'datacite-xsd', 'kernel-4.6', 'metadata.xsd');

/** Where xmllint is expected; override with SHELFMARK_XMLLINT. */
export const XMLLINT = process.env.SHELFMARK_XMLLINT ?? '/usr/bin/xmllint';

/** The outcome of validating one document. */
export interface XsdResult {
  valid: boolean;
  /** One finding per schema or well-formedness error (code `xsd/invalid`), with the line when xmllint gives it. */
  findings: Finding[];
}

/** Thrown when validation cannot run at all (no xmllint, no schema); bad XML is a finding, not an error. */
export class XsdSetupError extends Error {
  readonly code = 'E_XSD_SETUP';
}

function checkSetup(schemaPath: string): void {
  if (!existsSync(XMLLINT))
    throw new XsdSetupError(`xmllint not found at ${XMLLINT}. Install it with "apt-get install libxml2-utils" or set SHELFMARK_XMLLINT.`);
  if (!existsSync(schemaPath)) throw new XsdSetupError(`XML schema not found: ${schemaPath}.`);
}

interface Run {
  code: number;
  stderr: string;
}

function run(args: string[], input?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = execFile(XMLLINT, args, { maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err && typeof err.code !== 'number') fail(new XsdSetupError(`could not run ${XMLLINT}: ${err.message}`));
      else done({ code: err ? Number(err.code) : 0, stderr: String(stderr) });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

// xmllint reports "<file>:<line>: <domain> : <message>", e.g.
// "-:7: element creatorName: Schemas validity error : Element '{…}creatorName': [facet 'minLength'] …".
const LINE = /^(.*?):(\d+): (.*)$/;
// …and one summary line per file: "<file> validates" / "<file> fails to validate".
const SUMMARY = /^(.*) (validates|fails to validate|validation generated an internal error)$/;

/** Turns xmllint's stderr into findings grouped by the file name xmllint printed. */
function parseOutput(stderr: string, nameFor: (printed: string) => string): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  const push = (printed: string, f: Omit<Finding, 'file'>) => {
    const file = nameFor(printed);
    const list = byFile.get(file) ?? [];
    list.push({ file, ...f });
    byFile.set(file, list);
  };
  let last: Finding | undefined;
  for (const line of stderr.split('\n')) {
    if (line.trim() === '' || SUMMARY.test(line)) continue;
    const m = LINE.exec(line);
    if (m) {
      const message = m[3]!.replace(/^element [^:]+: /, '').replace(/^(Schemas validity|parser) error : /, '').replace(/\{http:\/\/datacite\.org\/schema\/kernel-4\}/g, '');
      push(m[1]!, {
        severity: 'error',
        code: 'xsd/invalid',
        line: Number(m[2]),
        message: message.trim(),
        fix: 'Correct the value or element so that it matches the schema.',
      });
      last = byFile.get(nameFor(m[1]!))?.at(-1);
    } else if (last && !/^\s*\^\s*$/.test(line)) {
      // Continuation lines (the offending source text) belong to the previous message.
      last.found = (last.found ? `${last.found} ` : '') + line.trim();
    }
  }
  return byFile;
}

/**
 * Validates one XML document (as text) against an XML Schema.
 * `file` names the document in findings (default `<stdin>`).
 */
export async function validateXml(xml: string, schemaPath: string = DATACITE_XSD, file = '<stdin>'): Promise<XsdResult> {
  checkSetup(schemaPath);
  const { code, stderr } = await run(['--nonet', '--noout', '--schema', schemaPath, '-'], xml);
  const findings = parseOutput(stderr, () => file).get(file) ?? [];
  if (code !== 0 && findings.length === 0)
    findings.push({ severity: 'error', code: 'xsd/invalid', file, message: `xmllint exited with status ${code}: ${stderr.trim().slice(0, 300)}` });
  return { valid: code === 0, findings };
}

/**
 * Validates many XML files against one schema, a few hundred per xmllint run, so
 * a build can check every record without one process per file. Returns the
 * findings of the files that fail; an empty array means all are valid.
 */
export async function validateXmlFiles(paths: readonly string[], schemaPath: string = DATACITE_XSD, batchSize = 500): Promise<Finding[]> {
  checkSetup(schemaPath);
  const findings: Finding[] = [];
  for (let i = 0; i < paths.length; i += batchSize) {
    const before = findings.length;
    const batch = paths.slice(i, i + batchSize);
    const { code, stderr } = await run(['--nonet', '--noout', '--schema', schemaPath, ...batch]);
    const byFile = parseOutput(stderr, (p) => p);
    for (const list of byFile.values()) findings.push(...list);
    // A file can fail without a line-numbered message (e.g. unreadable); its summary line says so.
    for (const line of stderr.split('\n')) {
      const s = SUMMARY.exec(line);
      if (s && s[2] !== 'validates' && !byFile.has(s[1]!))
        findings.push({ severity: 'error', code: 'xsd/invalid', file: s[1]!, message: `${s[1]} ${s[2]}` });
    }
    if (code !== 0 && findings.length === before)
      findings.push({ severity: 'error', code: 'xsd/invalid', file: batch[0] ?? '', message: `xmllint exited with status ${code}: ${stderr.trim().slice(0, 300)}` });
  }
  return findings;
}
