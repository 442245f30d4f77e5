// [H2] The audit chain's fast seal for vote records gives the hash verify recomputes.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { MeetingEvent } from '../../shared/events.js';
import { checkChain, GENESIS, seal, sealedLine, sealVotes, summarize } from './chain.js';

it('[H2] sealVotes hashes what seal (and so verify) hashes, for any vote record; other records take seal itself', () => {
  const id = fc.stringMatching(/^[a-z0-9"\\\u4e00-\u4e0f-]{1,12}$/); // quotes, backslashes and CJK in names
  fc.assert(
    fc.property(fc.array(fc.tuple(id, id, id), { minLength: 1, maxLength: 3 }), fc.option(id, { nil: null }), fc.nat(), fc.boolean(), (votes, actor, at, recovered) => {
      const events: MeetingEvent[] = votes.map(([roundId, deputyId, submissionId]) => ({ t: 'voted', roundId, deputyId, submissionId }));
      const body = { actor, at, events: summarize(events), meetingId: 'demo', n: 1, prev: GENESIS, ...(recovered ? { recovered: true as const } : {}), seq: 1 };
      expect(sealVotes(body).hash).toBe(seal(body).hash);
      expect(checkChain([sealVotes(body)])).toEqual([]);
      // The stored line is the entry's own JSON, built from the hashed text.
      const { entry, line } = sealedLine(body);
      expect(line).toBe(JSON.stringify(entry));
      expect(JSON.parse(line)).toEqual(seal(body));
    }),
    { numRuns: 300 },
  );
  const started = summarize([{ t: 'item.shown', itemId: 'x', at: 1 } as unknown as MeetingEvent]);
  const other = { actor: 'admin', at: 1, events: started, meetingId: 'demo', n: 1, prev: GENESIS, seq: 1 };
  expect(sealVotes(other).hash).toBe(seal(other).hash);
  expect(sealedLine(other).line).toBe(JSON.stringify(seal(other)));
});
