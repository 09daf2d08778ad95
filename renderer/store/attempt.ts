import type { StoreState } from './types';

/** Runs an API call from a store action; a failure goes to the error banner instead of escaping. */
export function attempter(get: () => StoreState) {
  return async <T>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      get().report(error);
      return null;
    }
  };
}
