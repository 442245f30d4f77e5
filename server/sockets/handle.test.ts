// handle(): every socket event is answered with an Ack, whatever the handler does.
import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { memoryLogger } from '../logger.js';
import { handle } from './common.js';

function fire(f: (payload: unknown) => Promise<Ack> | Ack): Promise<{ ack: Ack; errors: number }> {
  const socket = new EventEmitter();
  const log = memoryLogger();
  handle(socket as unknown as Socket, 'vote', log, f);
  return new Promise((resolve) => socket.emit('vote', { x: 1 }, (ack: Ack) => resolve({ ack, errors: log.lines.filter((l) => l.level === 'error').length })));
}

describe('handle', () => {
  it('answers a plain value, a resolved promise, a thrown error and a rejected promise', async () => {
    expect(await fire(() => ({ ok: true }))).toEqual({ ack: { ok: true }, errors: 0 });
    expect(await fire(async () => ({ ok: false, error: 'ROUND_CLOSED' }))).toEqual({ ack: { ok: false, error: 'ROUND_CLOSED' }, errors: 0 });
    expect(
      await fire(() => {
        throw new Error('boom');
      }),
    ).toEqual({ ack: { ok: false, error: 'INTERNAL' }, errors: 1 });
    expect(await fire(() => Promise.reject(new Error('boom')))).toEqual({ ack: { ok: false, error: 'INTERNAL' }, errors: 1 });
  });

  it('an event without an ack callback is handled and answers nobody', async () => {
    const socket = new EventEmitter();
    const seen: unknown[] = [];
    handle(socket as unknown as Socket, 'checkIn', memoryLogger(), (p) => (seen.push(p), { ok: true }));
    socket.emit('checkIn', 'payload');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['payload']);
  });
});
