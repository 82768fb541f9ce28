import { describe, expect, it } from 'vitest';
import { countKeysInText, parseJsonBytes, parseJsonText, pointerSegments, toPointer } from './json-source.ts';

const codes = (text: string) => parseJsonText(text, 'r.json').findings.map((f) => f.code);

describe('parseJsonText', () => {
  it('parses a record with no findings', () => {
    const src = parseJsonText('{"a": 1, "b": {"c": [1, 2]}}', 'r.json');
    expect(src.findings).toEqual([]);
    expect(src.value).toEqual({ a: 1, b: { c: [1, 2] } });
  });

  it('reports malformed JSON with line and column', () => {
    const text = '{\n  "a": 1,\n  "b": 2,\n}\n';
    const [f] = parseJsonText(text, 'r.json').findings;
    expect(f).toMatchObject({ code: 'json/syntax', file: 'r.json', line: 4, column: 1, severity: 'error' });
    expect(f?.message).toMatch(/^invalid JSON: /);
    expect(f?.fix).toContain('line 4, column 1');
  });

  it('reports a truncated file at its end', () => {
    const [f] = parseJsonText('{\n  "a": [1,\n', 'r.json').findings;
    expect(f).toMatchObject({ code: 'json/syntax', found: 'end of file' });
    expect(f?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a byte order mark and still parses the rest', () => {
    const src = parseJsonText('\uFEFF{"a": 1}', 'r.json');
    expect(src.findings.map((f) => f.code)).toEqual(['json/bom']);
    expect(src.value).toEqual({ a: 1 });
  });

  it('reports an empty or blank file', () => {
    expect(codes('')).toEqual(['json/empty']);
    expect(codes('  \n')).toEqual(['json/empty']);
  });

  it('reports a record that is not an object', () => {
    expect(codes('[{"a": 1}]')).toEqual(['json/not-object']);
    expect(codes('"text"')).toEqual(['json/not-object']);
    expect(codes('null')).toEqual(['json/not-object']);
  });

  it('reports duplicate keys with pointer and position', () => {
    const text = '{\n  "a": {\n    "x": 1,\n    "x": 2\n  },\n  "b": "k\\": v"\n}';
    const f = parseJsonText(text, 'r.json').findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'json/duplicate-key', pointer: '/a/x', line: 4, column: 5 });
  });

  it('does not mistake colons or escaped quotes inside strings for keys', () => {
    expect(codes('{"a": "x: y", "b": "say \\"c\\": d", "c": "\\\\", "d": ":"}')).toEqual([]);
    expect(countKeysInText('{"a": "x: y", "b": "\\"q\\": 1", "c": ["::", {"d": 1}]}')).toBe(4);
  });

  it('locates a value, a missing child (at its parent) and array items', () => {
    const text = '{\n  "a": {\n    "b": [\n      {"c": 1},\n      {"c": 2}\n    ]\n  }\n}';
    const src = parseJsonText(text, 'r.json');
    expect(src.locate('/a/b/1/c')).toEqual({ line: 5, column: 8 });
    expect(src.locate('/a/b/1')).toEqual({ line: 5, column: 7 });
    expect(src.locate('/a/missing')).toEqual({ line: 2, column: 3 });
    expect(src.locate('')).toEqual({ line: 1, column: 1 });
  });
});

describe('parseJsonBytes', () => {
  it('refuses a file over the size limit without parsing it', () => {
    const bytes = Buffer.from(`{"a": "${'x'.repeat(2000)}"}`);
    const src = parseJsonBytes(bytes, 'big.json', { maxBytes: 1000 });
    expect(src.findings.map((f) => f.code)).toEqual(['json/too-large']);
    expect(src.value).toBeUndefined();
    expect(parseJsonBytes(bytes, 'big.json').findings).toEqual([]);
  });
  it('reports bytes that are not UTF-8', () => {
    const src = parseJsonBytes(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), 'l1.json');
    expect(src.findings.map((f) => f.code)).toEqual(['json/encoding']);
  });
});

describe('pointers', () => {
  it('escapes and unescapes ~ and /', () => {
    expect(toPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(pointerSegments('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
  });
});
