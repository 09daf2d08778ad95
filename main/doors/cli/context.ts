import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { terminalText } from '../../../common/escape';
import type { SwitchboardApi } from '../../../common/contract';
import type { Service } from '../../app/service';
import { openService } from '../../app/open-service';
import { resolveDbPath } from '../../platform/paths';
import { writeFileAtomic } from '../../platform/atomic-write';
import { cannotWrite } from '../../platform/write-failure';
import { printJson, type CliIO } from './output';

interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** What every command gets: where to print, the global flags, and the service opened on demand. */
export interface CliContext {
  io: CliIO;
  json(): boolean;
  dbPath(): string;
  withService<T>(run: (service: Service) => Promise<T>): Promise<T>;
  /** The typed client over the service opened for this command (and the service, for its events). */
  withClient<T>(run: (client: SwitchboardApi, service: Service) => Promise<T>): Promise<T>;
  /** Prints `value` as JSON with --json, else the text `render` makes of it. */
  print<T>(value: T, render: (value: T) => string): void;
  /** An export's content: to stdout, or (atomically) to --out, then a line saying so. */
  writeOut(stage: string, out: string | undefined, content: string, summary: { count: number; text: string }): void;
}

export function cliContext(program: Command, io: CliIO): CliContext {
  const globals = () => program.opts<GlobalOptions>();
  return {
    // What goes to stderr is always a line for a person, often quoting a feed (a page's feed titles).
    io: { out: (text) => io.out(text), err: (text) => io.err(terminalText(text)) },
    json: () => globals().json === true,
    dbPath: () => resolveDbPath(globals().db),
    async withService(run) {
      // A one-shot command's stderr is for its one-line error; slow calls are the console's log.
      // A damaged database stops the command with the backup that would bring it back.
      const service = await openService(resolveDbPath(globals().db), { log: () => {}, damaged: 'refuse' });
      try {
        return await run(service);
      } finally {
        await service.close();
      }
    },
    withClient(run) {
      return this.withService((service) => run(service.client, service));
    },
    print(value, render) {
      // --json is exact (JSON escapes what a terminal would act on); text is stripped of it.
      if (globals().json) printJson(io, value);
      else io.out(terminalText(render(value)));
    },
    writeOut(stage, out, content, summary) {
      if (!out) {
        process.stdout.write(content);
        return;
      }
      try {
        writeFileAtomic(out, content);
      } catch (error) {
        throw new SwitchboardError('invalid-input', stage, cannotWrite(out, error));
      }
      this.print({ file: out, count: summary.count }, () => summary.text);
    },
  };
}

/**
 * A positive whole number written in decimal digits only (leading zeros allowed: 010 is 10).
 * Number() alone read "0x10" as 16, "1e1" as 10 and " 7" as 7: a typo must not act on another id.
 */
export function parseId(text: string, what: string): number {
  const id = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new SwitchboardError('invalid-input', 'cli', `${what} must be a positive whole number, not "${text}"`);
  return id;
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SwitchboardError('invalid-input', 'cli', `--port must be a whole number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** Lines of columns, each as wide as its widest cell. */
export function table(rows: string[][]): string {
  // Stripped before measuring, so a column is as wide as what the terminal shows.
  rows = rows.map((row) => row.map(terminalText));
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}

/** "a, b or c": also how help texts list a contract enum's values. */
export function orList(options: readonly string[]): string {
  return options.length <= 1 ? (options[0] ?? '') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
}

/** One of a contract enum's values (`route.options`, ...), or a one-line error naming them. */
export function oneOf<T extends string>(options: readonly T[], value: string, what: string): T {
  const match = options.find((option) => option === value);
  if (match === undefined) throw new SwitchboardError('invalid-input', 'cli', `${what} must be ${orList(options)}, not "${value}"`);
  return match;
}

/** The same for an optional flag. */
export function optionalOneOf<T extends string>(options: readonly T[], value: string | undefined, what: string): T | undefined {
  return value === undefined ? undefined : oneOf(options, value, what);
}
