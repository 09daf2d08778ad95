import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import type { CommentRequest } from '../../store/types';

/**
 * Carries out a request a key or the palette made of this comment (requestOnComment), when it is
 * one of `kinds`: the part of the detail pane that owns the action calls this, so the key runs
 * exactly what its button runs. A request made before the part was drawn (the composer opened by
 * the same key) is taken once it is.
 */
export function useCommentRequest(itemId: number, kinds: readonly CommentRequest['kind'][], handle: (request: CommentRequest) => void): void {
  const request = useStore((state) => state.commentRequest);
  const latest = useRef({ kinds, handle });
  latest.current = { kinds, handle };
  useEffect(() => {
    if (request === null || request.itemId !== itemId || !latest.current.kinds.includes(request.kind)) return;
    const taken = useStore.getState().takeCommentRequest();
    if (taken !== null) latest.current.handle(taken);
  }, [request, itemId]);
}
