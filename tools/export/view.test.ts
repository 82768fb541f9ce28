import { describe, expectTypeOf, it } from 'vitest';
import type * as Generated from '../core/types.generated.ts';
import type * as View from './view.ts';

// The view types are hand-written subsets; these checks (run by `npm run
// typecheck`) keep them in step with the types generated from the schemas, so a
// schema change that the exporters would misread fails the build.
describe('view types accept the generated record types', () => {
  it('compiles', () => {
    expectTypeOf<Generated.DatasetRecord>().toExtend<View.DatasetRecord>();
    expectTypeOf<Generated.PublicationRecord>().toExtend<View.PublicationRecord>();
    expectTypeOf<Generated.ProposalRecord>().toExtend<View.ProposalRecord>();
    expectTypeOf<Generated.SampleRecord>().toExtend<View.SampleRecord>();
    expectTypeOf<Generated.InstrumentRecord>().toExtend<View.InstrumentRecord>();
    expectTypeOf<Generated.TechniqueRecord>().toExtend<View.TechniqueRecord>();
    expectTypeOf<Generated.CatalogConfig>().toExtend<View.ConfigRecord>();
    expectTypeOf<Generated.Person>().toExtend<View.PersonRecord>();
  });
});
