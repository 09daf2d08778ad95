import type { z } from 'zod';
import { contract, isOperationName, type OperationName, type ParsedInput } from './contract';
import { SwitchboardError } from './errors';

export interface ValidCall<N extends OperationName = OperationName> {
  name: N;
  input: ParsedInput<N>;
}

/** One line naming each problem, e.g. `limit: Too big: expected number to be <=500`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`).join('; ');
}

/**
 * Checks a call arriving at any door: the operation must exist and its input must match the
 * contract. Returns the parsed input (defaults filled in) or throws an `invalid-input` error
 * that says what was wrong.
 */
export function validateCall(name: unknown, rawInput: unknown): ValidCall {
  if (!isOperationName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 60)}"` : `a ${typeof name}`;
    throw new SwitchboardError('invalid-input', 'api', `there is no operation ${shown}; "switchboard api --list" lists them`);
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new SwitchboardError('invalid-input', name, `invalid input: ${describeIssues(parsed.error.issues)}`);
  }
  return { name, input: parsed.data as ParsedInput<typeof name> };
}
