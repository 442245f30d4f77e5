// The dashboard's call (GET /api/supervision/dashboard), parsed before use like the register's.
import { z } from 'zod';
import { IsoDate } from '../../../shared/supervision/workdays.js';
import { YearProject } from '../year/api.js';

const Statuses = z.object({ overdue: z.number(), awaitingNotice: z.number(), rectifying: z.number(), completed: z.number(), closed: z.number() });
const Dashboard = z.object({
  ok: z.literal(true),
  today: IsoDate,
  cases: z.object({ total: z.number(), byStatus: Statuses, byDepartment: z.array(z.object({ department: z.string(), counts: Statuses, total: z.number() })) }),
  projects: z.object({
    total: z.number(),
    byStatus: z.object({ overdue: z.number(), notStarted: z.number(), inProgress: z.number(), completed: z.number() }),
    byBand: z.object({ '0-24': z.number(), '25-49': z.number(), '50-74': z.number(), '75-99': z.number(), '100': z.number() }),
    rows: z.array(YearProject),
  }),
  published: z.object({ case: z.array(z.string()), project: z.array(z.string()) }),
});
export type DashboardData = z.infer<typeof Dashboard>;

export async function loadDashboard(session: string): Promise<{ ok: true; value: DashboardData } | { ok: false; error: string }> {
  try {
    const res = await fetch('/api/supervision/dashboard', { headers: { authorization: `Bearer ${session}` } });
    if (res.status === 401) return { ok: false, error: 'UNAUTHORIZED' };
    const body = Dashboard.safeParse(await res.json());
    return body.success ? { ok: true, value: body.data } : { ok: false, error: 'INTERNAL' };
  } catch {
    return { ok: false, error: 'NETWORK' };
  }
}
