import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempRepo } from '../git/test-utils.ts';
import { gitUserName } from './author.ts';

afterAll(cleanupAll);

describe('gitUserName', () => {
  it("reads the repository's user.name, the name its commits carry", async () => {
    const repo = await makeTempRepo();
    await repo.git('config', 'user.name', 'Anna Svensson');
    expect(await gitUserName(repo.dir)).toBe('Anna Svensson');
  });

  it('gives undefined where git cannot run', async () => {
    expect(await gitUserName('/nonexistent/folder')).toBeUndefined();
  });
});
