import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError, checkOutDir, REPO_ROOT } from './build.ts';

describe('checkOutDir', () => {
  const catalog = join(REPO_ROOT, 'catalog');
  it('accepts a folder of its own', () => {
    expect(() => checkOutDir(join(REPO_ROOT, 'dist'), catalog)).not.toThrow();
    expect(() => checkOutDir('/tmp/site-out', catalog)).not.toThrow();
  });
  it('refuses a folder whose emptying would delete the catalogue or the repository', () => {
    for (const bad of [catalog, REPO_ROOT, join(REPO_ROOT, '..'), '/']) expect(() => checkOutDir(bad, catalog), bad).toThrow(BuildError);
  });
});
