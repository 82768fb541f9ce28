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

/** Self time per function in one profile, plus the profile's total sampled time (µs). */
function selfTimes(p: CpuProfile, repoRoot: string): { total: number; entries: Map<string, { fn: string; loc: string; us: number }> } {
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const entries = new Map<string, { fn: string; loc: string; us: number }>();
  let total = 0;
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    total += us;
    const url = n.callFrame.url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '');
    const loc = url ? `${url}:${n.callFrame.lineNumber + 1}` : '';
    const fn = n.callFrame.functionName || '(anonymous)';
    const key = `${fn}@${loc}`;
    const e = entries.get(key) ?? { fn, loc, us: 0 };
    e.us += us;
    entries.set(key, e);
  }
  return { total, entries };
}

/** Hotspots of one thread's profile. */
export interface ThreadProfile {
  file: string;
  /** Sampled time of the thread (busy and idle), ms. */
  sampledMs: number;
  hotspots: Hotspot[];
}

/**
 * The top `limit` self-time hotspots of every .cpuprofile in `dir`: node writes
 * one per thread, so a validator with worker threads gives the main thread and
 * each worker separately. Sorted by busiest thread first.
 */
export async function summariseProfile(dir: string, repoRoot: string, limit = 15): Promise<ThreadProfile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const out: ThreadProfile[] = [];
  for (const file of files) {
    const p = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    const { total, entries } = selfTimes(p, repoRoot);
    const hotspots = [...entries.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, limit)
      .map((e) => ({ function: e.fn, location: e.loc, selfMs: Math.round(e.us / 1000), share: total ? +(e.us / total).toFixed(3) : 0 }));
    out.push({ file, sampledMs: Math.round(total / 1000), hotspots });
  }
  return out;
}
