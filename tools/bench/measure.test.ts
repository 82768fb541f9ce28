/**
 * measureChild sums the memory of the whole process tree, not just the child,
 * and reports wall time and exit code.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureChild } from './measure.ts';
import { formatTable } from './format.ts';

// A parent holding ~120 MB that starts a grandchild holding ~160 MB; both wait ~1.5 s.
const HOLD = (mb: number) => `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); setTimeout(() => b.length, 1500);`;
const SCRIPT = `
const { spawn } = require('node:child_process');
${HOLD(120)}
const c = spawn(process.execPath, ['-e', ${JSON.stringify(HOLD(160))}], { stdio: 'inherit' });
c.on('close', () => { console.log('done'); process.exitCode = 3; });
`;

describe.skipIf(!existsSync('/proc/self/statm'))('measureChild (needs /proc)', () => {
  it('counts the memory of the child and its descendants', async () => {
    const m = await measureChild(process.execPath, ['-e', SCRIPT], { intervalMs: 20 });
    expect(m.exitCode).toBe(3);
    expect(m.stdout.trim()).toBe('done');
    expect(m.wallMs).toBeGreaterThan(1400);
    // Either process alone is under 250 MB; only the sum exceeds it.
    expect(m.peakRssBytes).toBeGreaterThan(280 * 1024 ** 2);
    expect(m.peakRssBytes).toBeLessThan(1024 ** 3);
  });
});

describe('formatTable', () => {
  it('aligns columns and shows missing values as a dash', () => {
    const text = formatTable([
      { step: 'floor', 'wall s': 1.5 },
      { step: 'validate', 'wall s': null, note: 'n/a' },
    ]);
    expect(text.split('\n')).toEqual([
      'step      wall s  note',
      '--------  ------  ----',
      'floor     1.5     –',
      'validate  –       n/a',
    ]);
  });
});
