/**
 * The compact index the cross-record rules need: which ids exist (and in which
 * file), and the references each reported record makes. Records themselves are
 * not kept, so memory grows with the number of ids, not with record sizes.
 */
import type { RecordType } from '../core/layout.ts';
import type { IndexEntry } from './validate-file.ts';
import { danglingReference } from './rules/references.ts';
import { duplicateId, idKey } from './rules/unique-ids.ts';
import type { RuleIssue } from './rules/context.ts';

/** An issue found after the walk, for a file (relative to the catalogue root). */
export interface CrossIssue {
  rel: string;
  issue: RuleIssue;
}

// Vocabularies small enough to suggest "did you mean" from.
const SMALL: ReadonlySet<RecordType> = new Set(['instrument', 'technique', 'profile']);

export class CatalogIndex {
  private readonly ids = new Map<RecordType, Map<string, string>>();
  /** Flat [rel, target, id, pointer] quadruples: fewer objects than one per reference. */
  private readonly refs: string[] = [];
  /** Files claiming an id already taken, to be sorted out after the walk (worker order is not file order). */
  private readonly dups: { type: RecordType; key: string; id: string; rel: string; report: boolean }[] = [];
  private readonly reportedRels = new Set<string>();

  /** Adds a record; `report` says whether its own problems are wanted. */
  add(entry: IndexEntry, report: boolean): void {
    if (entry.id !== undefined && entry.type !== 'config') {
      let byId = this.ids.get(entry.type);
      if (!byId) this.ids.set(entry.type, (byId = new Map()));
      const key = idKey(entry.type, entry.id);
      const first = byId.get(key);
      if (first === undefined) byId.set(key, entry.rel);
      else this.dups.push({ type: entry.type, key, id: entry.id, rel: entry.rel, report });
      if (report) this.reportedRels.add(entry.rel);
    }
    if (report) for (const r of entry.refs) this.refs.push(entry.rel, r.target, r.id, r.pointer);
  }

  has(type: RecordType, id: string): boolean {
    return this.ids.get(type)?.has(idKey(type, id)) ?? false;
  }

  /** Every file but the first (in path order) that claims an id another file has. */
  duplicateIds(): CrossIssue[] {
    const out: CrossIssue[] = [];
    const groups = new Map<string, { type: RecordType; id: string; rels: string[] }>();
    for (const d of this.dups) {
      const k = `${d.type}\0${d.key}`;
      const g = groups.get(k) ?? { type: d.type, id: d.id, rels: [this.ids.get(d.type)!.get(d.key)!] };
      g.rels.push(d.rel);
      groups.set(k, g);
    }
    for (const g of groups.values()) {
      const [first, ...rest] = g.rels.sort();
      for (const rel of rest) {
        if (this.reportedRels.has(rel)) out.push({ rel, issue: duplicateId(g.type, g.id, `catalog/${first}`) });
      }
    }
    return out;
  }

  /** Checks every stored reference against the ids seen; call once after the walk. */
  checkReferences(): CrossIssue[] {
    const out: CrossIssue[] = [];
    for (let i = 0; i < this.refs.length; i += 4) {
      const [rel, target, id, pointer] = this.refs.slice(i, i + 4) as [string, RecordType, string, string];
      if (this.has(target, id)) continue;
      const known = SMALL.has(target) ? [...(this.ids.get(target)?.keys() ?? [])] : undefined;
      out.push({ rel, issue: danglingReference({ target, id, pointer }, known) });
    }
    return out;
  }
}
