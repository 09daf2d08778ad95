// STUB (lead's skeleton): the storage helper replaces these with the real handlers.
import type { FeatureHandlers } from '../../core/context';
import { SwitchboardError } from '../../../common/errors';

const notYet = (): never => {
  throw new SwitchboardError('invalid-input', 'suggestions', 'suggestions are not built yet');
};

export const suggestionsHandlers = {
  'suggest-text': notYet,
  'items-accept': notYet,
  'suggestions-accept-above': notYet,
  'suggestions-status': notYet,
  'suggestions-reset': notYet,
} satisfies FeatureHandlers;
