// What the committee makes public (U40..U42): one flag per record, of any record kind the year
// keeps (a rectification case, a tracked project), set by an administrator and journaled like
// every change. Kept apart from model.ts so the other record kinds' schemas stay their own.
import { z } from 'zod';
import { Id } from '../model.js';
import { IsoDate } from './workdays.js';

/** The record kinds a flag can name. A new kind is one more entry here and in publish.ts. */
export const PublishKind = z.enum(['case', 'project']);
export type PublishKind = z.infer<typeof PublishKind>;

/** `on`: the day it was decided, for the record's timeline. */
export const PublishedSetEvent = z.strictObject({ t: z.literal('published.set'), kind: PublishKind, id: Id, published: z.boolean(), on: IsoDate });
export type PublishedSetEvent = z.infer<typeof PublishedSetEvent>;

export const SetPublishedCommand = z.strictObject({ type: z.literal('setPublished'), kind: PublishKind, id: Id, published: z.boolean() });
export type SetPublishedCommand = z.infer<typeof SetPublishedCommand>;

/** The ids of the published records, per kind; a record not listed is not public (the default). */
export type PublishedIds = Readonly<Record<PublishKind, readonly string[]>>;

export const NOTHING_PUBLISHED: PublishedIds = { case: [], project: [] };

/** The reducer's step for a flag (state.ts): the id joins or leaves its kind's list. */
export function foldPublished(p: PublishedIds, e: PublishedSetEvent): PublishedIds {
  const rest = p[e.kind].filter((id) => id !== e.id);
  return { ...p, [e.kind]: e.published ? [...rest, e.id] : rest };
}
