/**
 * A long-lived `git cat-file --batch` process: reads any object by name
 * (`<rev>:<path>`, `<rev>^{commit}`, a sha) in well under a millisecond,
 * where spawning git per read costs 10–20 ms. Requests are answered in order.
 *
 * The process holds the event loop only while a request is pending, and ends
 * itself after {@link IDLE_MS} without requests, so callers need not close it
 * (close() ends it at once).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const IDLE_MS = 2_000;

/** An object as cat-file returns it, or undefined for a name that does not resolve. */
export type CatObject = { oid: string; type: string; data: Buffer } | undefined;

interface Pending {
  resolve: (o: CatObject) => void;
  reject: (e: Error) => void;
}

export class CatFile {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private idle: NodeJS.Timeout | undefined;
  private readonly binary: string;
  private readonly cwd: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(binary: string, cwd: string, env: NodeJS.ProcessEnv) {
    this.binary = binary;
    this.cwd = cwd;
    this.env = env;
  }

  /** Reads one object; names must not contain a newline. */
  read(name: string): Promise<CatObject> {
    if (name.includes('\n')) return Promise.resolve(undefined);
    const child = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    this.hold(true);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      child.stdin.write(`${name}\n`);
    });
  }

  /** Ends the process now. */
  close(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const c = this.child;
    this.child = undefined;
    if (c) c.stdin.end();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn(this.binary, ['cat-file', '--batch'], { cwd: this.cwd, env: this.env });
    this.child = child;
    this.buf = Buffer.alloc(0);
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, b]) : b;
      this.drain();
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const fail = (why: string) => {
      if (this.child === child) this.child = undefined;
      for (const p of this.pending.splice(0)) p.reject(new Error(why));
    };
    child.on('error', (err) => fail(`cannot run ${this.binary} cat-file: ${err.message}`));
    child.on('close', (code) => fail(`git cat-file --batch ended (exit ${code}) ${stderr.trim()}`));
    child.stdin.on('error', () => {});
    return child;
  }

  /** Answers pending requests from the output received so far. */
  private drain(): void {
    for (;;) {
      const p = this.pending[0];
      if (!p) break;
      const nl = this.buf.indexOf(0x0a);
      if (nl === -1) return;
      const header = this.buf.toString('utf8', 0, nl).split(' ');
      if (header.length !== 3) {
        // "<name> missing" or "<name> ambiguous"
        this.buf = this.buf.subarray(nl + 1);
        this.pending.shift();
        p.resolve(undefined);
        continue;
      }
      const size = Number(header[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const data = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.pending.shift();
      p.resolve({ oid: header[0]!, type: header[1]!, data });
    }
    if (this.pending.length === 0) {
      this.hold(false);
      this.idle = setTimeout(() => this.close(), IDLE_MS);
      this.idle.unref();
    }
  }

  /** Keeps the event loop alive while a request waits, and lets it go when idle. */
  private hold(on: boolean): void {
    const c = this.child;
    if (!c) return;
    const streams = [c.stdout, c.stderr, c.stdin] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
    if (on) {
      c.ref();
      for (const s of streams) s.ref?.();
    } else {
      c.unref();
      for (const s of streams) s.unref?.();
    }
  }
}
