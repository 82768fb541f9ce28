/**
 * Every reference between records resolves: a dataset's proposal, samples,
 * instrument, techniques, profile and input datasets; a publication's member
 * datasets; an annotation's dataset; a proposal's instruments; a sample's proposal.
 * References are extracted per record during the walk (kept compactly in the
 * index) and checked once every id is known.
 */
import { LayoutError, recordPath, type RecordType } from '../../core/layout.ts';
import { preview } from '../../core/findings.ts';
import { closest } from '../error-map.ts';
import { isObject, type RuleIssue } from './context.ts';

/** One reference from a record: the type it points to, the id, and where it is written. */
export interface Ref {
  target: RecordType;
  id: string;
  pointer: string;
}

function push(refs: Ref[], target: RecordType, value: unknown, pointer: string): void {
  if (typeof value === 'string') refs.push({ target, id: value, pointer });
}

function pushAll(refs: Ref[], target: RecordType, list: unknown, pointer: string, key?: string): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (key === undefined) push(refs, target, item, `${pointer}/${i}`);
    else if (isObject(item)) push(refs, target, item[key], `${pointer}/${i}/${key}`);
  });
}

/** The references a record makes. */
export function extractReferences(type: RecordType, r: Record<string, unknown>): Ref[] {
  const refs: Ref[] = [];
  switch (type) {
    case 'dataset':
      push(refs, 'proposal', r.proposalId, '/proposalId');
      pushAll(refs, 'sample', r.sampleIds, '/sampleIds');
      push(refs, 'instrument', r.instrumentId, '/instrumentId');
      pushAll(refs, 'technique', r.techniques, '/techniques', 'pid');
      push(refs, 'profile', r.metadataProfile, '/metadataProfile');
      pushAll(refs, 'dataset', r.inputDatasets, '/inputDatasets');
      break;
    case 'publication':
      pushAll(refs, 'dataset', r.pidArray, '/pidArray');
      break;
    case 'annotation':
      push(refs, 'dataset', r.datasetPid, '/datasetPid');
      break;
    case 'proposal':
      pushAll(refs, 'instrument', r.instrumentIds, '/instrumentIds');
      break;
    case 'sample':
      push(refs, 'proposal', r.proposalId, '/proposalId');
      break;
    case 'instrument':
      pushAll(refs, 'technique', r.techniques, '/techniques', 'pid');
      break;
    case 'profile':
      if (isObject(r.appliesTo)) {
        pushAll(refs, 'technique', r.appliesTo.techniques, '/appliesTo/techniques');
        pushAll(refs, 'instrument', r.appliesTo.instruments, '/appliesTo/instruments');
      }
      break;
  }
  return refs;
}

const NOUN: Record<RecordType, string> = {
  config: 'config',
  instrument: 'instrument',
  technique: 'technique (PaNET vocabulary entry)',
  profile: 'metadata profile',
  publication: 'publication',
  proposal: 'proposal',
  sample: 'sample',
  dataset: 'dataset',
  annotation: 'annotation',
};

/** The issue for a reference that does not resolve; `known` (small vocabularies only) gives a "did you mean". */
export function danglingReference(ref: Ref, known?: readonly string[]): RuleIssue {
  let where = '';
  try {
    where = ` catalog/${recordPath(ref.target, ref.id)}`;
  } catch (err) {
    if (!(err instanceof LayoutError)) throw err;
  }
  const guess = known ? closest(ref.id, known) : undefined;
  return {
    severity: 'error',
    code: `ref/${ref.target}`,
    pointer: ref.pointer,
    message: `${NOUN[ref.target]} ${preview(ref.id)} does not exist in the catalogue`,
    expected: `the id of an existing ${NOUN[ref.target]}${where ? ` (a file${where})` : ''}`,
    found: preview(ref.id),
    fix: guess
      ? `Did you mean ${preview(guess)}?`
      : where
        ? `Correct the id, or add the missing record at${where}.`
        : 'Correct the id.',
  };
}
