// The words for views and routes, one set for the console and the CLI.
import type { Route, TemplateKind, ViewName } from './types';

export const VIEW_LABELS: Record<ViewName, string> = {
  inbox: 'Inbox',
  service: 'Customer service',
  spotlight: 'Spotlight',
  snoozed: 'Snoozed',
  ignored: 'Ignored',
  done: 'Done',
  all: 'All',
};

/** `badge`: the tag on a row; `destination`: the end of "routed to ...". */
export const ROUTE_LABELS: Record<Route, { badge: string; destination: string }> = {
  service: { badge: 'Service', destination: 'customer service' },
  spotlight: { badge: 'Spotlight', destination: 'the community spotlight' },
  ignore: { badge: 'Ignored', destination: 'ignored' },
};

/** A saved reply's kind, as the saved-replies dialog, Invite's menu and the CLI name it. */
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  'thank-you': 'thank-you',
  'invite-guest-post': 'invitation to write a guest post',
  'invite-volunteer': 'invitation to volunteer',
  'invite-moderator': 'invitation to moderate',
};
