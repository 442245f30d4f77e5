// A chamber edge reduced to its fold, as a child process for server/seam/seam.test.ts: it
// follows a meeting through the IPC channel (serialization 'advanced') with RemoteCore and
// EdgeFold, and reports the screen view it builds after each change ('probe' messages, which
// the core's end ignores).
import { screenView } from '../../shared/views.js';
import { EdgeFold } from '../seam/edge-fold.js';
import { RemoteCore, type Port } from '../seam/transport.js';

const port: Port = {
  post: (msg) => process.send?.(msg),
  listen: (f) => {
    process.on('message', f);
    return () => process.off('message', f);
  },
};
const core = new RemoteCore(port, `child${process.pid}-`);
const edge = new EdgeFold(
  (m) => core.snapshot(m),
  (meeting, state) => process.send?.({ t: 'probe', meeting, seq: edge.seq(meeting), view: screenView(state, 1_000) }),
);
core.onRecord((r) => edge.apply(r));
core.onHead((m, seq) => edge.head(m, seq));
void edge.follow(process.env.WZ_MEETING ?? 'demo');
process.on('disconnect', () => process.exit(0));
