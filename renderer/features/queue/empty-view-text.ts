import type { ViewName } from '../../../common/types';

/** What an empty view says, once there are feeds. */
export const EMPTY_VIEW_TEXT: Record<ViewName, string> = {
  inbox: 'Inbox zero. New comments land here as feeds are fetched.',
  service: 'Nobody is waiting for an answer. Comments you route to customer service appear here.',
  spotlight: 'No spotlight candidates yet. Route comments where members help each other here.',
  snoozed: 'Nothing snoozed.',
  ignored: 'Nothing ignored.',
  done: 'Nothing finished yet.',
  all: 'No comments stored yet.',
};
