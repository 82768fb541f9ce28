/**
 * Shared by the OAI-PMH tests: a wrapper XML Schema that validates whole
 * responses (OAI-PMH.xsd plus every payload schema, read in place from
 * ../shared/corpus), and a fixture catalogue in a temporary git repository with
 * fixed commit dates, removed records and an embargoed canary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeUnder } from '../catalog/test-catalog.ts';
import { recordPath } from '../core/layout.ts';
import { CORPUS_DIR, DATACITE_XSD } from '../export/xsd.ts';
import { CURATOR, fixedGitEnv } from '../git/test-utils.ts';
import { CANARY, FIXTURE_NOW, RAW, RESTRICTED, writeFixtureCatalog } from '../site/test-fixture.ts';

export { CANARY, FIXTURE_NOW, RAW, RESTRICTED };
export const OAI_XSD_DIR = join(CORPUS_DIR, 'oai-pmh-xsd');
/** Whether the schemas the tests need are present (the corpus sits beside the repository). */
export const HAVE_SCHEMAS = existsSync(join(OAI_XSD_DIR, 'OAI-PMH.xsd')) && existsSync(DATACITE_XSD);

/**
 * Writes a wrapper schema into a temporary folder: it imports OAI-PMH.xsd and
 * the schemas of everything that goes inside `<metadata>` and `<description>`
 * (their wildcards are `processContents="strict"`). oai_dc.xsd imports Simple DC
 * over the network; the temporary copy points it at the corpus's local file
 * instead (the corpus itself stays untouched). Returns the wrapper's path.
 */
export async function writeOaiSchema(dir: string): Promise<string> {
  const oaiDc = await readFile(join(OAI_XSD_DIR, 'oai_dc.xsd'), 'utf8');
  const patched = oaiDc.replace('http://dublincore.org/schemas/xmls/simpledc20021212.xsd', join(OAI_XSD_DIR, 'simpledc20021212.xsd'));
  if (patched === oaiDc) throw new Error('oai_dc.xsd no longer imports simpledc20021212.xsd from dublincore.org; update writeOaiSchema');
  await writeFile(join(dir, 'oai_dc.xsd'), patched);
  const imports: [string, string][] = [
    ['http://www.openarchives.org/OAI/2.0/', join(OAI_XSD_DIR, 'OAI-PMH.xsd')],
    ['http://www.openarchives.org/OAI/2.0/oai_dc/', join(dir, 'oai_dc.xsd')],
    ['http://www.openarchives.org/OAI/2.0/oai-identifier', join(OAI_XSD_DIR, 'oai-identifier.xsd')],
    ['http://schema.datacite.org/oai/oai-1.1/', join(OAI_XSD_DIR, 'datacite-oai-1.1', 'oai.xsd')],
    ['http://datacite.org/schema/kernel-4', DATACITE_XSD],
  ];
  const wrapper = join(dir, 'oai-wrapper.xsd');
  await writeFile(
    wrapper,
    `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports
      .map(([ns, loc]) => `  <xs:import namespace="${ns}" schemaLocation="${loc}"/>`)
      .join('\n')}\n</xs:schema>\n`,
  );
  return wrapper;
}

/** Extra public datasets, so a harvest with a small page size crosses many pages. */
export const GENERATED = Array.from({ length: 12 }, (_, i) => {
  const n = String(i + 1).padStart(4, '0');
  return {
    pid: `20.500.12345/20240017/gen-${n}`,
    type: 'raw',
    datasetName: `Generated scan ${n}`,
    creationTime: `2024-03-${String(10 + i).padStart(2, '0')}T10:00:00+01:00`,
    principalInvestigators: [{ name: 'Ingrid Halvorsen' }],
    creators: [{ name: 'Ingrid Halvorsen', givenName: 'Ingrid', familyName: 'Halvorsen' }],
    proposalId: '20240017',
    instrumentId: i % 3 === 0 ? 'fjell' : 'aurora',
    sourceFolder: `/data/20240017/gen-${n}`,
    license: 'CC-BY-4.0',
    access: { status: 'public' },
  };
});

/** A public dataset that a later commit removes: it must come back as a deleted record. */
export const WITHDRAWN = { ...GENERATED[0]!, pid: '20.500.12345/20240017/gone-0001', datasetName: 'Withdrawn scan' };

export interface OaiFixture {
  dir: string;
  /** The catalogue root inside the repository. */
  root: string;
  cleanup(): Promise<void>;
}

/**
 * The site's fixture catalogue plus {@link GENERATED}, a second instrument and
 * {@link WITHDRAWN}, committed on 2024-04-01; WITHDRAWN removed on 2025-02-01;
 * RESTRICTED edited on 2025-09-01T12:30:00Z. Clock: {@link FIXTURE_NOW}.
 */
export async function makeOaiFixture(): Promise<OaiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'shelfmark-oai-'));
  const root = join(dir, 'catalog');
  const git = (args: string[], date: string) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: fixedGitEnv(date, CURATOR) });
  const put = async (rel: string, data: unknown) => writeUnder(root, rel, data);
  git(['init', '-q', '--initial-branch=main'], '2024-01-01T00:00:00Z');
  await writeFixtureCatalog(root);
  await put(recordPath('instrument', 'fjell'), { id: 'fjell', name: 'Fjell spectroscopy beamline', facility: 'Nordlys Synchrotron' });
  for (const d of [...GENERATED, WITHDRAWN]) await put(recordPath('dataset', d.pid), d);
  git(['add', '.'], '2024-04-01T08:00:00Z');
  git(['commit', '-q', '-m', 'Add the catalogue'], '2024-04-01T10:00:00+02:00');
  git(['rm', '-q', `catalog/${recordPath('dataset', WITHDRAWN.pid)}`], '2025-02-01T09:00:00Z');
  git(['commit', '-q', '-m', 'Withdraw a duplicate scan'], '2025-02-01T10:00:00+01:00');
  await put(recordPath('dataset', RESTRICTED.pid), { ...RESTRICTED, keywords: ['valence band'] });
  git(['commit', '-q', '-am', 'Add keywords'], '2025-09-01T12:30:00Z');
  return { dir, root, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
