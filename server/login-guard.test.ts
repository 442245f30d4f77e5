// The hashing gate and the source key, alone.
import { describe, expect, it } from 'vitest';
import { HashGate, sourceKey } from './login-guard.js';

const later = () => {
  let open: () => void = () => undefined;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};

describe('HashGate', () => {
  it('runs one job at a time, serves the first lane first, and refuses at once past a lane bound', async () => {
    const gate = new HashGate(1, [1, 2, 1]);
    const order: string[] = [];
    let live = 0;
    let peak = 0;
    const first = later();
    const job = (name: string, wait?: Promise<void>) => async () => {
      order.push(`start ${name}`);
      peak = Math.max(peak, ++live);
      await wait;
      live -= 1;
      return name;
    };
    const running = gate.run(2, job('flood-0', first.p));
    const waiting = [gate.run(2, job('flood-1')), gate.run(1, job('account')), gate.run(0, job('desk'))];
    expect(gate.run(2, job('flood-2'))).toBeNull(); // lane 2 holds one waiting job
    expect(gate.run(0, job('desk-2'))).toBeNull();
    expect(gate.run(0, job('admin-create'), true)).not.toBeNull(); // unbounded for callers that must wait
    expect(order).toEqual(['start flood-0']);
    first.open();
    expect(await Promise.all([running, ...waiting])).toEqual(['flood-0', 'flood-1', 'account', 'desk']);
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['start flood-0', 'start desk', 'start admin-create', 'start account', 'start flood-1']);
    expect(peak).toBe(1); // never two at once
  });

  it('a failing job frees its place', async () => {
    const gate = new HashGate(1, [0, 0, 1]);
    const bad = gate.run(2, () => Promise.reject(new Error('boom')));
    const next = gate.run(2, () => Promise.resolve('ok'));
    await expect(bad).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});

describe('sourceKey', () => {
  it('IPv4 as is, IPv4 mapped into IPv6 as IPv4, IPv6 by its /64', () => {
    expect(sourceKey('192.168.1.20')).toBe('192.168.1.20');
    expect(sourceKey('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(sourceKey('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
    expect(sourceKey('2001:db8:0:1:aaaa::1')).toBe(sourceKey('2001:0db8:0000:0001:bbbb:cccc:dddd:eeee'));
    expect(sourceKey('::1')).toBe('0:0:0:0::/64');
    expect(sourceKey(undefined)).toBe('unknown');
  });
});
