/** Text for `shelfmark propose`: what was committed, pushed and opened. Pure. */
import type { ProposeResult } from '../../curate/propose/propose.ts';

export function formatPropose(r: ProposeResult): string {
  const lines: string[] = [];
  if (r.plan) {
    lines.push(r.plan.commitTitle !== undefined ? `would commit on ${r.branch}: ${r.plan.commitTitle}` : `would propose branch ${r.branch} as it is`);
    lines.push(`would push ${r.branch} to ${r.remote}`);
    const pr = r.plan.pullRequest;
    lines.push(
      pr.action === 'open'
        ? `would open a pull request into ${r.base}: ${r.summary.title}`
        : pr.action === 'update'
          ? `would update pull request #${pr.number}: ${pr.url}`
          : 'would print git request-pull (no forge configured)',
    );
    lines.push('(dry run: nothing was changed)');
    return `${lines.join('\n')}\n`;
  }
  if (r.commit) lines.push(`✔ committed ${r.commit.sha.slice(0, 7)} on ${r.branch}: ${r.commit.summary.title}`);
  else lines.push(`• nothing new to commit; proposing branch ${r.branch} as it is`);
  lines.push(`✔ pushed ${r.branch} to ${r.remote}`);
  if (r.pullRequest) {
    const { action, pr } = r.pullRequest;
    lines.push(`✔ ${action} pull request #${pr.number}: ${pr.title}`, `  ${pr.url}`);
  }
  if (r.ignored.length) lines.push(`• left ${r.ignored.length} changed file${r.ignored.length === 1 ? '' : 's'} outside the catalogue alone (${r.ignored.slice(0, 3).join(', ')}${r.ignored.length > 3 ? ', …' : ''})`);
  let out = `${lines.join('\n')}\n`;
  if (r.requestPull !== undefined) out += `\nNo forge is configured (config.json "forge"); send this to a maintainer:\n\n${r.requestPull}`;
  return out;
}
