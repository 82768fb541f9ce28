/**
 * Measurement groups released as soon as they are complete, so a batch can map
 * and write the records of one folder while the translators still read the
 * next. A group never spans folders (its key starts with the folder of its
 * primary file, and a translator's primary file is the file it read), so a
 * group is complete once every input file of its folder has been read. Pure:
 * results go in, groups come out, nothing touches the disk.
 */
import { dirname } from 'node:path';
import type { Measurement } from './measurement.ts';

/** A group of measurements that make one dataset, and where it stands in the batch. */
export interface ReadyGroup {
  key: string;
  measurements: Measurement[];
  /** Position in the batch: index of the file whose measurement was seen first, then of that measurement in the file. */
  order: [number, number];
}

/** Compares {@link ReadyGroup.order}s: batch order, the order a whole-batch grouping would give. */
export const byOrder = (a: { order: [number, number] }, b: { order: [number, number] }): number => a.order[0] - b.order[0] || a.order[1] - b.order[1];

export interface GroupStream {
  /** Records what file `index` of the batch gave; returns the groups this completed (possibly none). */
  add(index: number, measurements: readonly Measurement[]): ReadyGroup[];
}

/**
 * A stream over the batch's `files` (absolute paths): each file must be added
 * once, by its index, in any order. Within a folder, groups come out in the
 * order of their first measurement in file order, and measurements of a group
 * sorted by file, so the record does not depend on which file of an acquisition was read first.
 */
export function groupStream(files: readonly string[]): GroupStream {
  const pending = new Map<string, number>();
  for (const f of files) pending.set(dirname(f), (pending.get(dirname(f)) ?? 0) + 1);
  const arrived = new Map<string, { index: number; measurements: readonly Measurement[] }[]>();
  return {
    add(index, measurements) {
      const folder = dirname(files[index]!);
      const list = arrived.get(folder) ?? [];
      list.push({ index, measurements });
      arrived.set(folder, list);
      const left = pending.get(folder)! - 1;
      pending.set(folder, left);
      if (left > 0) return [];
      arrived.delete(folder);
      return folderGroups(list.sort((a, b) => a.index - b.index));
    },
  };
}

const byPrimaryFile = (a: Measurement, b: Measurement) => (a.files[0]! < b.files[0]! ? -1 : a.files[0]! > b.files[0]! ? 1 : 0);

/** Groups the measurements of one folder's files (in file order) by folder and group key. */
function folderGroups(list: readonly { index: number; measurements: readonly Measurement[] }[]): ReadyGroup[] {
  const groups = new Map<string, ReadyGroup>();
  for (const { index, measurements } of list) {
    measurements.forEach((m, i) => {
      const key = `${dirname(m.files[0]!)}\0${m.groupKey}`;
      const g = groups.get(key);
      if (g) g.measurements.push(m);
      else groups.set(key, { key, measurements: [m], order: [index, i] });
    });
  }
  // Sorted by file, so the record does not depend on which file of an acquisition arrived first.
  for (const g of groups.values()) g.measurements.sort(byPrimaryFile);
  return [...groups.values()];
}
