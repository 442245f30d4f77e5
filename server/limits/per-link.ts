// At most a few sockets per deputy link at once. A real deputy opens the link twice (a second
// tab, the phone and a tablet, a reload while the old socket has not timed out yet), so a new
// socket is let in and the oldest one beyond the cap is hung up: the newest wins. Refusing the
// new one instead would lock a deputy out for the ping timeout after a network change, while
// the dead socket of the old network still counted. A page whose socket is hung up this way
// shows itself offline and does not reconnect by itself (socket.io does not retry a server
// disconnect), so two tabs do not take turns hanging each other up.
import type { Namespace, Socket } from 'socket.io';
import type { Logger } from '../logger.js';

export const DEFAULT_MAX_SOCKETS_PER_LINK = 3;

export function capSocketsPerLink(nsp: Namespace, max: number, keyOf: (socket: Socket) => string, log: Logger): void {
  const byLink = new Map<string, Socket[]>();
  nsp.on('connection', (socket) => {
    const key = keyOf(socket);
    const list = byLink.get(key) ?? [];
    list.push(socket);
    byLink.set(key, list);
    while (list.length > max) {
      const oldest = list.shift();
      if (!oldest) break;
      log.warn({ nsp: nsp.name, socket: oldest.id, max }, 'socket: too many on one link, the oldest is hung up');
      oldest.disconnect(true);
    }
    socket.once('disconnect', () => {
      const now = byLink.get(key);
      const at = now ? now.indexOf(socket) : -1;
      if (!now || at < 0) return;
      now.splice(at, 1);
      if (now.length === 0) byLink.delete(key);
    });
  });
}
