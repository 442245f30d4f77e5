// The ballot of each kind as plain form fields, the posted fields back into a ballot, and a
// recorded ballot in words. The rules are not here: whatever the fields say goes through
// VotePayload and decideVote like a phone's ballot, which refuse what does not fit the item.
import type { AgendaItem, BallotContent, MotionChoice } from '../../shared/model.js';
import { projectsOnBallot, seatsOf } from '../../shared/rules/projects.js';
import { scaleOf } from '../../shared/rules/scales.js';
import type { Round } from '../../shared/state.js';
import { esc } from './html.js';
import type { T } from './text.js';
import { assertNever } from '../../shared/never.js';
import { suggestionLines } from './suggestion-lines.js';

type VotableItem = Exclude<AgendaItem, { kind: 'segment' }>;
const CHOICES: readonly MotionChoice[] = ['for', 'against', 'abstain'];

/** Field names: `choice`, `pick` (repeated), `c.<project id>`, `r.<subject id>`. Ids match /^[A-Za-z0-9_-]+$/. */
const radio = (name: string, value: string, label: string, checked: boolean, required: boolean) =>
  `<label class="opt"><input type="radio" name="${esc(name)}" value="${esc(value)}"${checked ? ' checked' : ''}${required ? ' required' : ''}><span>${esc(label)}</span></label>`;

function projectLine(t: T, p: { name: string; department: string; budget: string }): string {
  const meta = [p.department, p.budget ? t('votes:projects.budget', { budget: p.budget }) : ''].filter(Boolean).join(' · ');
  return `<span class="name">${esc(p.name)}</span>${meta ? `<small>${esc(meta)}</small>` : ''}`;
}

/** The fields of a ballot for this item and round (a run-off lists only its candidates). */
export function ballotFields(t: T, item: VotableItem, round: Round): string {
  switch (item.kind) {
    case 'motion':
      return `<fieldset class="choices"><legend>${esc(t('motionLegend'))}</legend>${CHOICES.map((c) => radio('choice', c, t(`common:choice.${c}`), false, true)).join('')}</fieldset>`;
    case 'projects': {
      const on = new Set(projectsOnBallot(item, round));
      const projects = item.projects.filter((p) => on.has(p.id));
      if (item.settings.form === 'select') {
        const n = seatsOf(item, round);
        const rows = projects.map((p) => `<label class="opt pick"><input type="checkbox" name="pick" value="${esc(p.id)}"><span>${projectLine(t, p)}</span></label>`);
        return `<fieldset class="picks"><legend>${esc(t('selectLegend', { n }))}</legend>${rows.join('')}</fieldset>`;
      }
      const rows = projects.map(
        (p) => `<fieldset class="choices each"><legend>${projectLine(t, p)}</legend>${CHOICES.map((c) => radio(`c.${p.id}`, c, t(`common:choice.${c}`), false, true)).join('')}</fieldset>`,
      );
      return `<p class="hint">${esc(t('eachLegend'))}</p>${rows.join('')}`;
    }
    case 'rating': {
      const scale = scaleOf(item.settings.scale);
      if (scale.id === 'score') {
        const rows = item.subjects.map(
          (s) =>
            `<label class="score"><span class="name">${esc(s.name)}</span>${s.person ? `<small>${esc([s.title, s.person].filter(Boolean).join(' '))}</small>` : ''}${suggestionLines(t, item, s.id)}<input type="number" name="r.${esc(s.id)}" min="0" max="100" step="1" inputmode="numeric"></label>`,
        );
        return `<p class="hint">${esc(t('scoreLegend'))}</p>${rows.join('')}`;
      }
      const rows = item.subjects.map((s) => {
        const who = [s.title, s.person].filter(Boolean).join(' ');
        const opts = scale.levels.map((l) => radio(`r.${s.id}`, l, t(`votes:level.${scale.id}.${l}`), false, false));
        // A level may be left out (暂不测评), as on the JS phone; the rules want at least one.
        opts.push(radio(`r.${s.id}`, '', t('notRated'), true, false));
        return `<fieldset class="choices"><legend><span class="name">${esc(s.name)}</span>${who ? `<small>${esc(who)}</small>` : ''}${suggestionLines(t, item, s.id)}</legend>${opts.join('')}</fieldset>`;
      });
      return `<p class="hint">${esc(t('ratingLegend'))}</p>${rows.join('')}`;
    }
    default:
      return assertNever(item, 'item');
  }
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The ballot the posted fields describe, shaped for VotePayload. Values are passed on as given
 * (a wrong choice, a level of another scale, an unknown id): the rules refuse them with their
 * own codes, exactly as they would a phone's ballot.
 */
export function ballotFromForm(item: VotableItem, body: Record<string, unknown>): unknown {
  switch (item.kind) {
    case 'motion':
      return { kind: 'motion', choice: one(body.choice) ?? '' };
    case 'projects': {
      if (item.settings.form === 'select') {
        const picks = body.pick === undefined ? [] : Array.isArray(body.pick) ? body.pick : [body.pick];
        return { kind: 'select', picks };
      }
      const choices: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(body)) if (k.startsWith('c.')) choices[k.slice(2)] = one(v) ?? '';
      return { kind: 'each', choices };
    }
    case 'rating': {
      const score = item.settings.scale === 'score';
      const ratings: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(body)) {
        const value = one(v)?.trim() ?? '';
        if (!k.startsWith('r.') || value === '') continue; // left out: not rated
        ratings[k.slice(2)] = score && /^\d{1,3}$/.test(value) ? Number(value) : value;
      }
      return { kind: 'rating', ratings };
    }
    default:
      return assertNever(item, 'item');
  }
}

/** A recorded ballot in words, for a named vote (the choice is public) or this deputy's own echo. */
export function ballotWords(t: T, item: VotableItem, c: BallotContent): string {
  const list = (rows: string[]) => `<ul class="recorded">${rows.map((r) => `<li>${r}</li>`).join('')}</ul>`;
  if (c.kind === 'motion') return `<p class="choice">${esc(t(`common:choice.${c.choice}`))}</p>`;
  if (c.kind === 'select' && item.kind === 'projects') {
    if (c.picks.length === 0) return `<p>${esc(t('votes:projects.recordedNone'))}</p>`;
    const names = c.picks.map((id) => esc(item.projects.find((p) => p.id === id)?.name ?? id));
    return `<p>${esc(t('votes:projects.recordedSelect', { count: c.picks.length }))}</p>${list(names)}`;
  }
  if (c.kind === 'each' && item.kind === 'projects') {
    const rows = item.projects.filter((p) => c.choices[p.id]).map((p) => `${esc(p.name)}：<b>${esc(t(`common:choice.${c.choices[p.id] ?? 'abstain'}`))}</b>`);
    return `<p>${esc(t('votes:projects.recordedEach'))}</p>${list(rows)}`;
  }
  if (c.kind === 'rating' && item.kind === 'rating') {
    const scale = item.settings.scale;
    const rows = item.subjects.map((s) => {
      const v = c.ratings[s.id];
      const words = v === undefined ? t('votes:rating.notRated') : typeof v === 'number' ? String(v) : t(`votes:level.${scale}.${v}`);
      return `${esc(s.name)}：<b>${esc(words)}</b>`;
    });
    return `<p>${esc(t('votes:rating.recorded'))}</p>${list(rows)}`;
  }
  return '';
}
