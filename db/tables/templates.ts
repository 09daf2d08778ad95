// Saved replies. A template may only use the built-in placeholders and the ones it declares;
// anything else is refused when it is saved, so it can never reach an export.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { SwitchboardError } from '../../common/errors';
import type { Template, TemplateKind } from '../../common/types';
import { TEMPLATE_KIND_LABELS } from '../../common/labels';
import { iso } from '../../common/time';
import { BUILT_IN_PLACEHOLDERS, unknownPlaceholders } from '../../common/placeholders';

interface TemplateRow {
  id: number;
  name: string;
  lane: Template['lane'];
  body: string;
  variables: string;
  kind: TemplateKind | null;
  updated_at: number;
}

function toTemplate(row: TemplateRow): Template {
  return { id: row.id, name: row.name, lane: row.lane, body: row.body, variables: JSON.parse(row.variables) as string[], kind: row.kind, updatedAt: iso(row.updated_at) };
}

/** The saved replies of one lane by name, or of both by lane then name (any case). */
export function listTemplates(db: Db, lane?: Template['lane']): Template[] {
  const rows = lane
    ? prepared<[string], TemplateRow>(db, 'SELECT * FROM templates WHERE lane = ? ORDER BY name COLLATE NOCASE').all(lane)
    : prepared<[], TemplateRow>(db, 'SELECT * FROM templates ORDER BY lane, name COLLATE NOCASE').all();
  return rows.map(toTemplate);
}

export interface TemplateInput {
  id?: number;
  name: string;
  lane: Template['lane'];
  body: string;
  variables: string[];
  kind: TemplateKind | null;
}

/** The saved reply of this kind, if the moderator declared one. */
export function templateOfKind(db: Db, kind: TemplateKind): Template | null {
  const row = prepared<[string], TemplateRow>(db, 'SELECT * FROM templates WHERE kind = ?').get(kind);
  return row ? toTemplate(row) : null;
}

/** Why a saved reply cannot have its kind, if it cannot: the spotlight drafts it without asking anything. */
function kindProblem(db: Db, input: TemplateInput): SwitchboardError | null {
  if (input.kind === null) return null;
  if (input.lane !== 'spotlight') return new SwitchboardError('invalid-input', 'templates', 'only a spotlight saved reply can be a thank-you or an invitation');
  if (input.variables.length) {
    const declared = input.variables.map((name) => `{{${name}}}`).join(', ');
    return new SwitchboardError('invalid-input', 'templates', `a thank-you or invitation is drafted without asking anything, so it cannot declare ${declared}`);
  }
  const holder = templateOfKind(db, input.kind);
  if (holder && holder.id !== input.id) return new SwitchboardError('conflict', 'templates', `"${holder.name}" is already the ${TEMPLATE_KIND_LABELS[input.kind]} reply; give it another kind (or none) first`);
  return null;
}

/** Creates a saved reply, or updates the one with `input.id`; refuses unknown placeholders and a name already taken. */
export function saveTemplate(db: Db, input: TemplateInput, now: number): Template {
  const builtIn = new Set<string>(BUILT_IN_PLACEHOLDERS);
  const clash = input.variables.find((name) => builtIn.has(name));
  if (clash) throw new SwitchboardError('invalid-input', 'templates', `{{${clash}}} is filled in from the comment; it need not be declared`);
  const unknown = unknownPlaceholders(input.body, input.variables);
  if (unknown.length) {
    throw new SwitchboardError(
      'invalid-input',
      'templates',
      `${unknown.map((name) => `{{${name}}}`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a placeholder Switchboard knows; use ${BUILT_IN_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}, or declare it as a variable to ask for`,
    );
  }
  const problem = kindProblem(db, input);
  if (problem) throw problem;
  const other = prepared<[string], { id: number }>(db, 'SELECT id FROM templates WHERE name = ?').get(input.name);
  if (other && other.id !== input.id) throw new SwitchboardError('conflict', 'templates', `a saved reply named "${input.name}" already exists`);
  const values = { ...input, variables: JSON.stringify(input.variables), now };
  const id =
    input.id === undefined
      ? Number(prepared(db, 'INSERT INTO templates (name, lane, body, variables, kind, created_at, updated_at) VALUES (@name, @lane, @body, @variables, @kind, @now, @now)').run(values).lastInsertRowid)
      : prepared(db, 'UPDATE templates SET name = @name, lane = @lane, body = @body, variables = @variables, kind = @kind, updated_at = @now WHERE id = @id').run(values).changes
        ? input.id
        : -1;
  if (id === -1) throw new SwitchboardError('not-found', 'templates', `there is no saved reply with id ${input.id}`);
  return toTemplate(prepared<[number], TemplateRow>(db, 'SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow);
}

/** Deletes a saved reply; answers whether there was one. */
export function deleteTemplate(db: Db, id: number): { deleted: boolean } {
  return { deleted: prepared(db, 'DELETE FROM templates WHERE id = ?').run(id).changes > 0 };
}
