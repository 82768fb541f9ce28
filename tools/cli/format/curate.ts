/**
 * Text for the curation commands (edit, annotate, embargo, propose). Pure:
 * returns strings; the command writes them and sets the exit code.
 */
import { styleText } from 'node:util';
import type { Finding } from '../../core/findings.ts';
import { formatText } from './findings.ts';

/** What a save (curation write) came back with; see tools/curate/store.ts. */
export interface SaveOutcome {
  rel: string;
  written: boolean;
  unchanged: boolean;
  refused: Finding[];
  notes: Finding[];
}

/** Findings in the validator's layout, without its "files checked" summary line. */
export function formatFindings(findings: readonly Finding[], color: boolean): string {
  const text = formatText(findings, { files: 1, records: 1 }, { color });
  const lines = text.trimEnd().split('\n');
  return lines.length > 1 ? `${lines.slice(0, -2).join('\n')}\n` : '';
}

/** `written catalog/…` / `unchanged …` / a refusal with its findings. Returns stdout, stderr and the exit code. */
export function formatSave(command: string, what: string, r: SaveOutcome, opts: { color?: boolean; catalog?: string } = {}): { out: string; err: string; exitCode: number } {
  const color = opts.color ?? false;
  const paint = (f: Parameters<typeof styleText>[0], t: string) => (color ? styleText(f, t, { validateStream: false }) : t);
  const path = `${opts.catalog ?? 'catalog'}/${r.rel}`;
  if (r.refused.length > 0) {
    const n = r.refused.length;
    return {
      out: '',
      err:
        `${paint('red', '✖')} shelfmark ${command}: ${what} refused, nothing written: the change would bring ${n} error${n === 1 ? '' : 's'} into ${path}\n\n` +
        formatFindings([...r.refused, ...r.notes], color) +
        '\nFix the values and run the command again.\n',
      exitCode: 1,
    };
  }
  const notes = r.notes.length ? `\n${formatFindings(r.notes, color)}` : '';
  if (r.unchanged) return { out: `${paint('dim', '=')} ${path} unchanged: it already holds these values\n${notes}`, err: '', exitCode: 0 };
  return { out: `${paint('green', '✔')} ${what}: wrote ${path}\n${notes}`, err: '', exitCode: 0 };
}

/** A curation or forge error with a code: one line, no stack. */
export function formatKnownError(command: string, err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string' && /^E_(CURATE|FORGE|GIT|LAYOUT)/.test((err as { code: string }).code))
    return `shelfmark ${command}: ${err.message}\n`;
  return undefined;
}
