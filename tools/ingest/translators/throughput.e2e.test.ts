/**
 * Throughput of the text-format translators through readAny, over 1,000 files
 * made by repeating the real corpus files (copied into a temp folder so each
 * read is a distinct file). Slow by design, hence e2e. Prints files/s.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAny } from './index.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';

const SMALL_TEXT = [
  corpus('scienta-ses', 'Ag_0001.txt'),
  corpus('scienta-ses', 'Cu-HHTP_0001.txt'),
  corpus('scienta-ses', 'Cu-HHTP_0003.txt'),
  corpus('specs-prodigy', 'MgFe2O4_small.xy'),
  corpus('specs-prodigy', 'In-situ_PBTTT_XPS_SPECS.xml'),
  corpus('other', 'regular.vms'),
];
const LARGE = corpus('specs-prodigy', 'MgFe2O4_with_transmission_function.xy');

describe.skipIf(!HAVE_CORPUS)(`text translator throughput ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shelfmark-throughput-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads 1,000 SES/Prodigy/SpecsLab2/VAMAS text files', async () => {
    const files: string[] = [];
    let bytes = 0;
    for (let i = 0; i < 1000; i++) {
      const src = SMALL_TEXT[i % SMALL_TEXT.length]!;
      const p = join(tmp, `${String(i).padStart(4, '0')}-${basename(src)}`);
      copyFileSync(src, p);
      bytes += statSync(p).size;
      files.push(p);
    }
    const t0 = performance.now();
    let ok = 0;
    for (const f of files) if ((await readAny(f)).status === 'ok') ok++;
    const s = (performance.now() - t0) / 1000;
    const rate = files.length / s;
    console.log(`text translators: ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) in ${s.toFixed(2)} s = ${rate.toFixed(0)} files/s, ${(bytes / 1e6 / s).toFixed(1)} MB/s`);
    expect(ok).toBe(1000);
    expect(rate).toBeGreaterThan(50);
  });

  it('reads the 2.2 MB Prodigy export (30 regions) repeatedly', async () => {
    const n = 20;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) expect((await readAny(LARGE)).status).toBe('ok');
    const s = (performance.now() - t0) / 1000;
    const mb = (statSync(LARGE).size * n) / 1e6;
    console.log(`large Prodigy XY: ${n} reads in ${s.toFixed(2)} s = ${(n / s).toFixed(1)} files/s, ${(mb / s).toFixed(1)} MB/s`);
    expect(n / s).toBeGreaterThan(1);
  });
});
