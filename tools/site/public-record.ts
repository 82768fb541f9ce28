/**
 * The record as published beside its landing page (`record.json`). It is the
 * stored record, less what a public web page should not spread: the personal
 * e-mail addresses of creators, investigators and members (`contactEmail`, the
 * address a record names for enquiries, stays). Harvesters copy these files.
 */
export function publicRecordJson(record: unknown): string {
  return `${JSON.stringify(record, (key, value: unknown) => (key === 'email' ? undefined : value), 2)}\n`;
}
