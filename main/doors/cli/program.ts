// The `switchboard` command: a thin door onto the service table. `api` reaches every operation;
// each feature adds friendlier commands on top of the same table.
import { Command, CommanderError, Option } from 'commander';
import { contract, OPERATION_NAMES } from '../../../common/contract';
import { SwitchboardError } from '../../../common/errors';
import { cliContext, parsePort, table, type CliContext } from './context';
import { registerTeamServerCommands } from './team-server-commands';
import { registerTeamFeedCommands } from './team-feed-commands';
import { registerTeamCommands } from './team-commands';
import { registerTeamCheckoutCommands } from './team-checkout-commands';
import { registerBackupCommands } from './backup-commands';
import { registerRulesCommands } from './rules-commands';
import { registerFeedCommands } from './feed-commands';
import { registerServiceCommands } from './service-commands';
import { registerSpotlightCommands } from './spotlight-commands';
import { registerTriageCommands } from './triage-commands';
import { registerSuggestionCommands } from './suggestion-commands';
import { errorLine, printJson, processIO, type CliIO } from './output';

export interface CliHooks {
  /** Opens the console: the Electron window where possible, browser mode otherwise. */
  start(dbPath: string): Promise<number>;
  /** Serves the console in browser mode until interrupted. */
  serve(dbPath: string, port: number | undefined, io: CliIO): Promise<number>;
}

function parseJsonArgument(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SwitchboardError('invalid-input', 'cli', `the arguments ${JSON.stringify(text.slice(0, 80))} are not valid JSON; write them like '{"id": 3}'`);
  }
}

function registerApiCommand(program: Command, cli: CliContext): void {
  program
    .command('api')
    .description('call any service operation with JSON arguments and print its JSON result')
    .argument('[operation]', 'operation name, as "switchboard api --list" shows')
    .argument('[json-args]', 'the operation\'s input as one JSON object, e.g. \'{"view":"inbox"}\'')
    .option('--list', 'list the operations')
    .action(async (operation: string | undefined, jsonArgs: string | undefined, options: { list?: boolean }) => {
      if (options.list || operation === undefined) {
        const rows = OPERATION_NAMES.map((name) => ({ name, summary: contract[name].summary }));
        cli.print(rows, () => table(rows.map((row) => [row.name, row.summary])));
        return;
      }
      const input = parseJsonArgument(jsonArgs);
      await cli.withService(async (service) => printJson(cli.io, await service.call(operation, input)));
    });
}

export function buildProgram(io: CliIO, hooks: CliHooks, setExit: (code: number) => void): Command {
  const program = new Command('switchboard')
    .description('Switchboard: route blog and forum comments to customer service or the community spotlight.')
    .addOption(new Option('--db <path>', 'database file (default: $SWITCHBOARD_DB, else the user-data folder)'))
    .option('--json', 'print one JSON document on stdout and nothing else')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      // Commander's own complaints (unknown option, missing argument) become our one-line form.
      outputError: (text, write) => write(`${errorLine(`${text.replace(/^error: /, '').trim()}; see --help`)}\n`),
    });
  const cli = cliContext(program, io);

  registerApiCommand(program, cli);
  registerFeedCommands(program, cli);
  registerRulesCommands(program, cli);
  registerTriageCommands(program, cli);
  registerServiceCommands(program, cli);
  registerSpotlightCommands(program, cli);
  registerBackupCommands(program, cli);
  registerSuggestionCommands(program, cli);

  // The team workspace (issue 15): each part registers its own subcommands under `team`.
  const team = program.command('team').description('a team workspace on PostgreSQL: several moderators, one queue (see the README, "Team workspace")');
  registerTeamServerCommands(team, cli);
  registerTeamFeedCommands(team, cli);
  registerTeamCommands(team, cli);
  registerTeamCheckoutCommands(team, cli);

  program
    .command('serve')
    .description('serve the console in browser mode on 127.0.0.1 and print its address')
    .option('--port <n>', 'port to listen on (default: any free port)')
    .action(async (options: { port?: string }) => {
      setExit(await hooks.serve(cli.dbPath(), options.port === undefined ? undefined : parsePort(options.port), io));
    });

  program
    .command('start')
    .description('open the console: the desktop window, or browser mode where Electron cannot run')
    .action(async () => {
      setExit(await hooks.start(cli.dbPath()));
    });

  return program;
}

/** Runs one command line; resolves to the process exit code. */
export async function runCli(argv: readonly string[], hooks: CliHooks, io: CliIO = processIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, hooks, (exit) => (code = exit));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    io.err(errorLine(error));
    return 1;
  }
}
