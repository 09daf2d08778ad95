import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import type { Service } from '../../app/service';
import { openService } from '../../app/open-service';
import { resolveDbPath } from '../../platform/paths';
import { writeFileAtomic } from '../../platform/atomic-write';
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
  /** Prints `value` as JSON with --json, else the text `render` makes of it. */
  print<T>(value: T, render: (value: T) => string): void;
  /** An export's content: to stdout, or (atomically) to --out, then a line saying so. */
  writeOut(stage: string, out: string | undefined, content: string, summary: { count: number; text: string }): void;
}

export function cliContext(program: Command, io: CliIO): CliContext {
  const globals = () => program.opts<GlobalOptions>();
  return {
    io,
    json: () => globals().json === true,
    dbPath: () => resolveDbPath(globals().db),
    async withService(run) {
      const service = openService(resolveDbPath(globals().db));
      try {
        return await run(service);
      } finally {
        await service.close();
      }
    },
    print(value, render) {
      if (globals().json) printJson(io, value);
      else io.out(render(value));
    },
    writeOut(stage, out, content, summary) {
      if (!out) {
        process.stdout.write(content);
        return;
      }
      try {
        writeFileAtomic(out, content);
      } catch (error) {
        throw new SwitchboardError('invalid-input', stage, `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      this.print({ file: out, count: summary.count }, () => summary.text);
    },
  };
}

export function parseId(text: string, what: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new SwitchboardError('invalid-input', 'cli', `${what} must be a positive whole number, not "${text}"`);
  return id;
}

/** Lines of columns, each as wide as its widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}
