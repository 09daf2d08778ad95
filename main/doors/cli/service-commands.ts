// The customer-service desk from the terminal: saved replies, drafts, export.
import type { Command } from 'commander';
import { SwitchboardError, sentence } from '../../../common/errors';
import { errorLine } from './output';
import { draftsFormat, draftsSelection, lane, templateKind } from '../../../common/contract/shared';
import { oneOf, optionalOneOf, orList, parseId, table, type CliContext } from './context';
import { count } from '../../../common/plural';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --var KEY=VALUE, repeatable. */
function parseVars(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = /^([a-zA-Z][\w-]*)=(.*)$/s.exec(pair);
      if (!match) throw new SwitchboardError('invalid-input', 'cli', `--var takes KEY=VALUE, not "${pair}"`);
      return [match[1] as string, match[2] as string];
    }),
  );
}

export function registerServiceCommands(program: Command, cli: CliContext): void {
  program
    .command('templates')
    .description('list the saved replies')
    .action(async () => {
      const templates = await cli.withClient((client) => client['templates-list']());
      cli.print(templates, (list) =>
        list.length === 0 ? 'No saved replies yet. Add one with: switchboard template add NAME --lane service --text TEXT' : table([['NAME', 'LANE', 'KIND', 'TEXT'], ...list.map((t) => [t.name, t.lane, t.kind ?? '', t.body.replace(/\s+/g, ' ').slice(0, 70)])]),
      );
    });

  program
    .command('template')
    .description('manage saved replies')
    .command('add')
    .description('add a saved reply; placeholders: {{author}} {{thread_title}} {{thread_url}} {{comment_url}} {{feed_title}} {{moderator}}, or declared ones')
    .argument('<name>', 'its name')
    .requiredOption('--lane <lane>', orList(lane.options))
    .requiredOption('--text <text>', 'the reply text')
    .option('--declare <variable>', 'a placeholder of its own, asked for when it is used (repeatable)', collect, [])
    .option('--kind <kind>', `spotlight only, what it is for: ${orList(templateKind.options)} (thank and invite draft from it)`)
    .action(async (name: string, options: { lane: string; text: string; declare: string[]; kind?: string }) => {
      const kind = optionalOneOf(templateKind.options, options.kind, '--kind') ?? null;
      const template = await cli.withClient((client) => client['template-save']({ name, lane: oneOf(lane.options, options.lane, '--lane'), body: options.text, variables: options.declare, kind }));
      cli.print(template, (t) => `Saved reply "${t.name}" (${t.lane}${t.kind ? `, ${t.kind}` : ''}) added.`);
    });

  program
    .command('draft')
    .description("draft the reply to a comment, from text or a saved reply (placeholders filled from the comment)")
    .argument('<item-id>', 'the comment')
    .option('--text <text>', 'the reply text')
    .option('--template <name>', 'a saved reply')
    .option('--var <key=value>', 'a value for a placeholder the saved reply declares (repeatable)', collect, [])
    .option('--ready', 'mark it ready to export')
    .action(async (itemId: string, options: { text?: string; template?: string; var: string[]; ready?: boolean }) => {
      if ((options.text === undefined) === (options.template === undefined)) throw new SwitchboardError('invalid-input', 'cli', 'give either --text TEXT or --template NAME');
      const id = parseId(itemId, 'item-id');
      const vars = parseVars(options.var);
      const draft = await cli.withClient(async (client) => {
        // A saved reply is filled in by the service, as it would be for any door.
        if (options.template !== undefined) return client['draft-from-template']({ itemId: id, template: options.template, vars, ready: options.ready === true });
        // Plain text is what the console's composer saves; the comment is looked up first so a
        // wrong id reads as it does in every other command.
        await client['item-get']({ id });
        const saved = await client['draft-save']({ itemId: id, body: options.text ?? '', templates: [] });
        if (options.ready) await client['drafts-ready']({ ids: [id] });
        return saved;
      });
      cli.print(draft, (d) => `Drafted the reply to comment ${id}${options.ready ? ', ready to export' : ''}:\n${d.body}`);
    });

  program
    .command('export')
    .description('export data')
    .command('drafts')
    .description('export reply drafts (one row per person); without --out, to stdout')
    .requiredOption('--format <format>', orList(draftsFormat.options))
    .option('--out <file>', 'write to this file (atomically)')
    .option('--status <status>', `${orList(draftsSelection.options)}; ready by default`)
    .option('--no-bom', 'CSV: leave out the UTF-8 byte order mark that makes spreadsheets show accents and dashes (for tools that choke on it)')
    .action(async (options: { format: string; out?: string; status?: string; bom: boolean }) => {
      await cli.withClient(async (client) => {
        // Without --status, the contract's default (ready) applies.
        const result = await client['drafts-export']({ format: oneOf(draftsFormat.options, options.format, '--format'), status: optionalOneOf(draftsSelection.options, options.status, '--status'), bom: options.bom });
        cli.writeOut('export', options.out, result.content, { count: result.count, text: `Wrote ${count(result.count, 'reply', 'replies')} to ${options.out}.` });
        // Only a file (or stdout) written in full makes the replies exported. On a full disk or a
        // read-only file that mark cannot be stored, yet the export is whole: say so, and succeed.
        try {
          await client['drafts-mark-exported']({ ids: result.itemIds });
        } catch (error) {
          cli.io.err(errorLine(`The export is complete, but its replies could not be marked exported. ${sentence(error)}`));
        }
      });
    });
}
