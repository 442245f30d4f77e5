// Binds the outbox to the deputy socket: pump on submit and on every (re)connect, settle a
// pending vote from the view, and re-render when an entry changes.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { BallotContent } from '../../../shared/model.js';
import type { VoteAck } from '../../../shared/protocol.js';
import type { DeputyView } from '../../../shared/views.js';
import { ACK_TIMEOUT_MS, ackResult, type AckOrTimeout } from '../net/emit.js';
import type { DeputySocket } from '../net/use-deputy-socket.js';
import { Outbox, type OutboxEntry, type Send } from './outbox.js';

const RECONNECT_SPREAD_MS = 1500;

function browserStorage() {
  try {
    return localStorage;
  } catch {
    // Some in-app browsers disable localStorage: keep the outbox in memory for this page.
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  }
}

export function useOutbox(token: string, socket: DeputySocket | null, view: DeputyView | null) {
  const box = useMemo(() => new Outbox({ storage: browserStorage(), key: `wz.outbox.${token}` }), [token]);

  const send: Send = useCallback(
    (p) =>
      new Promise<AckOrTimeout<VoteAck>>((resolve) => {
        if (!socket?.connected) return resolve({ ok: false, error: 'NETWORK' });
        socket.timeout(ACK_TIMEOUT_MS).emit('vote', p, ackResult(resolve));
      }),
    [socket],
  );

  useEffect(() => {
    if (!socket) return undefined;
    // After a drop the whole chamber reconnects at once: spread the resends (outbox.ts).
    const resend = () => void box.pump(send, { spreadMs: RECONNECT_SPREAD_MS });
    socket.on('connect', resend);
    if (socket.connected) void box.pump(send);
    return () => void socket.off('connect', resend);
  }, [socket, box, send]);

  const roundId = view?.round?.id ?? null;
  const mySubmission = view?.mySubmission ?? null;
  useEffect(() => {
    if (roundId) box.reconcile(roundId, mySubmission);
  }, [box, roundId, mySubmission]);

  // Snapshot as a string so React sees a stable value between changes.
  const snapshot = useSyncExternalStore(
    useCallback((f: () => void) => box.subscribe(f), [box]),
    () => (roundId ? JSON.stringify(box.get(roundId)) : 'null'),
  );
  const entry = useMemo<OutboxEntry | null>(() => (roundId ? box.get(roundId) : null), [box, roundId, snapshot]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = useCallback(
    (content: BallotContent) => {
      if (!roundId) return;
      box.submit(roundId, content);
      void box.pump(send);
    },
    [box, roundId, send],
  );

  return { entry, submit };
}
