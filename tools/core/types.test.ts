import { describe, expect, it } from 'vitest';
import { bundleSchemas, generateTypes } from './generate-types.ts';

describe('types.generated.ts', () => {
  it('matches what the schemas generate now', async () => {
    const source = await generateTypes();
    await expect(source, 'tools/core/types.generated.ts is out of date with schemas/: run npm run gen:types').toMatchFileSnapshot(
      './types.generated.ts',
    );
  });

  it('is deterministic', async () => {
    expect(await generateTypes()).toBe(await generateTypes());
  });

  it('exports one type per record and the shared shapes', async () => {
    const source = await generateTypes();
    const exported = new Set([...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]));
    for (const name of [
      'DatasetRecord', 'ProposalRecord', 'SampleRecord', 'InstrumentRecord', 'TechniqueRecord', 'ProfileRecord',
      'PublicationRecord', 'AnnotationRecord', 'CatalogConfig', 'ShelfmarkRecord', 'Person', 'Affiliation',
      'ScientificMetadata', 'MetadataEntry', 'Quantity', 'MetadataRange', 'MetadataGroup', 'TechniqueRef',
      'FundingReference', 'FileManifest', 'Attachment', 'DatasetAccess', 'ProfileField', 'Dimension',
    ])
      expect(exported, name).toContain(name);
    // Unnamed string definitions are inlined and `$ref`s with siblings do not spawn numbered copies.
    expect([...exported].filter((n) => /^Common_|\d$/.test(n!))).toEqual([]);
  });
});

describe('bundleSchemas', () => {
  it('leaves only local refs, each to a definition that exists', () => {
    const bundle = bundleSchemas();
    const defs = bundle.$defs as Record<string, unknown>;
    const refs = [...JSON.stringify(bundle).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/\$defs\//);
      expect(defs, ref).toHaveProperty([ref.slice('#/$defs/'.length)]);
    }
  });
});
