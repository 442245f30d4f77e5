// 代表建议 import: number, title, lead deputy, joining deputies, 主办 and 会办 units, the reply
// summary. Deputies are matched to the meeting's roster by id or by name, so the spec is built
// per meeting; a name the roster lacks (or holds twice) is a row error naming it (SPEC R18).
import { z } from 'zod';
import type { Deputy } from '../../shared/model.js';
import { SuggestionRow } from '../../shared/suggestions/model.js';

/** Several names or units in one cell: 、 ， , ； ; / or spaces between them. */
const split = (cell: string) => cell.split(/[、，,；;/\s]+/u).map((x) => x.trim()).filter(Boolean);
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/gu, '');

const Raw = z.strictObject({
  id: z.string(),
  number: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(60),
  lead: z.string().trim().min(1).max(40),
  joined: z.string().trim().max(2000).default(''),
  units: z.string().trim().min(1).max(600),
  jointUnits: z.string().trim().max(600).default(''),
  reply: z.string().trim().max(500).default(''),
});

/** A KindSpec<SuggestionRow> (specs.ts, which imports this file: checked there, in SPECS). */
export function suggestionsSpec(roster: readonly Deputy[]) {
  const byId = new Map(roster.map((d) => [d.id, d]));
  const byName = new Map<string, Deputy[]>();
  for (const d of roster) byName.set(nameKey(d.name), [...(byName.get(nameKey(d.name)) ?? []), d]);
  /** A roster deputy by id, else by name; a custom issue (reason, the token) otherwise. */
  const find = (token: string): Deputy | 'UNKNOWN_DEPUTY' | 'AMBIGUOUS_DEPUTY' => {
    const exact = byId.get(token);
    if (exact) return exact;
    const named = byName.get(nameKey(token)) ?? [];
    return named.length === 1 && named[0] ? named[0] : named.length > 1 ? 'AMBIGUOUS_DEPUTY' : 'UNKNOWN_DEPUTY';
  };
  const schema = Raw.transform((raw, ctx): SuggestionRow => {
    const resolve = (field: 'lead' | 'joined', token: string): string => {
      const d = find(token);
      if (typeof d !== 'string') return d.id;
      ctx.addIssue({ code: 'custom', path: [field], message: d, params: { value: token } });
      return '';
    };
    const lead = resolve('lead', raw.lead);
    const joined = split(raw.joined).map((x) => resolve('joined', x));
    const row = {
      id: raw.id,
      number: raw.number,
      name: raw.name,
      lead,
      person: byId.get(lead)?.name ?? '',
      joined: [...new Set(joined)].filter((x) => x !== lead),
      joinedNames: [...new Set(joined)].filter((x) => x !== lead).map((x) => byId.get(x)?.name ?? x),
      units: [...new Set(split(raw.units))],
      jointUnits: [...new Set(split(raw.jointUnits))],
      reply: raw.reply,
    };
    const parsed = SuggestionRow.safeParse(row);
    if (!parsed.success) for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: i.path.slice(0, 1), message: i.code === 'too_big' ? 'VALUE_TOO_LONG' : 'INVALID_VALUE' });
    return row;
  });
  return {
    kind: 'suggestions' as const,
    idPrefix: 'g',
    columns: [
      { field: 'number', aliases: ['建议号', '建议编号', '编号', '序号', 'number', 'no'], required: true },
      { field: 'name', aliases: ['建议题目', '题目', '标题', '建议名称', '案由', 'title'], required: true },
      { field: 'lead', aliases: ['领衔代表', '领衔人', '提出代表', '提出人', 'lead', 'leaddeputy'], required: true, personName: true },
      { field: 'joined', aliases: ['附议代表', '附议人', '联名代表', 'joined', 'cosigners'] },
      { field: 'units', aliases: ['主办单位', '承办单位', '办理单位', 'unit', 'units', 'leadunit'], required: true },
      { field: 'jointUnits', aliases: ['会办单位', '协办单位', 'jointunits'] },
      { field: 'reply', aliases: ['答复摘要', '办理答复', '答复内容', '答复', 'reply'] },
    ],
    schema,
    unique: [{ field: 'number', reason: 'DUPLICATE_NUMBER' as const, key: (g: SuggestionRow) => g.number }],
    maxRows: 100,
    examples: [
      ['12', '关于加强农村饮水安全工程建设的建议', '张伟', '李娜、王强', '县水利局', '县财政局', '已将3个村纳入今年改造计划，年底前完工。'],
      ['27', '关于增设城区公交线路的建议', '李娜', '', '县交通运输局', '', '已新开2路、9路，其余线路明年调整。'],
    ],
  };
}
