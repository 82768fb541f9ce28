/**
 * Stream parser for `git log -z --name-status` output in the format
 * {@link LOG_FORMAT}. Pure: feed it text chunks as they arrive, it calls back
 * once per file change, so a history of millions of changes never sits in
 * memory as one string.
 *
 * With -z every field ends in NUL and paths are never quoted. A commit starts
 * with RS (0x1e) + sha, then date, author name, author email, subject, then
 * the changes as `status NUL path NUL` (`R<score> NUL old NUL new NUL` for
 * renames, `C…` likewise for copies), the first status prefixed by a newline.
 */
import type { ChangeStatus, CommitInfo, RecordChange } from './git.ts';

/** The `--format` that {@link LogParser} reads. */
export const LOG_FORMAT = '%x1e%H%x00%aI%x00%an%x00%ae%x00%s';

type State = 'status' | 'date' | 'name' | 'email' | 'subject' | 'path' | 'oldPath' | 'newPath';

/** Incremental parser; call `push` with each chunk, then `end`. */
export class LogParser {
  private rest = '';
  private state: State = 'status';
  private commit: CommitInfo | undefined;
  private status: ChangeStatus = 'M';
  private oldPath = '';
  private readonly onChange: (path: string, change: RecordChange) => void;

  constructor(onChange: (path: string, change: RecordChange) => void) {
    this.onChange = onChange;
  }

  push(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let nul = text.indexOf('\0', start); nul !== -1; nul = text.indexOf('\0', start)) {
      this.token(text.slice(start, nul));
      start = nul + 1;
    }
    this.rest = text.slice(start);
  }

  /** Finishes; throws when the output stopped in the middle of a record. */
  end(): void {
    const tail = this.rest.replace(/^\n+/, '');
    if (tail !== '' || this.state !== 'status')
      throw new Error(`git log output ended mid-record (state ${this.state}, trailing ${JSON.stringify(tail.slice(0, 40))})`);
  }

  private token(raw: string): void {
    switch (this.state) {
      case 'status': {
        const tok = raw.replace(/^\n+/, '');
        if (tok === '') return;
        if (tok.charCodeAt(0) === 0x1e) {
          this.commit = { sha: tok.slice(1), date: '', author: { name: '', email: '' }, subject: '' };
          this.state = 'date';
          return;
        }
        const letter = tok[0];
        if (letter === 'R' || letter === 'C') {
          // A copy leaves the source in place, so for history it is an addition.
          this.status = letter === 'R' ? 'R' : 'A';
          this.state = 'oldPath';
        } else {
          // T (type change) and anything unforeseen count as a modification.
          this.status = letter === 'A' || letter === 'D' ? letter : 'M';
          this.state = 'path';
        }
        return;
      }
      case 'date':
        this.commit!.date = raw;
        this.state = 'name';
        return;
      case 'name':
        this.commit!.author.name = raw;
        this.state = 'email';
        return;
      case 'email':
        this.commit!.author.email = raw;
        this.state = 'subject';
        return;
      case 'subject':
        this.commit!.subject = raw;
        this.state = 'status';
        return;
      case 'path':
        this.emit(raw, undefined);
        this.state = 'status';
        return;
      case 'oldPath':
        this.oldPath = raw;
        this.state = 'newPath';
        return;
      case 'newPath':
        this.emit(raw, this.status === 'R' ? this.oldPath : undefined);
        this.state = 'status';
        return;
    }
  }

  private emit(path: string, oldPath: string | undefined): void {
    const c = this.commit;
    if (!c) throw new Error(`git log output has a change before any commit header (path ${JSON.stringify(path)})`);
    const change: RecordChange = { sha: c.sha, date: c.date, author: c.author, subject: c.subject, status: this.status };
    if (oldPath !== undefined) change.oldPath = oldPath;
    this.onChange(path, change);
  }
}

/** Parses a whole `git log` output at once (for small inputs and tests). */
export function parseLog(text: string): Map<string, RecordChange[]> {
  const out = new Map<string, RecordChange[]>();
  const p = new LogParser((path, change) => appendChange(out, path, change));
  p.push(text);
  p.end();
  return out;
}

/** Appends a change to a path's list in a history map. */
export function appendChange(map: Map<string, RecordChange[]>, path: string, change: RecordChange): void {
  const list = map.get(path);
  if (list) list.push(change);
  else map.set(path, [change]);
}
