// How requests reach the core and records reach an edge. In one process (the chamber default,
// npm start) a request is a call with the message as it is; across a process boundary the
// same messages go through a port (a worker's MessagePort, a child process's IPC channel with
// serialization 'advanced', which carries a state's Maps), answered by request id.
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

export type ToCore = { t: 'request'; req: unknown } | { t: 'snapshot'; id: string; meeting: string };
export type FromCore =
  | { t: 'reply'; reply: CoreReply }
  | { t: 'record'; record: CoreRecord }
  | { t: 'snapshot'; id: string; snapshot: Snapshot | null }
  /** The newest seq of every meeting, now and then: a lost last record shows as a gap too. */
  | { t: 'heads'; heads: [meeting: string, seq: number][] };

/** How often the core tells its edges each meeting's newest seq. */
export const HEADS_EVERY_MS = 1000;

/**
 * The core's end of a port: requests are parsed (zod) before they are decided, since the other
 * end is another program; every record goes out as it becomes durable.
 */
export function serveEdge(core: Core, port: Port): () => void {
  const stopRecords = core.onRecord((record) => port.post({ t: 'record', record } satisfies FromCore));
  const heads = setInterval(() => port.post({ t: 'heads', heads: core.heads() } satisfies FromCore), HEADS_EVERY_MS);
  heads.unref();
  const stopListening = port.listen((msg) => {
    const m = msg as ToCore;
    if (m?.t === 'snapshot' && typeof m.id === 'string' && typeof m.meeting === 'string') {
      port.post({ t: 'snapshot', id: m.id, snapshot: core.snapshot(m.meeting) ?? null } satisfies FromCore);
    } else if (m?.t === 'request') {
      const req = CoreRequest.safeParse(m.req);
      const id = typeof (m.req as { id?: unknown } | null)?.id === 'string' ? (m.req as { id: string }).id : '';
      if (!req.success) port.post({ t: 'reply', reply: { id, ack: { ok: false, error: 'BAD_REQUEST' } } } satisfies FromCore);
      else void core.request(req.data).then((reply) => port.post({ t: 'reply', reply } satisfies FromCore));
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
    this.stop = port.listen((msg) => {
      const m = msg as FromCore;
      if (m.t === 'record') for (const f of this.recordListeners) f(m.record);
      else if (m.t === 'reply') this.settle(m.reply.id, m.reply);
      else if (m.t === 'snapshot') this.settle(m.id, m.snapshot);
      else if (m.t === 'heads') for (const [meeting, seq] of m.heads) for (const f of this.headListeners) f(meeting, seq);
    });
  }

  onRecord(f: (r: CoreRecord) => void): void {
    this.recordListeners.add(f);
  }

  /** The core's newest seq of a meeting (EdgeFold.head). */
  onHead(f: (meeting: string, seq: number) => void): void {
    this.headListeners.add(f);
  }

  request(req: CoreRequest): Promise<CoreReply> {
    return this.ask<CoreReply>(req.id, { t: 'request', req }, { id: req.id, ack: { ok: false, error: 'INTERNAL' } });
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

  private ask<T>(id: string, msg: ToCore, onTimeout: T): Promise<T> {
    return new Promise<T>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(onTimeout);
      }, CORE_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (m: never) => void, timer });
      this.port.post(msg);
    });
  }

  private settle(id: string, value: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(value as never);
  }
}
