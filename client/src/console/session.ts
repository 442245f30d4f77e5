// The moderator's login session, kept in localStorage so a console reload stays signed in.
// The server is the judge: a refused session (UNAUTHORIZED at connect) is cleared here.
import { useCallback, useState } from 'react';
import { z } from 'zod';

const KEY = 'wz.console.session';
// role: absent in sessions stored before it was kept; the server decides either way.
const Stored = z.object({ token: z.string().min(1), username: z.string(), expiresAt: z.number(), role: z.enum(['admin', 'operator']).optional() });
export type Session = z.infer<typeof Stored>;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw === null ? null : Stored.safeParse(JSON.parse(raw));
    if (!parsed?.success || parsed.data.expiresAt <= Date.now()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function useSession() {
  const [session, setSession] = useState<Session | null>(read);
  const save = useCallback((s: Session) => {
    try {
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      /* signed in for this page only */
    }
    setSession(s);
  }, []);
  const clear = useCallback(() => {
    try {
      localStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
    setSession(null);
  }, []);
  return { session, save, clear };
}
