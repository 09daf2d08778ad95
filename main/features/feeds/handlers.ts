import type { Handlers } from '../../api/service';
import { listFeeds } from './queries';

export const feedHandlers = {
  'feeds-list': (ctx) => listFeeds(ctx.db),
} satisfies Partial<Handlers>;
