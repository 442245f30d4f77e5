// How requests reach the core and records reach an edge. In one process (the chamber default,
// npm start) a request is a call with the message as it is; across a process boundary the
// same messages go through a port (a worker's MessagePort, a child process's IPC channel with
// serialization 'advanced', which carries a state's Maps), answered by request id.
import type { ErrorCode } from '../../shared/protocol.js';
import type { CoreRecord, CoreReply } from '../../shared/seam.js';
import { CoreRequest } from '../../shared/seam.js';
import type { Core, Snapshot } from './core.js';

export interface CoreTransport {
  request(req: CoreRequest): Promise<CoreReply>;
}

let counter = 0;
/** A request id unique in this process (an edge's transport adds its own prefix across processes). */
export const requestId = (): string => `q${(++counter).toString(36)}`;

/** The chamber default: the core in this process; the request stays data, no copy is made. */
export const inProcess = (core: Core): CoreTransport => ({ request: (req) => core.request(req) });

/** Anything that carries structured-clonable messages both ways. */
export interface Port {
  post(msg: unknown): void;
  /** Returns a function that stops listening. */
  listen(f: (msg: unknown) => void): () => void;
}

export type ToCore =
  | { t: 'request'; req: unknown }
  /** Several requests in one message: what arrived at an edge in one turn of its event loop. */
  | { t: 'requests'; reqs: unknown[] }
  | { t: 'snapshot'; id: string; meeting: string };
export type FromCore =
  | { t: 'reply'; reply: CoreReply }
  /** The answers that became ready in one turn of the core's event loop (one commit batch's). */
  | { t: 'replies'; replies: CoreReply[] }
  /** Everything the core had for an edge in one turn (records, answers, heads), in order: one message, not one per record. */
  | { t: 'many'; msgs: FromCore[] }
  | { t: 'record'; record: CoreRecord }
  | { t: 'snapshot'; id: string; snapshot: Snapshot | null }
  /** The newest seq of every meeting, now and then: a lost last record shows as a gap too. */
  | { t: 'heads'; heads: [meeting: string, seq: number][] };

/** How often the core tells its edges each meeting's newest seq. */
export const HEADS_EVERY_MS = 1000;

export interface ServeOptions {
  /**
   * Checked after parsing, before deciding: a refusal answers the request (a chamber edge's
   * deputy request carries the link token, which the core checks is still live, SPEC Z6).
   */
  vet?: (req: CoreRequest) => ErrorCode | null;
}

/**
 * The core's end of a port: requests are parsed (zod) before they are decided, since the other
 * end is another program; every record goes out as it becomes durable. Answers that become
 * ready in one turn (a commit batch's) go back in one message.
 */
export function serveEdge(core: Core, port: Port, opts: ServeOptions = {}): () => void {
  // One message per turn: a burst's records (one per commit) and answers cross together. Heads
  // and snapshots go the same way, so they never overtake a record still waiting.
  let out: FromCore[] = [];
  let replies: CoreReply[] = [];
  const flush = () => {
    if (replies.length > 0) out.push({ t: 'replies', replies });
    replies = [];
    const msgs = out;
    out = [];
    if (msgs.length === 1) port.post(msgs[0]);
    else if (msgs.length > 1) port.post({ t: 'many', msgs } satisfies FromCore);
  };
  const send = (m: FromCore) => {
    if (out.length === 0 && replies.length === 0) setImmediate(flush);
    out.push(m);
  };
  const answer = (reply: CoreReply) => {
    if (out.length === 0 && replies.length === 0) setImmediate(flush);
    replies.push(reply);
  };
  const stopRecords = core.onRecord((record) => send({ t: 'record', record }));
  const heads = setInterval(() => send({ t: 'heads', heads: core.heads() }), HEADS_EVERY_MS);
  heads.unref();
  const take = (raw: unknown) => {
    const req = CoreRequest.safeParse(raw);
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : '';
    if (!req.success) return answer({ id, ack: { ok: false, error: 'BAD_REQUEST' } });
    const refused = opts.vet?.(req.data) ?? null;
    if (refused) return answer({ id, ack: { ok: false, error: refused } });
    void core.request(req.data).then(answer);
  };
  const stopListening = port.listen((msg) => {
    const m = msg as ToCore;
    if (m?.t === 'snapshot' && typeof m.id === 'string' && typeof m.meeting === 'string') {
      send({ t: 'snapshot', id: m.id, snapshot: core.snapshot(m.meeting) ?? null });
    } else if (m?.t === 'request') {
      take(m.req);
    } else if (m?.t === 'requests' && Array.isArray(m.reqs)) {
      for (const r of m.reqs) take(r);
    }
  });
  return () => {
    clearInterval(heads);
    stopRecords();
    stopListening();
  };
}

