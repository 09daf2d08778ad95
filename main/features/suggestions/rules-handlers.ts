// STUB (lead's skeleton): the rules helper replaces these with the real handlers.
import type { FeatureHandlers } from '../../core/context';
import { SwitchboardError } from '../../../common/errors';

const notYet = (): never => {
  throw new SwitchboardError('invalid-input', 'rules', 'rules are not built yet');
};

export const rulesHandlers = {
  'rules-list': notYet,
  'rules-save': notYet,
  'rules-delete': notYet,
  'rules-move': notYet,
  'rules-preview': notYet,
  'rules-apply': notYet,
  'rules-export': notYet,
  'rules-import': notYet,
} satisfies FeatureHandlers;
