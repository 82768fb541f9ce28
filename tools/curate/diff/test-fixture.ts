/**
 * Test helper for the diff and the guards: the shared small catalogue
 * (tools/catalog/test-catalog.ts) with the few values the diff's snapshots
 * were written against (curation fields in config, keywords, an XPS metadata
 * tree without counts), as repository files for makeTempRepo.
 */
import type { RecordType } from '../../core/layout.ts';
import { baseRecords, catalogFiles, DOI, PID, repoPath } from '../../catalog/test-catalog.ts';

export { DOI, PID, repoPath };

type Rec = Record<string, unknown>;

/** Fresh copies of the records, by type. */
export function fixtureRecords(): Record<RecordType, Rec> {
  const records = baseRecords();
  Object.assign(records.config, { curationFields: ['/keywords', '/description', '/attachments'], rawGracePeriodDays: 30 });
  // Keywords right after techniques: the snapshots quote line numbers in the record file.
  records.dataset = Object.fromEntries(
    Object.entries(records.dataset).flatMap(([k, v]) => (k === 'techniques' ? [[k, v], ['keywords', ['silver', 'XPS']]] : [[k, v]])),
  );
  Object.assign(records.dataset, {
    scientificMetadata: {
      photon_energy: { value: 1.2, unit: 'keV', name: 'Photon energy' },
      pass_energy: { value: 20, unit: 'eV' },
      pressure: { value: 2e-10, unit: 'mbar' },
      analyser: { model: 'Scienta R4000', lens: { mode: 'Transmission' } },
    },
  });
  return records;
}

/** Repository files for makeTempRepo: every record at its path, after `edit` changed them. */
export function fixtureFiles(edit?: (r: Record<RecordType, Rec>) => void): Record<string, Rec> {
  const records = fixtureRecords();
  edit?.(records);
  return catalogFiles(records);
}
