import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordPath } from '../core/layout.ts';
import type { PublicationRecord } from '../core/types.generated.ts';
import { checkCandidate } from '../curate/check-record.ts';
import { publicationToDatacite } from '../export/datacite-from-records.ts';
import { toDataciteXml } from '../export/datacite-xml.ts';
import { DATACITE_XSD, validateXml } from '../export/xsd.ts';
import { initRepo } from '../git/git.ts';
import { runGit, TEST_IDENTITY } from '../git/test-utils.ts';
import type { TestCatalog } from '../catalog/test-catalog.ts';
import { publish } from './publish.ts';
import { PublishError, publicationRel, readPublications } from './records.ts';
import { isValidSuffix } from './suffix.ts';
import { DERIVED_PID, EMBARGOED_PID, FUNDING, makePublishCatalog, NOW, PID } from './test-fixture.ts';
import { versionsOf } from './versions.ts';

let cat: TestCatalog;
afterEach(() => cat?.cleanup());
const read = (doi: string) => cat.read(publicationRel(doi)) as unknown as PublicationRecord;

describe('shelfmark publish', () => {
  it('writes a valid draft whose DataCite metadata comes from the datasets, their proposal and the config', async () => {
    cat = makePublishCatalog();
    const r = await publish({ root: cat.root, pids: [PID, DERIVED_PID], now: NOW });
    expect(r.refused).toEqual([]);
    expect(r.written).toBe(true);
    const p = read(r.publication.doi);
    expect(p.doi).toMatch(/^10\.5072\/[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect(isValidSuffix(p.doi.split('/')[1]!)).toBe(true);
    expect(p.status).toBe('draft');
    expect(p.title).toBe('Silver surfaces'); // the one proposal's title
    expect(p.publisher).toBe('Test Light Source');
    expect(p.publicationYear).toBe(2026);
    expect(p.creators).toEqual([{ name: 'Anna Svensson', orcid: '0000-0002-1825-0097', affiliation: { name: 'Lund University', ror: 'https://ror.org/012a77v79' } }]);
    expect(p.subjects).toEqual([
      { subject: 'x-ray photoelectron spectroscopy', subjectScheme: 'PaNET', schemeUri: 'http://purl.org/pan-science/PaNET/', valueUri: 'http://purl.org/pan-science/PaNET/PaNET01204' },
      'silver',
      'core level',
    ]);
    expect(p.rights).toEqual([{ rightsIdentifier: 'CC-BY-4.0', rightsIdentifierScheme: 'SPDX', rights: 'CC-BY-4.0', rightsUri: 'https://spdx.org/licenses/CC-BY-4.0.html' }]);
    expect(p.fundingReferences).toEqual([FUNDING]);
    expect(p.dates).toContainEqual({ date: '2024-03-14', dateType: 'Collected' });
    expect(p.sizes?.[0]).toBe('2 datasets');
    expect(p.relatedIdentifiers?.filter((x) => x.relationType === 'HasPart').map((x) => x.relatedIdentifier)).toEqual([PID, DERIVED_PID]);
    // The input is a member here, so it is not also IsDerivedFrom.
    expect(p.relatedIdentifiers?.some((x) => x.relationType === 'IsDerivedFrom')).toBe(false);
    expect(await checkCandidate({ root: cat.root, rel: publicationRel(p.doi), record: p, now: NOW })).toEqual([]);
  });

  it('a derived dataset alone cites its input as IsDerivedFrom', async () => {
    cat = makePublishCatalog();
    const r = await publish({ root: cat.root, pids: [DERIVED_PID], now: NOW, title: 'Fits' });
    const p = read(r.publication.doi);
    expect(p.title).toBe('Fits');
    expect(p.resourceType).toBe('Derived data');
    expect(p.relatedIdentifiers).toContainEqual({ relatedIdentifier: PID, relatedIdentifierType: 'Handle', relationType: 'IsDerivedFrom' });
  });

  it('refuses an embargoed dataset, saying until when and how to lift it, and writes nothing', async () => {
    cat = makePublishCatalog();
    const err = (await publish({ root: cat.root, pids: [PID, EMBARGOED_PID], now: NOW }).catch((e: unknown) => e)) as PublishError;
    expect(err).toBeInstanceOf(PublishError);
    expect(err.code).toBe('E_PUBLISH_NOT_PUBLIC');
    expect(err.message).toContain(`${EMBARGOED_PID} is under embargo until 2027-03-14`);
    expect(err.message).toContain(`shelfmark embargo ${EMBARGOED_PID} --lift`);
    expect(err.message).not.toContain(`${PID} is`);
    expect((await readPublications(cat.root)).length).toBe(1); // the fixture's own
  });

  it('a missing dataset names the file it looked for', async () => {
    cat = makePublishCatalog();
    await expect(publish({ root: cat.root, pids: ['20.500.12345/20240017/nope'], now: NOW })).rejects.toThrow(/Dataset 20\.500\.12345\/20240017\/nope not found: .*datasets\/..\/20240017\/nope\.json does not exist/);
  });

  it('follows config.datacite.doiSuffixPattern, and checks a given --suffix against it', async () => {
    cat = makePublishCatalog({ doiSuffixPattern: '^shelfmark\\.[0-9a-z]{4}-[0-9a-z]{4}$' });
    const r = await publish({ root: cat.root, pids: [PID], now: NOW });
    expect(r.publication.doi).toMatch(/^10\.5072\/shelfmark\.[0-9a-z]{4}-[0-9a-z]{4}$/);
    await expect(publish({ root: cat.root, pids: [PID], now: NOW, suffix: 'my-data' })).rejects.toThrow(/"my-data" does not match config\.datacite\.doiSuffixPattern/);
    await expect(publish({ root: cat.root, pids: [PID], now: NOW, suffix: 'shelfmark.4k7q-2m9d' })).rejects.toThrow(/10\.5072\/shelfmark\.4k7q-2m9d exists already/);
  });

  it.skipIf(!existsSync(DATACITE_XSD))('the publication\'s DataCite XML validates against kernel 4.6 (needs ../shared/corpus)', async () => {
    cat = makePublishCatalog();
    const r = await publish({ root: cat.root, pids: [PID, DERIVED_PID], now: NOW });
    const datasets = [PID, DERIVED_PID].map((pid) => cat.read(recordPath('dataset', pid)));
    const xml = toDataciteXml(publicationToDatacite({ publication: r.publication.record, config: cat.read('config.json'), datasets: datasets as never }));
    const v = await validateXml(xml);
    expect(v.findings).toEqual([]);
    expect(v.valid).toBe(true);
    expect(xml).toContain('<fundingReference>');
    expect(xml).toContain('rightsIdentifier="CC-BY-4.0"');
  });

  it('commits the draft on a branch through the git module', async () => {
    cat = makePublishCatalog();
    const repo = dirname(cat.root);
    await initRepo(repo);
    await runGit(repo, ['add', '.']);
    await runGit(repo, ['commit', '-qm', 'catalogue']);
    const r = await publish({ root: cat.root, pids: [PID], now: NOW, commit: { branch: 'publish/ag', author: TEST_IDENTITY, date: NOW } });
    expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    expect((await runGit(repo, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('publish/ag');
    expect(await runGit(repo, ['show', '--name-only', '--format=%s', 'HEAD'])).toBe(`Publish ${r.publication.doi} (draft): 1 dataset\n\ncatalog/${r.publication.rel}\n`);
  });
});

describe('shelfmark publish --new-version-of', () => {
  it('creates the concept record once, then numbered versions linked to it (IsVersionOf, IsNewVersionOf)', async () => {
    cat = makePublishCatalog();
    const v1 = await publish({ root: cat.root, pids: [PID], now: NOW, title: 'Ag 3d' });
    // v1 is findable (frozen): it must not be rewritten by later versions.
    const v1Text = cat.write(publicationRel(v1.publication.doi), { ...v1.publication.record, status: 'findable', registeredTime: '2026-05-04T12:00:00Z' });
    const before = readFileSync(join(cat.root, v1Text), 'utf8');

    const v2 = await publish({ root: cat.root, pids: [PID, DERIVED_PID], now: NOW, newVersionOf: v1.publication.doi });
    expect(v2.concept).toBeDefined();
    const concept = read(v2.concept!.doi);
    expect(concept.conceptDoi).toBe(concept.doi);
    expect(concept.title).toBe('Ag 3d');
    expect(concept.relatedIdentifiers).toEqual([{ relatedIdentifier: v1.publication.doi, relatedIdentifierType: 'DOI', relationType: 'HasVersion' }]);
    const p2 = read(v2.publication.doi);
    expect(p2.version).toBe('2');
    expect(p2.title).toBe('Ag 3d');
    expect(p2.conceptDoi).toBe(concept.doi);
    expect(p2.relatedIdentifiers).toContainEqual({ relatedIdentifier: concept.doi, relatedIdentifierType: 'DOI', relationType: 'IsVersionOf' });
    expect(p2.relatedIdentifiers).toContainEqual({ relatedIdentifier: v1.publication.doi, relatedIdentifierType: 'DOI', relationType: 'IsNewVersionOf' });
    expect(readFileSync(join(cat.root, v1Text), 'utf8')).toBe(before);

    // A version of the first version again, and of the concept: same concept, next numbers.
    const v3 = await publish({ root: cat.root, pids: [PID], now: NOW, newVersionOf: v1.publication.doi });
    expect(v3.concept).toBeUndefined();
    expect(read(v3.publication.doi).version).toBe('3');
    const v4 = await publish({ root: cat.root, pids: [PID], now: NOW, newVersionOf: concept.doi });
    expect(read(v4.publication.doi).version).toBe('4');
    expect(read(v4.publication.doi).relatedIdentifiers).toContainEqual({ relatedIdentifier: v3.publication.doi, relatedIdentifierType: 'DOI', relationType: 'IsNewVersionOf' });

    if (existsSync(DATACITE_XSD)) {
      const all = await readPublications(cat.root);
      const xml = toDataciteXml(publicationToDatacite({ publication: concept, config: cat.read('config.json'), versions: versionsOf(concept.doi, all) }));
      expect((await validateXml(xml)).findings).toEqual([]);
      expect(xml).toContain(`relationType="HasVersion">${v2.publication.doi}<`);
    }
    const versions = versionsOf(concept.doi, await readPublications(cat.root));
    expect(versions.map((v) => [v.doi, v.version])).toEqual([
      [v1.publication.doi, '1'],
      [v2.publication.doi, '2'],
      [v3.publication.doi, '3'],
      [v4.publication.doi, '4'],
    ]);
  });
});
