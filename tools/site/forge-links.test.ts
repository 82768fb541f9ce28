import { describe, expect, it } from 'vitest';
import { commitUrl, editUrl } from './forge-links.ts';

describe('forge links', () => {
  const rel = 'datasets/c5/20240017/tomo-0001.json';
  it('spells the editor URL per forge', () => {
    expect(editUrl({ kind: 'github', url: 'https://github.com', repository: 'o/r', branch: 'main' }, { rel })).toBe(
      'https://github.com/o/r/edit/main/catalog/datasets/c5/20240017/tomo-0001.json',
    );
    expect(editUrl({ kind: 'gitlab', url: 'https://gitlab.example/', repository: 'g/r', branch: 'dev' }, { rel })).toBe(
      'https://gitlab.example/g/r/-/edit/dev/catalog/datasets/c5/20240017/tomo-0001.json',
    );
    expect(editUrl({ kind: 'gitea', url: 'https://gitea.example', repository: 'o/r', branch: 'main' }, { rel, catalogDir: '' })).toBe(
      'https://gitea.example/o/r/_edit/main/datasets/c5/20240017/tomo-0001.json',
    );
  });
  it('fills an edit URL template with the repository path and the ids', () => {
    const forge = { kind: 'github' as const, editUrlTemplate: 'https://f.example/edit/{path}?pid={pid}' };
    expect(editUrl(forge, { rel, pid: '20.500.1/20240017/tomo-0001' })).toBe(
      `https://f.example/edit/catalog/${rel}?pid=20.500.1/20240017/tomo-0001`,
    );
    // A template that already names the catalogue folder gets the path under it, not catalog/catalog/.
    expect(editUrl({ kind: 'github', editUrlTemplate: 'https://github.com/o/r/edit/main/catalog/{path}' }, { rel })).toBe(
      `https://github.com/o/r/edit/main/catalog/${rel}`,
    );
  });
  it('links commits, and gives nothing without a forge', () => {
    expect(commitUrl({ kind: 'gitlab', url: 'https://gl', repository: 'a/b' }, 'abc')).toBe('https://gl/a/b/-/commit/abc');
    expect(commitUrl({ kind: 'github', url: 'https://github.com', repository: 'a/b' }, 'abc')).toBe('https://github.com/a/b/commit/abc');
    expect(editUrl(undefined, { rel })).toBeUndefined();
    expect(editUrl({ kind: 'none', url: 'https://x', repository: 'a/b' }, { rel })).toBeUndefined();
    expect(commitUrl({ kind: 'github' }, 'abc')).toBeUndefined();
  });
});
