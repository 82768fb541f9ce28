/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) into the functions that used
 * the most time themselves, so a benchmark can say where the time goes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Hotspot {
  function: string;
  /** `file:line` relative to the repository where possible. */
  location: string;
  selfMs: number;
  /** Share of all sampled time, 0–1. */
  share: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The top `limit` self-time hotspots of the newest .cpuprofile in `dir`. */
export async function summariseProfile(dir: string, repoRoot: string, limit = 15): Promise<Hotspot[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const newest = files[files.length - 1];
  if (!newest) return [];
  const p = JSON.parse(await readFile(join(dir, newest), 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const byKey = new Map<string, { fn: string; loc: string; us: number }>();
  let total = 0;
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    total += us;
    const url = n.callFrame.url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '');
    const loc = url ? `${url}:${n.callFrame.lineNumber + 1}` : '';
    const fn = n.callFrame.functionName || '(anonymous)';
    const key = `${fn}@${loc}`;
    const e = byKey.get(key) ?? { fn, loc, us: 0 };
    e.us += us;
    byKey.set(key, e);
  }
  return [...byKey.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ function: e.fn, location: e.loc, selfMs: Math.round(e.us / 1000), share: total ? e.us / total : 0 }));
}
