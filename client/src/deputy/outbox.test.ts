// The outbox's promises: written before sending, resent with the same ids until answered,
// a new receipt on RECEIPT_TAKEN, refusals kept, and never a second submission for a round.
import { describe, expect, it } from 'vitest';
import type { VoteAck, VotePayload } from '../../../shared/protocol.js';
import type { AckOrTimeout } from '../net/emit.js';
import { Outbox, retryDelay, type Send, type StorageLike } from './outbox.js';
import { RECEIPT_ALPHABET, newReceipt } from './receipt.js';
import { sha256Hex } from '../../../shared/sha256.js';

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

let seed = 1;
// The high bits of the LCG: its low bits repeat every few dozen draws, and the outbox draws a
// salt and a change key per ballot too.
const random = (n: number) => Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16) & 255);
const FOR = { kind: 'motion', choice: 'for' } as const;
const AGAINST = { kind: 'motion', choice: 'against' } as const;

function make(storage = new MemoryStorage()) {
  return { storage, box: new Outbox({ storage, key: 'k', random, sleep: async () => undefined, retryMs: 0 }) };
}

const okAck = (p: VotePayload): AckOrTimeout<VoteAck> => ({
  ok: true,
  recorded: { roundId: p.roundId, receipt: p.receipt, content: p.content },
  duplicate: false,
});

/** A server stub that answers from a script, then acks; it records every payload it saw. */
function scripted(script: AckOrTimeout<VoteAck>[]) {
  const seen: VotePayload[] = [];
  const send: Send = async (p) => {
    seen.push(p);
    return script.shift() ?? okAck(p);
  };
  return { seen, send };
}

describe('receipts', () => {
  it('are 8 characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const r = newReceipt(random);
      expect(r).toMatch(/^[A-Z2-9]{8}$/);
      for (const c of r) expect(RECEIPT_ALPHABET).toContain(c);
    }
  });
});

describe('the outbox', () => {
  it('stores the vote before it is sent', async () => {
    const { storage, box } = make();
    let storedAtSend: string | undefined;
    const send: Send = async (p) => {
      storedAtSend = storage.getItem('k') ?? undefined;
      return okAck(p);
    };
    const e = box.submit('r1', FOR);
    await box.pump(send);
    expect(storedAtSend).toContain(e.submissionId);
    expect(storedAtSend).toContain('"pending"');
    expect(box.get('r1')).toMatchObject({ phase: 'acked', recorded: FOR, receipt: e.receipt });
  });

  it('resends with the same submissionId and receipt after timeouts until acked', async () => {
    const { box } = make();
    const { seen, send } = scripted([{ ok: false, error: 'TIMEOUT' }, { ok: false, error: 'TIMEOUT' }]);
    box.submit('r1', FOR);
    await box.pump(send);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((p) => p.submissionId)).size).toBe(1);
    expect(new Set(seen.map((p) => p.receipt)).size).toBe(1);
    expect(box.get('r1')?.phase).toBe('acked');
  });

  it('stops when offline and resumes with the same ids, also from a fresh page', async () => {
    const { storage, box } = make();
    const first = scripted([{ ok: false, error: 'NETWORK' }]);
    const e = box.submit('r1', AGAINST);
    await box.pump(first.send);
    expect(box.get('r1')?.phase).toBe('pending');
    // A reload: a new Outbox over the same storage picks the pending vote up.
    const again = new Outbox({ storage, key: 'k', random, sleep: async () => undefined });
    const second = scripted([]);
    await again.pump(second.send);
    expect(second.seen[0]).toMatchObject({ submissionId: e.submissionId, receipt: e.receipt, content: AGAINST });
    expect(again.get('r1')).toMatchObject({ phase: 'acked', recorded: AGAINST });
  });

  it('takes a new receipt on RECEIPT_TAKEN, keeping the submissionId', async () => {
    const { box } = make();
    const { seen, send } = scripted([{ ok: false, error: 'RECEIPT_TAKEN' }]);
    box.submit('r1', FOR);
    await box.pump(send);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.submissionId).toBe(seen[0]?.submissionId);
    expect(seen[1]?.receipt).not.toBe(seen[0]?.receipt);
    expect(box.get('r1')?.receipt).toBe(seen[1]?.receipt);
  });

  it('keeps a refusal, and a later retry of that round reuses the same ids', async () => {
    const { box } = make();
    const { seen, send } = scripted([{ ok: false, error: 'ROUND_PAUSED' }]);
    const e = box.submit('r1', FOR);
    await box.pump(send);
    expect(box.get('r1')).toMatchObject({ phase: 'refused', error: 'ROUND_PAUSED' });
    const retry = box.submit('r1', AGAINST);
    expect(retry).toMatchObject({ submissionId: e.submissionId, receipt: e.receipt, content: AGAINST, phase: 'pending' });
    await box.pump(send);
    expect(seen).toHaveLength(2);
    expect(box.get('r1')?.phase).toBe('acked');
  });

  it('never makes a second submission for a round that is pending or acked', async () => {
    const { box } = make();
    const e = box.submit('r1', FOR);
    expect(box.submit('r1', AGAINST)).toEqual(e);
    await box.pump(scripted([]).send);
    expect(box.submit('r1', AGAINST).submissionId).toBe(e.submissionId);
    expect(box.get('r1')?.recorded).toEqual(FOR);
  });

  it('shows what the server recorded, not what it sent', async () => {
    const { box } = make();
    box.submit('r1', AGAINST);
    await box.pump(async (p) => ({ ok: true, recorded: { roundId: p.roundId, receipt: p.receipt, content: FOR }, duplicate: true }));
    expect(box.get('r1')?.recorded).toEqual(FOR);
  });

  it('settles a pending vote when the view shows it arrived', () => {
    const { box } = make();
    const e = box.submit('r1', FOR);
    box.reconcile('r1', 'someone-else');
    expect(box.get('r1')?.phase).toBe('pending');
    box.reconcile('r1', e.submissionId);
    expect(box.get('r1')).toMatchObject({ phase: 'acked', recorded: FOR });
  });

  it('shares one loop between concurrent pumps', async () => {
    const { box } = make();
    const { seen, send } = scripted([]);
    box.submit('r1', FOR);
    await Promise.all([box.pump(send), box.pump(send), box.pump(send)]);
    expect(seen).toHaveLength(1);
  });

  it('survives corrupt storage', () => {
    const { storage, box } = make();
    storage.setItem('k', '{not json');
    expect(box.all()).toEqual([]);
    expect(box.submit('r2', FOR).phase).toBe('pending');
  });
});

