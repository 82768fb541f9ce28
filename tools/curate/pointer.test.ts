import { describe, expect, it } from 'vitest';
import { getAt, setAt, unsetAt } from './pointer.ts';
import { CurateError } from './errors.ts';

const doc = { a: { b: [1, 2, 3] }, 'x/y': { '~t': 1 }, s: 'text' };

describe('JSON pointer edits', () => {
  it('sets values without touching the original, creating missing groups and appending with -', () => {
    const out = setAt(doc, '/a/b/1', 20);
    expect(out.a.b).toEqual([1, 20, 3]);
    expect(doc.a.b).toEqual([1, 2, 3]);
    expect(getAt(setAt(doc, '/a/b/-', 4), '/a/b')).toEqual([1, 2, 3, 4]);
    expect(getAt(setAt(doc, '/new/group/value', 5), '/new')).toEqual({ group: { value: 5 } });
    expect(getAt(setAt(doc, '/x~1y/~0t', 2), '/x~1y')).toEqual({ '~t': 2 });
  });

  it('removes object members and array items', () => {
    expect(unsetAt(doc, '/s')).not.toHaveProperty('s');
    expect(getAt(unsetAt(doc, '/a/b/0'), '/a/b')).toEqual([2, 3]);
  });

  it('refuses pointers that do not fit the record, naming where', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(CurateError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(err(() => setAt(doc, 'keywords', 1))).toContain('must start with "/"');
    expect(err(() => setAt(doc, '/s/inner', 1))).toContain('/s holds "text"');
    expect(err(() => setAt(doc, '/a/b/7', 1))).toContain('index 7 is past the end of an array of 3 items');
    expect(err(() => unsetAt(doc, '/missing'))).toContain('/missing: nothing there to remove');
    expect(err(() => unsetAt(doc, '/a/b/-'))).toContain('not an array index');
    expect(err(() => setAt(doc, '', 1))).toContain('whole record');
    expect(err(() => setAt(doc, '/a~2', 1))).toContain('~0');
  });
});
