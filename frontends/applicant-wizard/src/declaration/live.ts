import { useEffect } from 'react';
import { onReconnected, useSubscription } from '@zhicheng/web-kit';
import { DeclarationStatusSubscription, DeclarationTimelineSubscription } from './documents';

/**
 * Follows one declaration live (SPEC §4): its status (declaration) and its timeline (review).
 * The notices carry little, so each one — and every reconnect, when notices may have been
 * missed — calls `refresh`, which refetches what the page shows.
 */
export function useLiveDeclaration(id: string, refresh: () => void, pause = false): void {
  useSubscription({ query: DeclarationStatusSubscription, variables: { id }, pause }, (_previous, event) => {
    refresh();
    return event;
  });
  useSubscription(
    { query: DeclarationTimelineSubscription, variables: { id }, pause },
    (_previous, event) => {
      refresh();
      return event;
    },
  );
  useEffect(() => (pause ? undefined : onReconnected(refresh)), [pause, refresh]);
}
