// The one definition of a valid rule (common/contract/rules.ts): what the editor, the CLI and an
// imported file are all refused with, in words that name the rule and the problem.
import { describe, expect, it } from 'vitest';
import { readRulesFile, ruleDraft } from '../../../common/contract/rules';

const refunds = { name: 'Refunds', when: { words: ['refund'] }, then: { kind: 'route', route: 'service' } };

function problemOf(file: unknown): string {
  try {
    readRulesFile(file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('a valid rule', () => {
  it('refuses a pattern that does not compile, naming the rule and what is missing', () => {
    const parsed = ruleDraft.safeParse({ ...refunds, when: { pattern: '(refund' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("rule 'Refunds': the regular expression `(refund` is not valid: missing )");
  });

  it('fills in what may be left out: enabled, and a suggestion weight of 3', () => {
    const parsed = ruleDraft.parse({ ...refunds, then: { kind: 'suggest', route: 'service' } });
    expect(parsed).toMatchObject({ enabled: true, then: { weight: 3 } });
  });

  it('refuses a rule without conditions, and lengths that no comment could have', () => {
    expect(ruleDraft.safeParse({ ...refunds, when: {} }).error?.issues[0]?.message).toBe('give a rule at least one condition');
    expect(ruleDraft.safeParse({ ...refunds, when: { minLength: 50, maxLength: 10 } }).error?.issues[0]?.message).toMatch(/no comment could match/);
  });
});

describe('a rules file', () => {
  it('names the rule by place and name for a bad pattern, an unknown field and a wrong type', () => {
    const message = problemOf({
      switchboardRules: 1,
      rules: [
        refunds,
        { ...refunds, name: 'Broken pattern', when: { pattern: 'a)' } },
        { ...refunds, name: 'Colourful', when: { words: ['x'], colour: 'red' } },
        { ...refunds, name: 'Wordy', when: { minLength: 'ten' } },
      ],
    });
    expect(message).toBe(
      "nothing was imported: rule 2 'Broken pattern': the regular expression `a)` is not valid: a ) with no ( before it; " +
        'rule 3 \'Colourful\': when has a field Switchboard does not know: "colour"; ' +
        "rule 4 'Wordy': when.minLength should be a number, not a string",
    );
  });

  it('refuses what is not a rules file at all', () => {
    expect(problemOf({ rules: [] })).toMatch(/^this is not a Switchboard rules file/);
    expect(problemOf([refunds])).toMatch(/^this is not a Switchboard rules file/);
  });
});
