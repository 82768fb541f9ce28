/**
 * Runs a command as a child process and measures its wall time and the peak
 * resident memory of its whole process tree (the child and every descendant,
 * e.g. worker processes), by polling /proc. `/usr/bin/time -v` reports only the
 * largest single process, which undercounts a validator that forks workers.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measurement {
  /** Wall time from spawn to exit, milliseconds. */
  wallMs: number;
  /** Highest sum of RSS over the process tree seen while polling, bytes (0 where /proc is missing). */
  peakRssBytes: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const PAGE = 4096;

/** Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name). */
async function parentMap(): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return map;
  }
  await Promise.all(
    entries.map(async (e) => {
      if (!/^\d+$/.test(e)) return;
      try {
        const stat = await readFile(`/proc/${e}/stat`, 'utf8');
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        map.set(Number(e), Number(rest[1]));
      } catch {
        // the process exited between readdir and read
      }
    }),
  );
  return map;
}

/** Sum of RSS (bytes) of `root` and all its descendants. */
export async function treeRss(root: number): Promise<number> {
  const parents = await parentMap();
  const tree = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
      total += Number(statm.split(' ')[1]) * PAGE;
    } catch {
      // exited
    }
  }
  return total;
}

/** Spawns `command args`, polls its tree's memory every `intervalMs`, and resolves when it exits. */
export function measureChild(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number } = {},
): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let peak = 0;
    let polling = false;
    const poll = async () => {
      if (polling || child.pid === undefined) return;
      polling = true;
      try {
        peak = Math.max(peak, await treeRss(child.pid));
      } finally {
        polling = false;
      }
    };
    const timer = setInterval(() => void poll(), opts.intervalMs ?? 50);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({ wallMs: performance.now() - t0, peakRssBytes: peak, exitCode: code, stdout, stderr });
    });
  });
}
