import type { Route, ServiceState } from '../../common/types';
import { cx } from './cx';
import styles from './tag.module.css';

export type TagVariant = Route | ServiceState | 'back' | 'overdue' | 'milestone' | 'featured' | 'incident' | 'held';

/** The class names of a tag: the plain one, or one coloured for a route, a reply's state or a mark. */
export function tagClass(variant?: TagVariant | null): string {
  return cx(styles.tag, variant && styles[variant]);
}