/** How long an edge waits for the core's answer before it answers the socket INTERNAL. */
export const CORE_TIMEOUT_MS = 10_000;

/** An edge's end of a port: requests answered by id; records and snapshots handed on. */
export class RemoteCore implements CoreTransport {
  private readonly pending = new Map<string, { resolve: (m: never) => void; timer: NodeJS.Timeout }>();
  private readonly recordListeners = new Set<(r: CoreRecord) => void>();
  private readonly headListeners = new Set<(meeting: string, seq: number) => void>();
  private next = 0;
  private readonly stop: () => void;

  constructor(private readonly port: Port, private readonly prefix = 'e') {
    // Answers are settled at once; records and heads are folded in a later turn, in order, so
    // the acks of a burst leave before this edge folds the burst's records (as the core sends
    // a commit's acks before its views, broadcast.ts).
    let later: FromCore[] = [];
    const drain = () => {
      const these = later;
      later = [];
      for (const m of these) {
        if (m.t === 'record') for (const f of this.recordListeners) f(m.record);
        else if (m.t === 'heads') for (const [meeting, seq] of m.heads) for (const f of this.headListeners) f(meeting, seq);
      }
    };
    const take = (m: FromCore): void => {
      if (m.t === 'many') for (const one of m.msgs) take(one);
      else if (m.t === 'reply') this.settle(m.reply.id, m.reply);
      else if (m.t === 'replies') for (const r of m.replies) this.settle(r.id, r);
      else if (m.t === 'snapshot') this.settle(m.id, m.snapshot);
      else {
        if (later.length === 0) setImmediate(drain);
        later.push(m);
      }
    };
    this.stop = port.listen((msg) => take(msg as FromCore));
  }

  onRecord(f: (r: CoreRecord) => void): void {
    this.recordListeners.add(f);
  }

  /** The core's newest seq of a meeting (EdgeFold.head). */
  onHead(f: (meeting: string, seq: number) => void): void {
    this.headListeners.add(f);
  }

  /** Requests made in one turn go to the core in one message (a burst of votes: a few messages). */
  request(req: CoreRequest): Promise<CoreReply> {
    return this.ask<CoreReply>(req.id, null, { id: req.id, ack: { ok: false, error: 'INTERNAL' } }, req);
  }

  /** Answer every request still waiting now (the core is gone: its answers will not come). */
  failPending(): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, ack: { ok: false, error: 'INTERNAL' } } as never);
    }
    this.pending.clear();
  }

  snapshot(meeting: string): Promise<Snapshot | null> {
    const id = `${this.prefix}s${++this.next}`;
    return this.ask<Snapshot | null>(id, { t: 'snapshot', id, meeting }, null);
  }

  /** A fresh request id for this edge. */
  newId(): string {
    return `${this.prefix}${++this.next}`;
  }

  close(): void {
    this.stop();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private ask<T>(id: string, msg: ToCore | null, onTimeout: T, req?: CoreRequest): Promise<T> {
    return new Promise<T>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(onTimeout);
      }, CORE_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (m: never) => void, timer });
      if (msg) this.port.post(msg);
      if (req) {
        if (this.outbox.length === 0) setImmediate(this.flush);
        this.outbox.push(req);
      }
    });
  }

  private outbox: CoreRequest[] = [];
  private readonly flush = () => {
    const reqs = this.outbox;
    this.outbox = [];
    if (reqs.length > 0) this.port.post({ t: 'requests', reqs } satisfies ToCore);
  };

  private settle(id: string, value: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(value as never);
  }
}
