/**
 * `scientificMetadata` (and `sampleCharacteristics`) as rows of a readable
 * table: the human name and the key, the value, the unit; groups become
 * heading rows with their entries indented beneath. Long arrays are cut so a
 * landing page stays small; the full values are in the record's JSON export.
 */

export interface MetadataRow {
  /** `/`-separated path of the entry inside the tree. */
  key: string;
  /** Human-readable name (`name` of the entry), or the last key segment. */
  label: string;
  /** 0 for top-level entries. */
  depth: number;
  /** True for a group heading (no value). */
  group: boolean;
  value: string;
  unit: string;
}

/** At most this many array items are shown; the rest are counted. */
export const MAX_ARRAY_ITEMS = 8;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value (scalar or array) as text. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ARRAY_ITEMS).map(formatValue).join(', ');
    return value.length > MAX_ARRAY_ITEMS ? `${shown}, … (${value.length} values)` : shown;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === undefined) return '';
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

/** Flattens a metadata tree into table rows, keeping the record's key order. */
export function metadataRows(tree: unknown, prefix = '', depth = 0): MetadataRow[] {
  if (!isObject(tree)) return [];
  const rows: MetadataRow[] = [];
  for (const [k, entry] of Object.entries(tree)) {
    const key = prefix ? `${prefix}/${k}` : k;
    if (isObject(entry) && 'value' in entry) {
      rows.push({ key, label: labelOf(entry, k), depth, group: false, value: formatValue(entry.value), unit: unitOf(entry) });
    } else if (isObject(entry) && 'min' in entry && 'max' in entry) {
      const value = `${formatValue(entry.min)} – ${formatValue(entry.max)}`;
      rows.push({ key, label: labelOf(entry, k), depth, group: false, value, unit: unitOf(entry) });
    } else if (isObject(entry)) {
      // A group's `name` would be one of its entries, not its label.
      rows.push({ key, label: k, depth, group: true, value: '', unit: '' });
      rows.push(...metadataRows(entry, key, depth + 1));
    } else {
      rows.push({ key, label: k, depth, group: false, value: formatValue(entry), unit: '' });
    }
  }
  return rows;
}

function labelOf(entry: Record<string, unknown>, key: string): string {
  return typeof entry.name === 'string' && entry.name.trim() ? entry.name : key;
}

function unitOf(entry: Record<string, unknown>): string {
  return typeof entry.unit === 'string' ? entry.unit : '';
}

/** Every key and value of the tree as plain text, for the search index. */
export function metadataText(tree: unknown): string {
  return metadataRows(tree)
    .map((r) => [r.label !== r.key.split('/').pop() ? r.label : '', r.key.split('/').pop(), r.value, r.unit].filter(Boolean).join(' '))
    .join('\n');
}