describe('[V6] salt and change key', () => {
  it('the first ballot carries its salt and only the hash of the change key; the key stays on the phone', async () => {
    const { storage, box } = make();
    const { seen, send } = scripted([]);
    box.submit('r1', FOR);
    await box.pump(send);
    const [p] = seen;
    const e = box.get('r1');
    expect(p?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(p?.salt).toBe(e?.salt);
    expect(p?.keyHash).toBe(sha256Hex(e?.changeKey ?? ''));
    expect(p?.changeKey).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(e?.changeKey ?? 'x');
    expect(storage.getItem('k')).toContain(e?.changeKey ?? 'x');
  });

  it('a change after a reload (a new outbox on the same storage) sends the key, under the same receipt, with a new salt and submission', async () => {
    const storage = new MemoryStorage();
    const first = make(storage).box;
    const one = scripted([]);
    first.submit('r1', FOR);
    await first.pump(one.send);
    const before = first.get('r1');

    const reloaded = make(storage).box;
    expect(reloaded.change('r2', AGAINST)).toBeNull(); // nothing of ours there
    const two = scripted([]);
    reloaded.change('r1', AGAINST);
    await reloaded.pump(two.send);
    const [p] = two.seen;
    expect(p).toMatchObject({ receipt: before?.receipt, content: AGAINST, changeKey: before?.changeKey });
    expect(p?.keyHash).toBeUndefined();
    expect(p?.submissionId).not.toBe(before?.submissionId);
    expect(p?.salt).not.toBe(before?.salt);
    expect(reloaded.get('r1')).toMatchObject({ phase: 'acked', recorded: AGAINST });
  });

  it('a refused change keeps its error (WRONG_CHANGE_KEY), and does not draw a new receipt', async () => {
    const { box } = make();
    await box.pump(scripted([]).send);
    box.submit('r1', FOR);
    await box.pump(scripted([]).send);
    const receipt = box.get('r1')?.receipt;
    box.change('r1', AGAINST);
    await box.pump(scripted([{ ok: false, error: 'WRONG_CHANGE_KEY' }]).send);
    expect(box.get('r1')).toMatchObject({ phase: 'refused', error: 'WRONG_CHANGE_KEY', receipt });
  });
});

describe('[#14] resends spread with jitter and backoff', () => {
  it('each wait doubles up to a cap and is drawn from the upper half of its step', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, 1))).toEqual([1000, 2000, 4000, 8000, 16_000, 16_000, 16_000]);
    expect([0, 1, 2, 3, 4].map((a) => retryDelay(a, 0))).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(retryDelay(2, 0.5)).toBe(3000);
  });

  it('a ballot answered TIMEOUT five times waits longer each time on a fake clock, then is acked once', async () => {
    const storage = new MemoryStorage();
    let clock = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const box = new Outbox({ storage, key: 'k', random, sleep, now: () => clock, jitter: () => 0.5 });
    box.submit('r1', FOR);
    const { seen, send } = scripted(Array.from({ length: 5 }, () => ({ ok: false, error: 'TIMEOUT' }) as const));
    await box.pump(send);
    expect(waits).toEqual([750, 1500, 3000, 6000, 12_000]);
    expect(clock).toBe(23_250);
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map((p) => p.submissionId)).size).toBe(1);
    expect(box.get('r1')?.phase).toBe('acked');
  });

  it('phones that come back together send spread over the window, not in one wave', async () => {
    let s = 7;
    const uniform = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) >>> 8) / 2 ** 23;
    const firstSends: number[] = [];
    for (let phone = 0; phone < 200; phone += 1) {
      let clock = 0;
      const box = new Outbox({ storage: new MemoryStorage(), key: 'k', random, jitter: uniform, sleep: async (ms) => void (clock += ms) });
      box.submit('r1', FOR);
      await box.pump(async (p) => (firstSends.push(clock), okAck(p)), { spreadMs: 2000 });
    }
    expect(Math.min(...firstSends)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...firstSends)).toBeLessThanOrEqual(2000);
    // Ten 200 ms slots: none holds more than a quarter of the phones (one wave would be all 200).
    const slots = new Array<number>(10).fill(0);
    for (const t of firstSends) {
      const i = Math.min(9, Math.floor(t / 200));
      slots[i] = (slots[i] ?? 0) + 1;
    }
    expect(Math.max(...slots)).toBeLessThan(50);
    expect(Math.min(...slots)).toBeGreaterThan(5);
  });

  it('a pump with nothing pending does not wait', async () => {
    const waits: number[] = [];
    const box = new Outbox({ storage: new MemoryStorage(), key: 'k', random, sleep: async (ms) => void waits.push(ms) });
    await box.pump(async (p) => okAck(p), { spreadMs: 2000 });
    expect(waits).toEqual([]);
  });
});
