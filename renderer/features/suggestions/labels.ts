// How a suggestion reads in the console: the lane in a word on a row ("Service 92%"), in full in
// the detail pane ("Customer service · 92%"), and the filter's choices.
import type { Route, Suggestion, SuggestedFilter } from '../../../common/types';

const LANE_WORDS: Record<Route, { badge: string; full: string }> = {
  service: { badge: 'Service', full: 'Customer service' },
  spotlight: { badge: 'Spotlight', full: 'Community spotlight' },
  ignore: { badge: 'Ignore', full: 'Ignore' },
};

export const SUGGESTED_FILTER_LABELS: Record<SuggestedFilter, string> = {
  service: 'Customer service',
  spotlight: 'Spotlight',
  ignore: 'Ignore',
  none: 'None',
};

/** 0.917 → "92%". */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** "Service 92%": the row's badge. */
export function badgeText(suggestion: Suggestion & { route: Route }): string {
  return `${LANE_WORDS[suggestion.route].badge} ${percent(suggestion.confidence)}`;
}

/** "Customer service · 92%": the detail pane's line. */
export function fullText(suggestion: Suggestion & { route: Route }): string {
  return `${LANE_WORDS[suggestion.route].full} · ${percent(suggestion.confidence)}`;
}
