// The app's context is the widest one any feature asks for: the core context plus the feeds
// feature's runner and runtime.
import type { FeedsContext } from '../features/feeds/context';

export type ServiceContext = FeedsContext;
