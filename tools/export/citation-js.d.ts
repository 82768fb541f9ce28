// citation-js 0.8 ships no types; this is the part of its API that citation.ts uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string | object;
  }
  export const plugins: {
    output: { format(format: string, data: unknown[], options?: Record<string, unknown>): string | object };
    /** `clean` is what `Cite#format` applies to its data before formatting. */
    input: { util: { clean(data: unknown[]): unknown[] } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
