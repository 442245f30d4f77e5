// A rank as the screen says it: 第 n or, when another subject has the same rank, 并列第 n (in
// words, not only by colour or repetition). Competition ranks: 1, 2, 2, 4 (rules/ranking.ts).
import type { TFunction } from 'i18next';

export function rankText(t: TFunction, rank: number | null, all: readonly (number | null)[]): string {
  if (rank === null) return '—';
  const tied = all.filter((r) => r === rank).length > 1;
  return t(tied ? 'scenes:result.rankTied' : 'scenes:result.rankOf', { rank });
}
