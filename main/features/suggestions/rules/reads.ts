// The rules' reads that may run off the thread that answers keys (core/reads.ts): trying a rule on
// every comment of the Inbox (50,000 of them after an outage), its pattern up to its time limit on each.
import { offThreadRead } from '../../../core/reads';
import { previewRule, scanInbox } from './scan';

export const rulesReads = {
  preview: offThreadRead('rules.preview', previewRule),
  scan: offThreadRead('rules.scan', scanInbox),
};
