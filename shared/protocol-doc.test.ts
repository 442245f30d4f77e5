// docs/PROTOCOL.md is for people writing another client: every JSON example in it (and the
// run-off command in docs/RESULTS.md) must be accepted by the schemas the server applies.
// The handshake example once said version 1, which the server refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AgendaItem } from './model.js';
import { Command, Handshake, PROTOCOL_VERSION, VotePayload } from './protocol.js';

const examples = (file: string): Record<string, unknown>[] =>
  [...readFileSync(new URL(`../docs/${file}`, import.meta.url), 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map(
    (m) => JSON.parse((m[1] ?? '').replace(/"…"/g, '"x"')) as Record<string, unknown>,
  );

describe('docs/PROTOCOL.md examples', () => {
  it('[A4] the handshake example carries the current protocol version, and every example parses', () => {
    const all = [...examples('PROTOCOL.md'), ...examples('RESULTS.md')];
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const ex of all) {
      if ('v' in ex) {
        expect(Handshake.parse(ex).v).toBe(PROTOCOL_VERSION);
      } else if ('submissionId' in ex) {
        expect(VotePayload.safeParse(ex).success).toBe(true);
      } else if ('type' in ex) {
        expect(Command.safeParse(ex).success).toBe(true);
      } else {
        expect(AgendaItem.safeParse(ex).success).toBe(true);
      }
    }
    expect(PROTOCOL_VERSION).toBe(Number(/Protocol version: \*\*(\d+)\*\*/.exec(readFileSync(new URL('../docs/PROTOCOL.md', import.meta.url), 'utf8'))?.[1]));
  });
});
