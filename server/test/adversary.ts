// The curious operator of issue #12, as code: given everything a console user, a screen and the
// feed receive during and after a secret vote (each with the time it arrived), it tries to say
// how each deputy voted. It is pure: the test (server/linking.test.ts) collects what it saw.
export type Choice = 'for' | 'against' | 'abstain';
export const CHOICES: readonly Choice[] = ['for', 'against', 'abstain'];
export type Counts = Record<Choice, number>;

/** One thing the operator saw: when it arrived, and what it said. */
export interface Seen {
  t: number;
  /** Running figures of the round (for, against, abstain), from any source. */
  tally?: Counts;
  /** A deputy said to have voted, with the time the source gives for it (or null: arrival time). */
  voted?: { deputyId: string; at: number | null; n: number | null }[];
}

export interface Guesses {
  strategy: string;
  /** One choice per deputy (roster order), using exactly the final tally's counts. */
  assignment: Choice[];
}

const key = (c: Counts) => `${c.for}/${c.against}/${c.abstain}`;
const sum = (c: Counts) => c.for + c.against + c.abstain;

/** The distinct running tallies in the order they were first seen, with that time. */
function tallyTimeline(seen: readonly Seen[]): { t: number; c: Counts }[] {
  const out: { t: number; c: Counts }[] = [];
  const had = new Set<string>();
  for (const s of [...seen].sort((a, b) => a.t - b.t)) {
    if (!s.tally || had.has(key(s.tally))) continue;
    had.add(key(s.tally));
    out.push({ t: s.t, c: s.tally });
  }
  return out.sort((a, b) => sum(a.c) - sum(b.c) || a.t - b.t);
}

/** Each deputy's vote as the operator can place it: the earliest time any source puts it at, and its position. */
function voteTimes(seen: readonly Seen[]): Map<string, { t: number; n: number }> {
  const out = new Map<string, { t: number; n: number }>();
  for (const s of seen) {
    for (const v of s.voted ?? []) {
      const t = v.at ?? s.t;
      const n = v.n ?? t;
      const had = out.get(v.deputyId);
      if (!had || t < had.t) out.set(v.deputyId, { t, n: had ? Math.min(had.n, n) : n });
    }
  }
  return out;
}

/** Ballot i (in arrival order) as the tally increments say, where one increment names it. */
function arrivalSequence(timeline: readonly { t: number; c: Counts }[]): (Choice | null)[] {
  const seq: (Choice | null)[] = [];
  let prev: Counts = { for: 0, against: 0, abstain: 0 };
  for (const { c } of timeline) {
    const d = CHOICES.map((k) => c[k] - prev[k]);
    if (d.some((x) => x < 0)) continue; // not a running tally of the same ballots
    const grown = d.reduce((a, b) => a + b, 0);
    // A step of one ballot names its choice; a step of several only says what they were together.
    const main = CHOICES[d.indexOf(Math.max(...d))] ?? null;
    for (let i = 0; i < grown; i++) seq.push(grown === 1 ? main : null);
    prev = c;
  }
  return seq;
}

/** Turn per-deputy preferences into an assignment with exactly the final counts (fills in roster order). */
export function fill(roster: readonly string[], prefer: ReadonlyMap<string, Choice>, final: Counts): Choice[] {
  const left: Counts = { ...final };
  const out: (Choice | null)[] = roster.map((id) => {
    const c = prefer.get(id);
    if (c && left[c] > 0) {
      left[c] -= 1;
      return c;
    }
    return null;
  });
  return out.map((c) => {
    if (c) return c;
    const k = CHOICES.find((x) => left[x] > 0) ?? 'for';
    left[k] -= 1;
    return k;
  });
}

/** Every linking strategy the operator tries; each gives a full, tally-consistent assignment. */
export function link(roster: readonly string[], seen: readonly Seen[], final: Counts): Guesses[] {
  const timeline = tallyTimeline(seen);
  const times = voteTimes(seen);
  const strategies: Guesses[] = [];

  // 1. Pair each vote time with the first change of the tally seen after it: the choice that grew most.
  const byTime = new Map<string, Choice>();
  for (const [id, { t }] of times) {
    let prev: Counts | null = null;
    for (const { t: when, c } of [...timeline].sort((a, b) => a.t - b.t)) {
      if (prev && when >= t) {
        const d = CHOICES.map((k) => c[k] - (prev?.[k] ?? 0));
        const best = CHOICES[d.indexOf(Math.max(...d))];
        if (best && Math.max(...d) > 0) byTime.set(id, best);
        break;
      }
      prev = c;
    }
  }
  strategies.push({ strategy: 'tally change after each vote time', assignment: fill(roster, byTime, final) });

  // 2. Order of who voted (by time, then by position in any list) against the order of single-ballot steps.
  const seq = arrivalSequence(timeline);
  const order = [...times.entries()].sort((a, b) => a[1].t - b[1].t || a[1].n - b[1].n).map(([id]) => id);
  const byOrder = new Map<string, Choice>();
  order.forEach((id, i) => {
    const c = seq[i];
    if (c) byOrder.set(id, c);
  });
  strategies.push({ strategy: 'who-voted order against tally steps', assignment: fill(roster, byOrder, final) });

  // 3. Same, with the who-voted order taken by list position alone (e.g. audit entry numbers).
  const byN = [...times.entries()].sort((a, b) => a[1].n - b[1].n).map(([id]) => id);
  const byPosition = new Map<string, Choice>();
  byN.forEach((id, i) => {
    const c = seq[i];
    if (c) byPosition.set(id, c);
  });
  strategies.push({ strategy: 'audit position against tally steps', assignment: fill(roster, byPosition, final) });

  // 4. Batches: every deputy placed between two tally changes takes that step's majority choice.
  const byBatch = new Map<string, Choice>();
  const sortedTimeline = [...timeline].sort((a, b) => a.t - b.t);
  for (const [id, { t }] of times) {
    const i = sortedTimeline.findIndex((x) => x.t >= t);
    const next = sortedTimeline[i];
    const prev = sortedTimeline[i - 1];
    if (!next || !prev) continue;
    const d = CHOICES.map((k) => next.c[k] - prev.c[k]);
    const best = CHOICES[d.indexOf(Math.max(...d))];
    if (best && Math.max(...d) > 0) byBatch.set(id, best);
  }
  strategies.push({ strategy: 'batch majority by vote time', assignment: fill(roster, byBatch, final) });
  return strategies;
}

/**
 * Matches between a fixed assignment g and the truth, when the truth is a uniformly random
 * arrangement of the final counts (what the operator knows without any link): exact mean and
 * variance. The choices are drawn independently per deputy, so given the counts every
 * arrangement is equally likely.
 */
export function chance(g: readonly Choice[], final: Counts): { mean: number; variance: number } {
  const n = g.length;
  const p = g.map((c) => final[c] / n);
  const mean = p.reduce((a, b) => a + b, 0);
  let second = mean;
  for (let j = 0; j < n; j++) {
    for (let l = 0; l < n; l++) {
      if (j === l) continue;
      const a = g[j] as Choice;
      const b = g[l] as Choice;
      second += (final[a] * (final[b] - (a === b ? 1 : 0))) / (n * (n - 1));
    }
  }
  return { mean, variance: second - mean * mean };
}
