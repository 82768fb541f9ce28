import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDataciteXml } from './datacite-xml.ts';
import { datasetToDatacite } from './datacite-from-records.ts';
import { datasetView } from './fixtures/records.ts';
import { DATACITE_XSD, validateXml, validateXmlFiles, XMLLINT, XsdSetupError } from './xsd.ts';

const ready = existsSync(XMLLINT) && existsSync(DATACITE_XSD);

describe.skipIf(!ready)(`xmllint validation (needs ${XMLLINT} and ${DATACITE_XSD})`, () => {
  const good = toDataciteXml(datasetToDatacite(datasetView));
  // Two faults: a resourceTypeGeneral outside the list, and an empty publicationYear.
  const bad = good.replace('resourceTypeGeneral="Dataset"', 'resourceTypeGeneral="Spreadsheet"').replace(/<publicationYear>\d{4}</, '<publicationYear><');

  it('accepts a valid document', async () => {
    expect(await validateXml(good)).toEqual({ valid: true, findings: [] });
  });

  it('reports each schema error with its line and the element it is about', async () => {
    const r = await validateXml(bad, DATACITE_XSD, 'datacite.xml');
    expect(r.valid).toBe(false);
    const typeLine = bad.split('\n').findIndex((l) => l.includes('Spreadsheet')) + 1;
    expect(r.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'xsd/invalid', file: 'datacite.xml', line: typeLine, message: expect.stringMatching(/Spreadsheet/) }),
    );
    expect(r.findings.some((f) => /publicationYear/.test(f.message))).toBe(true);
    expect(r.findings.every((f) => !f.message.includes('{http://datacite.org/schema/kernel-4}'))).toBe(true);
  });

  it('reports text that is not XML at all', async () => {
    const r = await validateXml('<resource><unclosed></resource>', DATACITE_XSD, 'broken.xml');
    expect(r.valid).toBe(false);
    expect(r.findings[0]).toMatchObject({ file: 'broken.xml', line: 1 });
  });

  describe('many files at once', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'shelfmark-xsd-'));
      for (let i = 0; i < 5; i++) await writeFile(join(dir, `ok-${i}.xml`), good);
      await writeFile(join(dir, 'bad.xml'), bad);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('names only the invalid files, across batches', async () => {
      const paths = [...[0, 1, 2, 3, 4].map((i) => join(dir, `ok-${i}.xml`)), join(dir, 'bad.xml')];
      const findings = await validateXmlFiles(paths, DATACITE_XSD, 2);
      expect(findings.length).toBeGreaterThan(0);
      expect(new Set(findings.map((f) => f.file))).toEqual(new Set([join(dir, 'bad.xml')]));
      expect(await validateXmlFiles(paths.slice(0, 5), DATACITE_XSD, 2)).toEqual([]);
    });

    it('reports a missing file', async () => {
      const findings = await validateXmlFiles([join(dir, 'missing.xml')]);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.file).toContain('missing.xml');
    });
  });

  it('throws a setup error naming a schema that does not exist', async () => {
    await expect(validateXml(good, '/nonexistent/metadata.xsd')).rejects.toThrow(XsdSetupError);
  });
});
