import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/findings.ts';
import { formatKnownError, formatSave } from './curate.ts';
import { formatPropose } from './propose.ts';
import { CurateError } from '../../curate/errors.ts';

const finding: Finding = {
  severity: 'error',
  code: 'schema/maximum',
  file: 'catalog/annotations/c5/20240017/xps-0001/c-0002.json',
  pointer: '/rating',
  line: 8,
  column: 3,
  message: '"rating" must be <= 5',
  found: '7',
  fix: 'Use a value <= 5.',
};

describe('curation output', () => {
  it('prints a write, an unchanged record and a refusal with its findings', () => {
    expect(formatSave('edit', 'dataset x', { rel: 'datasets/a.json', written: true, unchanged: false, refused: [], notes: [] })).toEqual({ out: '✔ dataset x: wrote catalog/datasets/a.json\n', err: '', exitCode: 0 });
    expect(formatSave('edit', 'dataset x', { rel: 'datasets/a.json', written: false, unchanged: true, refused: [], notes: [] }).out).toContain('unchanged');
    const refused = formatSave('annotate', 'annotation 20240017/xps-0001/c-0002', { rel: 'annotations/c5/20240017/xps-0001/c-0002.json', written: false, unchanged: false, refused: [finding], notes: [] });
    expect(refused.exitCode).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('refused, nothing written: the change would bring 1 error into catalog/annotations/c5/20240017/xps-0001/c-0002.json');
    expect(refused.err).toContain('catalog/annotations/c5/20240017/xps-0001/c-0002.json:8:3  /rating  error: "rating" must be <= 5  [schema/maximum]');
    expect(refused.err).toContain('    fix:      Use a value <= 5.');
    expect(refused.err).not.toContain('checked');
  });

  it('prints coded errors in one line and leaves unknown errors to the bug-report path', () => {
    expect(formatKnownError('edit', new CurateError('E_CURATE_NOT_FOUND', 'no record "x"'))).toBe('shelfmark edit: no record "x"\n');
    expect(formatKnownError('edit', new TypeError('boom'))).toBeUndefined();
  });

  it('prints what propose did', () => {
    const summary = { title: 'Update 1 dataset in proposal 20240017: keywords', items: [], counts: { added: {}, updated: {}, removed: {} } };
    const text = formatPropose({
      branch: 'curate/0123456789',
      base: 'main',
      remote: 'origin',
      summary,
      commit: { sha: 'abcdef0123456789', summary },
      pullRequest: { action: 'opened', pr: { number: 7, url: 'https://github.com/o/r/pull/7', title: summary.title, body: '', head: 'curate/0123456789', base: 'main' } },
      ignored: ['README.md'],
    });
    expect(text).toBe(
      [
        '✔ committed abcdef0 on curate/0123456789: Update 1 dataset in proposal 20240017: keywords',
        '✔ pushed curate/0123456789 to origin',
        '✔ opened pull request #7: Update 1 dataset in proposal 20240017: keywords',
        '  https://github.com/o/r/pull/7',
        '• left 1 changed file outside the catalogue alone (README.md)',
        '',
      ].join('\n'),
    );
  });
});
