// What the supervision tests (supervision, projects, year) start from: the real server on a test
// clock that starts on Monday 2026-11-30, 10:00 in Beijing; an administrator and an operator
// ('desk') signed in; one result entered by hand on the demo meeting, for the cases or the
// projects to come from. Each test gets its own server, closed after it.
import { afterEach, expect } from 'vitest';
import { api } from '../test/api.js';
import { command, console_, login, startServer, type Harness } from '../test/harness.js';

export const DAY = 86_400_000;
/** Monday 2026-11-30, 10:00 in Beijing. */
export const START = Date.UTC(2026, 10, 30, 2, 0);
const OPERATOR = { username: 'desk', password: 'operator-pw-1' };

/** A result counted by hand (the console's manualResult), on an item of the demo meeting. */
export interface ManualResult {
  itemId: string;
  counts: Record<string, unknown>;
}

/** The department rating with two departments below the line: housing and transport (U4). */
export const FLAGGED_RATING: ManualResult = {
  itemId: 'rating-departments',
  counts: {
    kind: 'rating',
    counts: {
      'dept-housing': { satisfied: 2, basic: 1, unsatisfied: 2 },
      'dept-transport': { satisfied: 1, basic: 2, unsatisfied: 2 },
      'dept-environment': { satisfied: 5, basic: 0, unsatisfied: 0 },
      'dept-education': { satisfied: 4, basic: 1, unsatisfied: 0 },
      'dept-health': { satisfied: 4, basic: 0, unsatisfied: 1 },
    },
  },
};

export interface Started {
  h: Harness;
  admin: string;
  operator: string;
}

/**
 * Registers the closing of each test's server and returns how to start one. `now` is the
 * server's clock: a test moves it on (`t.now += 8 * DAY`); `start` puts it back to START.
 */
export function supervisionServer() {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });
  const t = {
    now: START,
    clock: (): number => t.now,
    async start(result: ManualResult): Promise<Started> {
      t.now = START;
      const started = await startServer({ demoSize: 5, clock: t.clock });
      h = started;
      const admin = await login(started.url);
      expect((await api(started.url, 'POST', '/api/users', { session: admin, json: { ...OPERATOR, role: 'operator' } })).status).toBe(201);
      const operator = await loginOperator(started.url);
      const con = console_(started.url, admin, 'demo');
      expect(await command(con, { type: 'manualResult', ...result })).toEqual({ ok: true });
      con.close();
      return { h: started, admin, operator };
    },
  };
  return t;
}

/** A new operator session (sessions last a day: a test that moves the clock on signs in again). */
export const loginOperator = (url: string): Promise<string> => login(url, OPERATOR.username, OPERATOR.password);

/** A supervision command, as the page sends it. */
export const cmd = (url: string, session: string, json: unknown) => api(url, 'POST', '/api/supervision/commands', { session, json });
