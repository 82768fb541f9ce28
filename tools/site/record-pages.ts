/** Small helpers of the non-dataset record pages. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownFileToHtml } from './markdown.ts';

/** The sanitised HTML of an instrument's `<id>.md` (front matter stripped), or '' when there is none. */
export function instrumentDescription(root: string, rel: string): string {
  const md = join(root, rel.replace(/\.json$/, '.md'));
  if (!existsSync(md)) return '';
  return markdownFileToHtml(readFileSync(md, 'utf8')).html;
}
