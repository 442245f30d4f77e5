// What a deputy has chosen but not yet submitted: the ticks on a project ballot, the marks of
// 逐项表决, each step of a rating and where they were, the motion choice awaiting 确认. Kept in
// localStorage under the meeting, the round and the deputy, so a reload (or WeChat dropping
// the page in the background) brings the deputy back to the same screen with every choice.
// Cleared once the ballot is on record or the round is over: a draft never outlives its round.
// The store is DOM-free (storage injected) for drafts.test.ts; useDraft binds it to React.
import { createContext, useCallback, useContext, useState } from 'react';
import type { z } from 'zod';

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(i: number): string | null;
  readonly length: number;
}

const PREFIX = 'wz.draft.';

export const draftKey = (meetingId: string, roundId: string, deputyId: string): string => `${PREFIX}${meetingId}.${roundId}.${deputyId}`;

/** The stored draft if it still parses as this ballot's shape (an old or foreign one does not). */
export function readDraft<T>(storage: DraftStorage, key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeDraft(storage: DraftStorage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the draft lasts for this page only */
  }
}

/** Remove every draft but those under `keep` (the open round's key, if any). */
export function pruneDrafts(storage: DraftStorage, keep: string | null): void {
  try {
    const gone: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const k = storage.key(i);
      const kept = keep !== null && (k === keep || k?.startsWith(`${keep}.`));
      if (k !== null && k.startsWith(PREFIX) && !kept) gone.push(k);
    }
    for (const k of gone) storage.removeItem(k);
  } catch {
    /* nothing to clear where nothing could be stored */
  }
}

export function draftStorage(): DraftStorage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The open round's draft key, set by the ballot shell; null: nothing is kept (tests, no round). */
export const DraftKey = createContext<string | null>(null);

/**
 * useState that survives a reload: the first render reads the stored draft for this round
 * (falling back to `initial`), every change writes it. Each slice of a ballot has its own name.
 */
export function useDraft<T>(name: string, schema: z.ZodType<T>, initial: T): [T, (next: T | ((prev: T) => T)) => void] {
  const base = useContext(DraftKey);
  const key = base === null ? null : `${base}.${name}`;
  const [value, setValue] = useState<T>(() => {
    const s = draftStorage();
    return (key !== null && s !== null ? readDraft(s, key, schema) : null) ?? initial;
  });
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        const s = draftStorage();
        if (key !== null && s !== null) writeDraft(s, key, v);
        return v;
      }),
    [key],
  );
  return [value, set];
}
