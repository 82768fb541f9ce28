import { describe, expect, it } from 'vitest';
import { commitUrl, editUrl } from './forge-links.ts';

describe('forge links', () => {
  const rel = 'datasets/c5/20240017/tomo-0001.json';
  it('spells the editor URL per forge', () => {
    expect(editUrl({ kind: 'github', url: 'https://github.com', repo: 'o/r' }, rel)).toBe(
      'https://github.com/o/r/edit/main/catalog/datasets/c5/20240017/tomo-0001.json',
    );
    expect(editUrl({ kind: 'gitlab', url: 'https://gitlab.example/', repo: 'g/r', branch: 'dev' }, rel)).toBe(
      'https://gitlab.example/g/r/-/edit/dev/catalog/datasets/c5/20240017/tomo-0001.json',
    );
    expect(editUrl({ kind: 'gitea', url: 'https://gitea.example', repo: 'o/r', catalogPath: '' }, rel)).toBe(
      'https://gitea.example/o/r/_edit/main/datasets/c5/20240017/tomo-0001.json',
    );
  });
  it('links commits, and gives nothing without a forge', () => {
    expect(commitUrl({ kind: 'gitlab', url: 'https://gl', repo: 'a/b' }, 'abc')).toBe('https://gl/a/b/-/commit/abc');
    expect(commitUrl({ url: 'https://github.com', repo: 'a/b' }, 'abc')).toBe('https://github.com/a/b/commit/abc');
    expect(editUrl(undefined, rel)).toBeUndefined();
    expect(commitUrl({ kind: 'github' }, 'abc')).toBeUndefined();
  });
});
