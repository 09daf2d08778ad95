// Errors a moderator may read. Each names the stage that failed and says what to do; the doors
// only translate them (HTTP status, CLI exit code, toast), never reword them.
// Plain data only: this file is shared with the renderer.

export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'unavailable' | 'internal';

export interface ErrorPayload {
  code: ErrorCode;
  stage: string;
  message: string;
}

export class SwitchboardError extends Error {
  readonly code: ErrorCode;
  readonly stage: string;

  constructor(code: ErrorCode, stage: string, message: string) {
    super(`${stage}: ${message}`);
    this.name = 'SwitchboardError';
    this.code = code;
    this.stage = stage;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, stage: this.stage, message: this.message };
  }

  static fromPayload(payload: ErrorPayload): SwitchboardError {
    const prefix = `${payload.stage}: `;
    const text = payload.message.startsWith(prefix) ? payload.message.slice(prefix.length) : payload.message;
    return new SwitchboardError(payload.code, payload.stage, text);
  }
}

/** Anything thrown becomes a SwitchboardError; unknown failures keep their message under stage "internal". */
export function toSwitchboardError(error: unknown): SwitchboardError {
  if (error instanceof SwitchboardError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const staged = /^([a-z][a-z-]*): (.+)$/s.exec(message);
  if (staged) return new SwitchboardError('internal', staged[1] as string, staged[2] as string);
  return new SwitchboardError('internal', 'internal', message);
}

/**
 * What a person reads of a failure: its message without the stage that names where it happened
 * (that stays in logs and feed health), starting with a capital and ending with a full stop.
 * A message that starts with a name (a URL, a flag, `item-id`, a {{placeholder}}) keeps it as written,
 * and one that ends with an address, a path or a command to copy gets no full stop glued to it.
 */
export function sentence(error: unknown): string {
  const failure = toSwitchboardError(error);
  const prefix = `${failure.stage}: `;
  let text = (failure.message.startsWith(prefix) ? failure.message.slice(prefix.length) : failure.message).trim();
  if (/^[a-z]+(?=[\s,;]|:\s|$)/.test(text)) text = text[0]!.toUpperCase() + text.slice(1);
  const last = text.split(/\s+/).at(-1) ?? '';
  return /[.!?]$/.test(text) || /[/\\]|'$/.test(last) ? text : `${text}.`;
}
