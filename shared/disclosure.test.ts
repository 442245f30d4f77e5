// [D2] The disclosure warning before a secret result is revealed: unanimous or fewer than three.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { chunkedEmpty, chunkedPush, chunkedSet, type Chunked } from './chunked.js';
import { canonicalJson } from './commitment.js';
import { disclosureRisk, FEW_BALLOTS } from './disclosure.js';
import type { AgendaItem, Ballot, BallotContent } from './model.js';
import type { Round } from './state.js';

const item = { id: 'm', kind: 'motion', title: 't', settings: { secret: true } } as unknown as AgendaItem;
const round = (ballots: Chunked<Ballot>) => ({ ballots, manual: undefined }) as unknown as Round;

/** The plain definition, over the whole list. */
function expected(ballots: readonly Ballot[]): string | null {
  if (ballots.length === 0) return null;
  if (ballots.length < FEW_BALLOTS) return 'FEW_BALLOTS';
  const first = canonicalJson(ballots[0]?.content);
  return ballots.every((b) => canonicalJson(b.content) === first) ? 'UNANIMOUS' : null;
}

it('[D2] agrees with the plain definition at every step of a round, as ballots arrive and change (key order does not matter)', () => {
  const contents: BallotContent[] = [
    { kind: 'motion', choice: 'for' },
    { kind: 'motion', choice: 'against' },
    { kind: 'each', choices: { a: 'for', b: 'against' } },
    { kind: 'each', choices: { b: 'against', a: 'for' } }, // the same ballot as the one before
  ];
  const step = fc.oneof(fc.record({ add: fc.nat(3) }), fc.record({ change: fc.tuple(fc.nat(500), fc.nat(3)) }));
  fc.assert(
    fc.property(fc.nat(3), fc.array(step, { maxLength: 300 }), (base, steps) => {
      let c = chunkedEmpty<Ballot>();
      let plain: Ballot[] = [];
      for (const s of steps) {
        if ('add' in s) {
          // mostly the same choice, so that long unanimous runs (many full chunks) are common
          const b: Ballot = { receipt: `R${plain.length}`, content: contents[s.add === 3 ? 3 : base] as BallotContent };
          c = chunkedPush(c, b);
          plain = [...plain, b];
        } else if (plain.length > 0) {
          const at = s.change[0] % plain.length;
          const b: Ballot = { receipt: `R${at}`, content: contents[s.change[1]] as BallotContent };
          c = chunkedSet(c, at, b);
          plain = plain.map((x, i) => (i === at ? b : x));
        }
        expect(disclosureRisk(item, round(c))?.code ?? null).toBe(expected(plain));
      }
    }),
    { numRuns: 100 },
  );
});
