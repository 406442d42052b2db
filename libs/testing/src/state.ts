import type { TestServer } from './embedded-test-server';

interface SharedState {
  server?: TestServer;
  users: number;
}

// jest loads the setup and teardown files as separate modules; a global is what they share.
const KEY = Symbol.for('@zhicheng/testing/embedded-server');

export function sharedState(): SharedState {
  const holder = globalThis as typeof globalThis & { [KEY]?: SharedState };
  holder[KEY] ??= { users: 0 };
  return holder[KEY];
}
