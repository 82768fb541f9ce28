import { describe, expect, it } from 'vitest';
import { LogParser, parseLog } from './log-parser.ts';
import type { RecordChange } from './git.ts';

// Shaped exactly like `git log -z --name-status -M --format=LOG_FORMAT` output
// (captured from git 2.39 and extended with a copy, a type change and an empty commit).
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const OUT =
  `\x1e${C}\x002024-01-01T02:00:00+01:00\x00Zoë Ångström\x00zoe@example.org\x00empty commit\x00` +
  `\x1e${B}\x002024-01-01T01:00:00+00:00\x00A\x00a@x\x00second\x00\nD\x00d/b.json\x00R100\x00d/a.json\x00d/c.json\x00C075\x00d/c.json\x00d/copy.json\x00T\x00d/link\x00` +
  `\x1e${A}\x002024-01-01T00:00:00+00:00\x00A\x00a@x\x00first: with ünïcode\x00\nA\x00d/a.json\x00A\x00d/b.json\x00A\x00d/spaced name ü.json\x00A\x00d/link\x00`;

describe('LogParser', () => {
  it('reads adds, deletes, renames, copies and type changes per file, newest first', () => {
    const h = parseLog(OUT);
    expect([...h.keys()].sort()).toEqual(['d/a.json', 'd/b.json', 'd/c.json', 'd/copy.json', 'd/link', 'd/spaced name ü.json']);
    expect(h.get('d/b.json')!.map((c) => [c.sha, c.status])).toEqual([
      [B, 'D'],
      [A, 'A'],
    ]);
    expect(h.get('d/c.json')).toEqual([
      { sha: B, date: '2024-01-01T01:00:00+00:00', author: { name: 'A', email: 'a@x' }, subject: 'second', status: 'R', oldPath: 'd/a.json' },
    ]);
    expect(h.get('d/copy.json')![0]!.status).toBe('A');
    expect(h.get('d/copy.json')![0]!.oldPath).toBeUndefined();
    expect(h.get('d/link')!.map((c) => c.status)).toEqual(['M', 'A']);
    expect(h.get('d/a.json')![0]!.subject).toBe('first: with ünïcode');
  });

  it('gives the same result however the stream is cut into chunks', () => {
    const whole = JSON.stringify([...parseLog(OUT)]);
    for (let cut = 1; cut < OUT.length; cut += 7) {
      const got = new Map<string, RecordChange[]>();
      const p = new LogParser((path, c) => got.set(path, [...(got.get(path) ?? []), c]));
      for (let i = 0; i < OUT.length; i += cut) p.push(OUT.slice(i, i + cut));
      p.end();
      expect(JSON.stringify([...got])).toBe(whole);
    }
  });

  it('refuses output that stops mid-record', () => {
    const p = new LogParser(() => {});
    p.push(OUT.slice(0, OUT.indexOf('R100') + 6));
    expect(() => p.end()).toThrow(/ended mid-record/);
  });

  it('reads an empty log', () => {
    expect(parseLog('').size).toBe(0);
  });
});
