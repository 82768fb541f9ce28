import { describe, expect, it } from 'vitest';
import type { CatalogDiff } from './catalog-diff.ts';
import { cell, diffToMarkdown } from './markdown.ts';

const sha = (c: string) => c.repeat(40);
const empty = (): CatalogDiff => ({ base: { rev: 'main', sha: sha('a') }, head: { rev: 'HEAD', sha: sha('b') }, from: sha('a'), records: [], otherFiles: [] });

describe('diffToMarkdown (pure)', () => {
  it('says so when nothing under the catalogue changed', () => {
    expect(diffToMarkdown(empty())).toBe('<!-- shelfmark:diff -->\n## Catalogue changes\n\n`aaaaaaa` → `bbbbbbb`: no changes under the catalogue.\n');
  });

  it('shows a rename with both paths, and escapes Markdown in values', () => {
    const d = empty();
    d.records.push({
      type: 'sample',
      id: '20240017-s01',
      status: 'renamed',
      path: 'catalog/samples/c5/20240017-s02.json',
      oldPath: 'catalog/samples/c5/20240017-s01.json',
      title: 'Ag | *bold* <b>',
      changes: [{ op: 'change', pointer: '/name', old: 'a|b', new: 'c\nd', label: 'Name' }],
      validation: { status: 'warnings', findings: [{ severity: 'warning', code: 'x/y', pointer: '/name', message: 'odd' }] },
    });
    const md = diffToMarkdown(d);
    expect(md).toContain('#### 🔀 Renamed `20240017-s01` — Ag \\| \\*bold\\* &lt;b>');
    expect(md).toContain('`catalog/samples/c5/20240017-s01.json` → `catalog/samples/c5/20240017-s02.json` · ⚠️ warnings');
    expect(md).toContain('| Name<br>`/name` | a\\|b | c d |');
    expect(md).toContain('- ⚠️ `/name`: odd `x/y`');
  });

  it('escapes table and HTML characters in cells', () => {
    expect(cell('a|b<c>\n_d_')).toBe('a\\|b&lt;c> \\_d\\_');
  });
});
