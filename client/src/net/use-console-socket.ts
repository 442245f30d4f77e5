// The moderator console's connection: the login session authenticates. Besides the view it
// carries alarms (the server cannot write its data) that the console must show at once.
import { useCallback, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { NS, type ConsoleClientEvents, type ConsoleServerEvents } from '../../../shared/protocol.js';
import type { ConsoleRosterRow, ConsoleView } from '../../../shared/views.js';
import { openSocket, useSocketCore } from './socket-core.js';

export type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;
export type Alarm = Parameters<ConsoleServerEvents['alarm']>[0];

export function useConsoleSocket(session: string | null, meetingId: string | undefined) {
  const [alarm, setAlarm] = useState<Alarm | null>(null);
  const make = useCallback(
    () => openSocket<ConsoleServerEvents, ConsoleClientEvents>(NS.console, { session: session ?? '', ...(meetingId ? { meetingId } : {}) }),
    [session, meetingId],
  );
  const core = useSocketCore<ConsoleView, ConsoleSocket>(
    session ? make : null,
    (s, onView) => {
      // The roster travels apart and only when it changes (it comes before the first view).
      let roster: ConsoleRosterRow[] = [];
      s.on('roster', (rows) => {
        roster = rows;
      });
      s.on('view', (v) => onView({ ...v, roster }));
      s.on('alarm', setAlarm);
    },
    [session ? make : null],
  );
  return { ...core, alarm, dismissAlarm: () => setAlarm(null) };
}
