// The Chinese record and the screen say the same words for the same outcome: the export's
// labels (server/results/labels.ts) are held equal to the client's zh-CN locale.
import { describe, expect, it } from 'vitest';
import zh from '../../client/src/i18n/zh-CN/common.json' with { type: 'json' };
import { OUTCOME_LABEL, RULE_LABEL, UNFILLED_LABEL } from './labels.js';

describe('export labels', () => {
  it('[O2] [O4] the export words for every outcome and unfilled-seat key equal the zh-CN screen words', () => {
    expect(OUTCOME_LABEL).toEqual(zh.label);
    expect(UNFILLED_LABEL).toEqual(zh.unfilled);
    expect(RULE_LABEL.runoff).toBe(zh.ruleShort.runoff);
  });
});
