// The deputy phone's connection: the personal link token authenticates; 'revoked' ends it.
import { useCallback } from 'react';
import type { Socket } from 'socket.io-client';
import { NS, type DeputyClientEvents, type DeputyServerEvents } from '../../../shared/protocol.js';
import type { DeputyView } from '../../../shared/views.js';
import { deviceId } from './device.js';
import { openSocket, useSocketCore } from './socket-core.js';

export type DeputySocket = Socket<DeputyServerEvents, DeputyClientEvents>;

export function useDeputySocket(token: string) {
  const make = useCallback(() => openSocket<DeputyServerEvents, DeputyClientEvents>(NS.deputy, { token, device: deviceId() }), [token]);
  return useSocketCore<DeputyView, DeputySocket>(
    make,
    (s, onView, onFatal) => {
      s.on('view', onView);
      s.on('revoked', () => onFatal('revoked'));
    },
    [make],
    { heartbeat: true },
  );
}
