/** Text output of `shelfmark publish` and `shelfmark doi`: the core returns data, this turns it into lines. */
import type { PublishResult } from '../../publish/publish.ts';
import type { DoiResult } from '../../publish/doi.ts';
import { formatText } from './findings.ts';

/** Lines for a publish run, and the exit code (1 when validation refused the write). */
export function formatPublish(r: PublishResult, catalog: string): { out: string; err: string; exitCode: number } {
  if (!r.written) {
    const err = formatText(r.refused, { files: r.refused.length, records: 1 }) + `shelfmark publish: nothing written; the new record would not validate (findings above). This is a bug when the datasets themselves validate: please report it.\n`;
    return { out: '', err, exitCode: 1 };
  }
  const lines: string[] = [];
  if (r.concept) lines.push(`concept DOI ${r.concept.doi} (draft), lists every version, written to ${catalog}/${r.concept.rel}`);
  const p = r.publication.record;
  lines.push(
    `draft ${p.doi}${p.version ? ` (version ${p.version} of ${p.conceptDoi})` : ''} written to ${catalog}/${r.publication.rel}`,
    `  "${p.title}", ${p.pidArray.length} ${p.pidArray.length === 1 ? 'dataset' : 'datasets'}, ${p.creators.length} ${p.creators.length === 1 ? 'creator' : 'creators'}`,
  );
  if (r.commit) lines.push(`  committed ${r.commit.slice(0, 12)}`);
  lines.push(`next: review the record, then "shelfmark doi register ${p.doi}" (resolvable) or "shelfmark doi publish ${p.doi}" (findable)`);
  return { out: `${lines.join('\n')}\n`, err: '', exitCode: 0 };
}

/** Lines for a DOI action; a dry run prints the request and its JSON body. */
export function formatDoi(r: DoiResult): string {
  if (r.dryRun)
    return `dry run, nothing sent: ${r.request.method} ${r.request.path} (a real run GETs the DOI first and sends PUT when DataCite knows it)\n${JSON.stringify(r.request.body, null, 2)}\n`;
  const lines = [
    `${r.doi}: ${r.remoteBefore ?? 'unknown at DataCite'} → ${r.state} (${r.request.method} ${r.request.path}${(r.request.body.data.attributes.event as string | undefined) ? `, event ${String(r.request.body.data.attributes.event)}` : ''})`,
    `  landing page ${r.url}`,
    `  record ${r.written ? `updated (status ${r.state})` : 'already up to date'}${r.commit ? `, committed ${r.commit.slice(0, 12)}` : ''}`,
  ];
  const out = `${lines.join('\n')}\n`;
  return r.concept ? out + formatDoi(r.concept).replace(/^/, 'concept ') : out;
}

/** A known error (publishing, DataCite, git, suffix) as one message; undefined for an internal error. */
export function formatPublishError(command: string, err: unknown): string | undefined {
  const code = err instanceof Error && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (typeof code === 'string' && /^E_(PUBLISH|DATACITE|DOI|GIT|LAYOUT)/.test(code)) return `shelfmark ${command}: ${err instanceof Error ? err.message : String(err)}\n`;
  return undefined;
}
