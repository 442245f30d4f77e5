// The audience page's connection (/live): read the public view, keep the signed device token the
// server hands out at the first visit (localStorage; a page without storage gets a new one per
// load, which only means it may be refused as a repeat less often), and send ratings.
import { useCallback, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AudienceView } from '../../../shared/audience-view.js';
import type { LiveClientEvents, LiveServerEvents } from '../../../shared/live-protocol.js';
import { NS, PROTOCOL_VERSION } from '../../../shared/protocol.js';
import { useSocketCore } from './socket-core.js';

export type LiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

const KEY = 'wz.live.device';

function stored(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function useLiveSocket(code: string) {
  const [device, setDevice] = useState<string | undefined>(stored);
  const make = useCallback(() => {
    const had = stored();
    return io(NS.live, {
      auth: { v: PROTOCOL_VERSION, code, ...(had !== undefined ? { device: had } : {}) },
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 500,
      // Thousands of phones come back after an outage: spread them out.
      reconnectionDelayMax: 8000,
      randomizationFactor: 0.5,
      timeout: 8000,
    }) as LiveSocket;
  }, [code]);
  const state = useSocketCore<AudienceView, LiveSocket>(
    make,
    (s, onView) => {
      s.on('view', onView);
      s.on('device', (token) => {
        try {
          localStorage.setItem(KEY, token);
        } catch {
          /* kept for this page only */
        }
        setDevice(token);
      });
    },
    [make],
  );
  return { ...state, device };
}
