// Moderator accounts, administrators only: list them, and create operators (or other
// administrators). Passwords are hashed with scrypt by auth.ts; the rules below keep out the
// worst ones without making the desk staff write passwords on sticky notes.
import { Router } from 'express';
import { z } from 'zod';
import { fail, guard, json } from './access.js';
import type { Ctx } from './sockets/common.js';

const NewUser = z.strictObject({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/),
  password: z.string().max(200),
  role: z.enum(['operator', 'admin']).default('operator'),
});

export const MIN_PASSWORD = 10;

/** At least 10 characters, not containing the user name, not one character repeated. */
export function passwordAcceptable(username: string, password: string): boolean {
  if ([...password].length < MIN_PASSWORD) return false;
  if (password.toLowerCase().includes(username.toLowerCase())) return false;
  return new Set(password).size > 2;
}

export function userRoutes(ctx: Ctx): Router {
  const r = Router();
  const admin = guard(ctx, 'admin');

  r.get('/api/users', admin, (_req, res) => {
    res.json({ ok: true, users: ctx.db.data.users.map((u) => ({ username: u.username, role: u.role })) });
  });

  r.post('/api/users', admin, json, async (req, res) => {
    const body = NewUser.safeParse(req.body);
    if (!body.success) return fail(res, 'BAD_REQUEST');
    const { username, password, role } = body.data;
    if (ctx.auth.user(username)) return fail(res, 'USER_EXISTS');
    if (!passwordAcceptable(username, password)) return fail(res, 'WEAK_PASSWORD');
    await ctx.auth.addUser(username, role, password);
    res.status(201).json({ ok: true, username, role });
  });
  return r;
}
