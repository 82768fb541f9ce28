/**
 * A finding is what every checker returns (validators return data, never print):
 * the CLI groups findings by file and formats them as text, JSON or GitHub
 * annotations, and sets the exit code from their severities.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Stable machine code, e.g. `schema/required`, `ref/proposal`, `json/syntax`. */
  code: string;
  /** Path of the file, relative to the current directory where possible (POSIX separators). */
  file: string;
  /** JSON pointer inside the file (RFC 6901), when the finding is about one value. */
  pointer?: string;
  /** 1-based line and column of the value, when known. */
  line?: number;
  column?: number;
  /** One sentence: what is wrong. */
  message: string;
  /** What was expected, e.g. `an energy unit such as eV or keV`. */
  expected?: string;
  /** What was found, truncated to a readable length. */
  found?: string;
  /** How to fix it. */
  fix?: string;
}

/** Shortens a value for display in a message. */
export function preview(value: unknown, max = 80): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');
