import type { EventMap, EventName, SwitchboardEvent } from '../../common/events';

export type EventListener = (event: SwitchboardEvent) => void;

/** One emitter per service; each door subscribes once and forwards every event its own way. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<N extends EventName>(name: N, payload: EventMap[N]): void {
    const event = { name, payload } as SwitchboardEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A door that fails to forward (a closed window, a dropped connection) must not break the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
