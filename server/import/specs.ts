// What each kind of import expects: its columns, how header texts map to them, the model
// schema that validates a row, and which values must be unique. One spec per kind feeds the
// one generic table parser (table.ts) and the template builder (template.ts).
import { z } from 'zod';
import { Deputy, Project, Subject } from '../../shared/model.js';
import type { RowReason } from './reasons.js';
import type { SuggestionRow } from '../../shared/suggestions/model.js';
import { suggestionsSpec } from './suggestions.js';

/** Validate a kind arriving from HTTP with this before calling parseTable or templateFile. */
export const ImportKind = z.enum(['roster', 'projects', 'subjects', 'suggestions']);
export type ImportKind = z.infer<typeof ImportKind>;

export interface ColumnSpec {
  /** The model field this column fills. */
  readonly field: string;
  /**
   * Header texts that name the column, compared after normalizeHeader, in priority order: when
   * two columns match, the earlier alias wins and the other is listed as ignored. The first is
   * the header the templates print.
   */
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /** Person names: a space between two Chinese characters is padding (王\u3000五 in a roster aligned by hand), not part of the name. */
  readonly personName?: boolean;
  /** A unit in the header, 预算（万元）, is appended to bare numbers: "3200" becomes "3200 万元". */
  readonly unitFromHeader?: boolean;
}

export interface UniqueRule<T> {
  /** The field blamed in the issue. */
  readonly field: string;
  readonly reason: RowReason;
  /** The value that must not repeat; null exempts the row (e.g. a deputy with no seat yet). */
  readonly key: (row: T) => string | null;
}

export interface KindSpec<T> {
  readonly kind: ImportKind;
  /** Ids are the prefix and a zero-padded counter: d001, d002, ... */
  readonly idPrefix: string;
  readonly columns: readonly ColumnSpec[];
  readonly schema: z.ZodType<T>;
  readonly unique: readonly UniqueRule<T>[];
  /** The model's own cap on how many of these an item may hold. */
  readonly maxRows: number;
  /** Two example rows for the template, in column order. */
  readonly examples: readonly (readonly string[])[];
}

/** Seats compare without width or case differences: "Ａ１２" and "a12" are the same seat. */
const seatKey = (seat: string): string | null => (seat === '' ? null : seat.normalize('NFKC').replace(/\s+/g, '').toLowerCase());

export const rosterSpec: KindSpec<Deputy> = {
  kind: 'roster',
  idPrefix: 'd',
  columns: [
    { field: 'name', aliases: ['姓名', '代表姓名', '名字', 'name', 'fullname'], required: true, personName: true },
    { field: 'group', aliases: ['代表团', '组别', '分组', '小组', '团组', '所在代表团', 'group', 'delegation'] },
    { field: 'seat', aliases: ['座位', '座号', '座位号', '席位', '席位号', 'seat', 'seatno'] },
  ],
  schema: Deputy,
  unique: [
    { field: 'seat', reason: 'DUPLICATE_SEAT', key: (d) => seatKey(d.seat) },
    { field: 'name', reason: 'DUPLICATE_NAME_IN_GROUP', key: (d) => JSON.stringify([d.group, d.name]) },
  ],
  maxRows: 5000,
  examples: [
    ['张伟', '第一代表团', '1排1号'],
    ['阿依古丽·买买提', '第二代表团', '1排2号'],
  ],
};

export const projectsSpec: KindSpec<Project> = {
  kind: 'projects',
  idPrefix: 'p',
  columns: [
    { field: 'name', aliases: ['项目名称', '名称', '项目', 'name', 'project', 'projectname'], required: true },
    { field: 'department', aliases: ['部门', '责任单位', '牵头单位', '承办单位', '实施单位', 'department', 'dept'] },
    { field: 'budget', aliases: ['预算', '投资', '总投资', '投资额', '预算金额', '资金', 'budget'], unitFromHeader: true },
    { field: 'deadline', aliases: ['完成时限', '期限', '完成时间', '时限', 'deadline', 'due'] },
  ],
  schema: Project,
  unique: [{ field: 'name', reason: 'DUPLICATE_NAME', key: (p) => p.name }],
  maxRows: 200,
  examples: [
    ['老旧小区改造', '市住建局', '3200 万元', '2025年12月底'],
    ['新增公办幼儿园学位2000个', '市教育局', '1800 万元', '2025年9月'],
  ],
};

export const subjectsSpec: KindSpec<Subject> = {
  kind: 'subjects',
  idPrefix: 's',
  columns: [
    { field: 'name', aliases: ['单位名称', '名称', '单位', '部门', '被测评单位', 'name', 'unit', 'department'], required: true },
    { field: 'person', aliases: ['负责人', '答复人', '姓名', 'person'], personName: true },
    { field: 'title', aliases: ['职务', 'title', 'position'] },
  ],
  schema: Subject,
  unique: [{ field: 'name', reason: 'DUPLICATE_NAME', key: (s) => s.name }],
  maxRows: 100,
  examples: [
    ['市住房和城乡建设局', '李明', '局长'],
    ['市生态环境局', '王芳', '副局长'],
  ],
};

export interface KindRow {
  roster: Deputy;
  projects: Project;
  subjects: Subject;
  suggestions: SuggestionRow;
}

export const SPECS: { readonly [K in ImportKind]: KindSpec<KindRow[K]> } = {
  roster: rosterSpec,
  projects: projectsSpec,
  subjects: subjectsSpec,
  // Matched against no roster: the template and the header; the upload builds it per meeting.
  suggestions: suggestionsSpec([]),
};
