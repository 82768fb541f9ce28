/**
 * Test helper: the validator's small catalogue (tools/catalog/test-catalog.ts)
 * made publishable: its raw dataset public, a derived dataset built from it,
 * an embargoed one, and funding on the proposal.
 */
import { recordPath } from '../core/layout.ts';
import { makeTestCatalog, PID, type TestCatalog } from '../catalog/test-catalog.ts';

export { PID };
export const DERIVED_PID = '20.500.12345/20240017/fit-0001';
export const EMBARGOED_PID = '20.500.12345/20240017/xps-0002';
export const NOW = new Date('2026-05-04T12:00:00Z');
export const FUNDING = { funderName: 'Swedish Research Council', funderIdentifier: 'https://ror.org/03zttf063', funderIdentifierType: 'ROR', awardNumber: '2021-04567' };

/** A temporary publishable catalogue; call `cleanup()` when done. */
export function makePublishCatalog(opts: { doiSuffixPattern?: string } = {}): TestCatalog {
  const cat = makeTestCatalog();
  const raw = cat.read(cat.pathOf('dataset'));
  cat.edit('dataset', (d) => {
    d.access = { status: 'public' };
    d.keywords = ['silver', 'core level'];
    d.size = 2048;
    d.numberOfFiles = 2;
    d.dataFormat = 'Scienta SES text';
  });
  cat.edit('proposal', (p) => {
    p.fundingReferences = [FUNDING];
    p.abstract = 'Core levels of silver surfaces.';
  });
  cat.edit('config', (c) => {
    if (opts.doiSuffixPattern) c.datacite = { doiSuffixPattern: opts.doiSuffixPattern };
  });
  const derived = {
    ...raw,
    pid: DERIVED_PID,
    type: 'derived',
    datasetName: 'Ag 3d peak fit',
    access: { status: 'public' },
    inputDatasets: [PID],
    usedSoftware: ['lmfit 1.3'],
  };
  for (const k of ['principalInvestigators', 'sourceFolder', 'startTime', 'endTime', 'scientificMetadata', 'metadataProfile']) delete (derived as Record<string, unknown>)[k];
  cat.write(recordPath('dataset', DERIVED_PID), derived);
  cat.write(recordPath('dataset', EMBARGOED_PID), { ...raw, pid: EMBARGOED_PID, datasetName: 'Ag 3d again' });
  return cat;
}
