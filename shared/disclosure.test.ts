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

it('[W4] a suggestions rating warns when a handling unit\'s figures would tell how its few raters, or its unanimous ones, rated (R16 puts units on air)', () => {
  const sug = (subjectId: string, units: string[]) => ({ subjectId, number: subjectId, lead: 'd1', joined: [], units, jointUnits: [], reply: '' });
  const rating = { id: 'r', kind: 'rating', title: 't', settings: { secret: true, scale: 'three' }, subjects: [], suggestions: [sug('s1', ['交通局']), sug('s2', ['交通局']), sug('s3', ['教育局', '交通局'])] } as unknown as AgendaItem;
  const ballot = (i: number, ratings: Record<string, string>): Ballot => ({ receipt: `R${i}`, content: { kind: 'rating', ratings } });
  const risk = (bs: Ballot[]) => disclosureRisk(rating, round(bs.reduce((c, b) => chunkedPush(c, b), chunkedEmpty<Ballot>())));
  // 教育局 rated by two deputies only (s3), 交通局 by four with different ratings.
  expect(risk([ballot(1, { s1: 'satisfied' }), ballot(2, { s2: 'unsatisfied' }), ballot(3, { s3: 'basic' }), ballot(4, { s3: 'satisfied', s1: 'basic' })])).toEqual({ code: 'UNIT_FEW_RATERS', cast: 2, unit: '教育局' });
  // Both units at risk: the first named, the other with it.
  expect(risk([ballot(1, { s1: 'satisfied' }), ballot(2, { s2: 'satisfied' }), ballot(3, { s1: 'satisfied', s3: 'satisfied' })])).toEqual({ code: 'UNIT_UNANIMOUS', cast: 3, unit: '交通局', alsoUnits: ['教育局'] });
  // Three raters each, but all who rated 教育局 said 满意: their ratings are known.
  expect(risk([ballot(1, { s1: 'basic' }), ballot(2, { s3: 'satisfied' }), ballot(3, { s3: 'satisfied' }), ballot(4, { s3: 'satisfied', s2: 'unsatisfied' })])).toEqual({ code: 'UNIT_UNANIMOUS', cast: 3, unit: '教育局' });
  // Every unit rated by three or more, with different ratings: nothing to warn of.
  expect(risk([ballot(1, { s1: 'basic', s3: 'satisfied' }), ballot(2, { s3: 'unsatisfied' }), ballot(3, { s3: 'satisfied', s2: 'satisfied' })])).toBeNull();
  // A rating item without suggestions keeps the round-wide rule only.
  const plain = { ...rating, suggestions: undefined } as unknown as AgendaItem;
  expect(disclosureRisk(plain, round([ballot(1, { a: 'basic' }), ballot(2, { a: 'satisfied' }), ballot(3, { b: 'satisfied' })].reduce((c, b) => chunkedPush(c, b), chunkedEmpty<Ballot>())))).toBeNull();
});
