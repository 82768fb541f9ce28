import { describe, expect, it } from 'vitest';
import { byOrder, groupStream } from './group-stream.ts';
import { sesMeasurement } from './test-utils/fixtures.ts';

const files = ['/d/a/Ag_0001.txt', '/d/a/Ag_0001Ag__001.ibw', '/d/a/Cu_0002.txt', '/d/a/notes.pdf', '/d/b/Ag_0001.txt'];
/** One SES-like measurement of file `i`, grouped like SES does (first seven characters of the name). */
const of = (i: number) => [sesMeasurement(files[i]!, { groupKey: `ses:${files[i]!.slice(0, -4).replace(/(.*\/.{7}).*/, '$1')}` })];

describe('groupStream', () => {
  it('releases a folder only when its last file has been read, whatever the order', () => {
    const s = groupStream(files);
    expect(s.add(4, of(4)).map((g) => g.measurements.map((m) => m.files[0]))).toEqual([['/d/b/Ag_0001.txt']]);
    expect(s.add(1, of(1))).toEqual([]);
    expect(s.add(2, of(2))).toEqual([]);
    // A file that gave no measurement (an error, a skipped file) still completes its folder.
    expect(s.add(3, [])).toEqual([]);
    const groups = s.add(0, of(0));
    // The .txt and its .ibw are one acquisition, sorted by file although the .ibw came first.
    expect(groups.map((g) => g.measurements.map((m) => m.files[0]))).toEqual([['/d/a/Ag_0001.txt', '/d/a/Ag_0001Ag__001.ibw'], ['/d/a/Cu_0002.txt']]);
    expect(groups.map((g) => g.order)).toEqual([[0, 0], [2, 0]]);
  });

  it('orders groups as the whole batch would: by file, then by measurement within the file', () => {
    const s = groupStream(['/d/x.xy', '/e/y.xy']);
    const two = [sesMeasurement('/d/x.xy', { groupKey: 'specs:/d/x - B' }), sesMeasurement('/d/x.xy', { groupKey: 'specs:/d/x - A' })];
    const later = s.add(1, [sesMeasurement('/e/y.xy', { groupKey: 'specs:/e/y' })]);
    const first = s.add(0, two);
    const all = [...later, ...first].sort(byOrder);
    expect(all.map((g) => g.key.split('\0')[1])).toEqual(['specs:/d/x - B', 'specs:/d/x - A', 'specs:/e/y']);
  });
});
