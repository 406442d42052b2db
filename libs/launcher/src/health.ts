import { setTimeout as delay } from 'node:timers/promises';

export interface ReadyOptions {
  readonly timeoutMs: number;
  /** A reason to stop waiting (the process died, or the launcher is stopping). */
  readonly giveUp: () => string | undefined;
  readonly intervalMs?: number;
}

/** Polls `url` until it answers 200. Resolves with undefined when ready, else the reason it is not. */
export async function waitForReady(url: string, options: ReadyOptions): Promise<string | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const reason = options.giveUp();
    if (reason) return reason;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return undefined;
      last = `answered ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      last = cause?.message ?? (error as Error).message;
    }
    if (Date.now() > deadline) return `not ready after ${Math.round(options.timeoutMs / 1000)} s (${last})`;
    await delay(options.intervalMs ?? 250);
  }
}
