// [#14] Drafts: kept per meeting, round and deputy; a stale or foreign shape is ignored; pruning
// keeps only the open round's slices and never touches other keys (the outbox, the language).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { draftKey, pruneDrafts, readDraft, writeDraft, type DraftStorage } from './drafts.js';

class Mem implements DraftStorage {
  readonly m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

const Rating = z.object({ at: z.number().int(), values: z.record(z.string(), z.union([z.string(), z.number()])) });

describe('[#14] drafts', () => {
  it('round-trip under meeting, round and deputy; another deputy or round sees nothing', () => {
    const s = new Mem();
    const k = `${draftKey('demo', 'r1', 'd001')}.rating`;
    writeDraft(s, k, { at: 3, values: { s1: 'satisfied', s2: 'basic' } });
    expect(readDraft(s, k, Rating)).toEqual({ at: 3, values: { s1: 'satisfied', s2: 'basic' } });
    expect(readDraft(s, `${draftKey('demo', 'r1', 'd002')}.rating`, Rating)).toBeNull();
    expect(readDraft(s, `${draftKey('demo', 'r2', 'd001')}.rating`, Rating)).toBeNull();
  });

  it('a draft that no longer parses (or is not JSON) is ignored, not thrown', () => {
    const s = new Mem();
    s.setItem('wz.draft.x', '{"at":"three"}');
    s.setItem('wz.draft.y', '{not json');
    expect(readDraft(s, 'wz.draft.x', Rating)).toBeNull();
    expect(readDraft(s, 'wz.draft.y', Rating)).toBeNull();
  });

  it('pruning keeps the open round’s slices and every key that is not a draft', () => {
    const s = new Mem();
    const open = draftKey('demo', 'r2', 'd001');
    writeDraft(s, `${draftKey('demo', 'r1', 'd001')}.picks`, ['a']);
    writeDraft(s, `${open}.picks`, ['b']);
    writeDraft(s, `${open}.confirming`, true);
    s.setItem('wz.outbox.tok', '[]');
    s.setItem('wz.lang.deputy', 'en');
    pruneDrafts(s, open);
    expect([...s.m.keys()].sort()).toEqual([`${open}.confirming`, `${open}.picks`, 'wz.lang.deputy', 'wz.outbox.tok']);
    pruneDrafts(s, null);
    expect([...s.m.keys()].sort()).toEqual(['wz.lang.deputy', 'wz.outbox.tok']);
  });

  it('a full or disabled storage loses the draft quietly', () => {
    const s = new Mem();
    s.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => writeDraft(s, 'wz.draft.k', 1)).not.toThrow();
  });
});
