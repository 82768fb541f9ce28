import { describe, expect, it } from 'vitest';
import { effectiveStatus, isPublic, isVisible } from './public-gate.ts';

const now = new Date('2026-01-01T00:00:00Z');

describe('isPublic', () => {
  it('shows public and restricted metadata', () => {
    expect(isPublic({ access: { status: 'public' } }, now)).toBe(true);
    expect(isPublic({ access: { status: 'restricted', reason: 'partner' } }, now)).toBe(true);
  });
  it('hides an embargo that has not ended, and shows one that has', () => {
    expect(isPublic({ access: { status: 'embargoed', embargoedUntil: '2026-01-02' } }, now)).toBe(false);
    expect(isPublic({ access: { status: 'embargoed', embargoedUntil: '2025-12-31' } }, now)).toBe(true);
  });
  it('hides what it cannot read: no access block, no end date, a broken date', () => {
    expect(isPublic({} as Parameters<typeof isPublic>[0], now)).toBe(false);
    expect(isPublic({ access: { status: 'embargoed' } }, now)).toBe(false);
    expect(isPublic({ access: { status: 'embargoed', embargoedUntil: 'soon' } }, now)).toBe(false);
    expect(isPublic({ access: { status: 'secret' as 'public' } }, now)).toBe(false);
  });
  it('lets an internal build see everything', () => {
    expect(isVisible({ access: { status: 'embargoed' } }, { now, includeEmbargoed: true })).toBe(true);
    expect(isVisible({ access: { status: 'embargoed' } }, { now, includeEmbargoed: false })).toBe(false);
  });
  it('reads an ended embargo as public', () => {
    expect(effectiveStatus({ access: { status: 'embargoed', embargoedUntil: '2025-01-01' } }, now)).toBe('public');
    expect(effectiveStatus({ access: { status: 'embargoed', embargoedUntil: '2027-01-01' } }, now)).toBe('embargoed');
    expect(effectiveStatus({ access: { status: 'restricted' } }, now)).toBe('restricted');
  });
});
