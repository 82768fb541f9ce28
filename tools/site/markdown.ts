/**
 * Markdown from records (descriptions, abstracts, comments, instrument pages)
 * rendered to HTML that is safe to inline: remark parses (with GFM tables),
 * rehype-sanitize strips scripts, event handlers and javascript: URLs.
 */
import type { Processor } from 'unified';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import matter from 'gray-matter';

let processor: Processor<any, any, any, any, string> | undefined;

/** Sanitised HTML for a Markdown string ('' for a missing or non-string value). */
export function markdownToHtml(markdown: unknown): string {
  if (typeof markdown !== 'string' || markdown.trim() === '') return '';
  processor ??= remark().use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
  return String(processor.processSync(markdown));
}

/** A Markdown file with YAML front matter (instrument descriptions): its data and its body as sanitised HTML. */
export function markdownFileToHtml(text: string): { data: Record<string, unknown>; html: string } {
  const parsed = matter(text);
  return { data: parsed.data as Record<string, unknown>, html: markdownToHtml(parsed.content) };
}
