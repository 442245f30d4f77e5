// For redis-close.test.ts, in a process of its own (an unhandled rejection in the test runner
// would fail the whole run): a server-side emit through the Redis Streams adapter, then the
// client closed at once, by `destroy` or by `closeRedis`. Prints "unhandled" or "clean".
//   node --import tsx server/seam/redis-close-run.ts <redis url> destroy|closeRedis
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { closeRedis } from './redis-close.js';

const [url, how] = process.argv.slice(2);
let unhandled = false;
process.on('unhandledRejection', () => (unhandled = true));
const client = createClient({ url: url ?? '' });
await client.connect();
const io = new Server(undefined, { serveClient: false });
io.adapter(createAdapter(client));
const nsp = io.of('/live');
await new Promise((r) => setTimeout(r, 100));
nsp.serverSideEmit('record', { seq: 1 }); // a PUBLISH whose promise the adapter drops
if (how === 'destroy') client.destroy();
else await closeRedis(client);
await nsp.adapter.close();
await new Promise((r) => setTimeout(r, 300));
process.stdout.write(unhandled ? 'unhandled' : 'clean');
process.exit(0);
