// How the CLI talks: results on stdout (one JSON document with --json), every failure as one
// line on stderr and exit code 1.
import { sentence } from '../../../common/errors';
import { terminalText } from '../../../common/escape';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value ?? null, null, 2));
}

/**
 * One line, whatever went wrong: `switchboard: What happened and what to do.`, a sentence without
 * the stage that failed (a person acts on what happened, not on where in Switchboard it did).
 * Warnings that do not stop a command (a feed left out, a page's other feeds) take the same form.
 */
export function errorLine(error: unknown): string {
  return `switchboard: ${terminalText(sentence(error).replace(/\s*\n\s*/g, ' '))}`;
}
