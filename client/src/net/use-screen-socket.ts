// The big screen's connection: read only, no login; follows the named or the active meeting.
import { useCallback } from 'react';
import type { Socket } from 'socket.io-client';
import { NS, type ScreenClientEvents, type ScreenServerEvents } from '../../../shared/protocol.js';
import type { ScreenView } from '../../../shared/views.js';
import { openSocket, useSocketCore } from './socket-core.js';

export type ScreenSocket = Socket<ScreenServerEvents, ScreenClientEvents>;

export function useScreenSocket(meetingId: string | undefined) {
  const make = useCallback(
    () => openSocket<ScreenServerEvents, ScreenClientEvents>(NS.screen, meetingId ? { meetingId } : {}),
    [meetingId],
  );
  return useSocketCore<ScreenView, ScreenSocket>(make, (s, onView) => void s.on('view', onView), [make]);
}
