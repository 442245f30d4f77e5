// A meeting with one item of every kind, added to a running test server, with its deputies'
// link tokens: what the abuse and fuzz tests aim at.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventOf } from '../../shared/events.js';
import { AgendaItem } from '../../shared/model.js';
import { ok } from '../../shared/result.js';
import type { App } from '../app.js';
import { demoRoster } from '../demo.js';

export const FIXTURE_ID = 'fixture';

export function fixtureMeeting(rosterSize: number): EventOf<'meeting.created'> {
  return {
    t: 'meeting.created',
    at: 1_700_000_000_000,
    meeting: { id: FIXTURE_ID, title: '测试会议', date: '', settings: { quorum: 'half' } },
    roster: demoRoster(rosterSize),
    agenda: [
      AgendaItem.parse({ id: 'm', kind: 'motion', title: '表决', settings: { countdownSec: 0 } }),
      AgendaItem.parse({
        id: 'p',
        kind: 'projects',
        title: '民生实事',
        settings: { adopt: 2, countdownSec: 0 },
        projects: ['p1', 'p2', 'p3'].map((id) => ({ id, name: `项目 ${id}` })),
      }),
      AgendaItem.parse({
        id: 'r',
        kind: 'rating',
        title: '满意度测评',
        settings: { countdownSec: 0, secret: false },
        subjects: ['s1', 's2'].map((id) => ({ id, name: `部门 ${id}` })),
      }),
    ],
  };
}

/** Add the fixture meeting; returns each deputy's link token. */
export async function addFixture(app: App, rosterSize = 4): Promise<{ deputyId: string; token: string }[]> {
  const created = fixtureMeeting(rosterSize);
  const r = await app.ctx.meetings.commit(FIXTURE_ID, () => ok({ events: [created] }), null);
  if (!r.ok) throw new Error(`fixture: ${r.error}`);
  await app.ctx.auth.ensureLinks(FIXTURE_ID, created.roster.map((d) => d.id));
  return app.ctx.auth.linksOf(FIXTURE_ID).map((l) => ({ deputyId: l.deputyId, token: l.token }));
}

/**
 * Bytes of the meeting record on disk (journal, ballot boxes), not the accounts file, which a
 * login rewrites, nor the audit log, which follows the journal a moment after each ack.
 * Unchanged size = no state change.
 */
export async function recordBytes(dataDir: string): Promise<number> {
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!e.name.startsWith('db.json') && e.name !== 'audit.jsonl') total += (await stat(p)).size;
    }
  };
  await walk(dataDir);
  return total;
}
