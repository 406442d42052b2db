// type-graphql 2.0 rc takes our pub/sub as its `pubSub` option: this file only compiles if the
// interfaces fit (tsc checks it), and the runtime test keeps jest from calling it empty.
import type { PubSub } from 'type-graphql';
import type { LivePubSub } from '../src';

export const asTypeGraphqlPubSub = (pubSub: LivePubSub): PubSub => pubSub;

test('a LivePubSub is a type-graphql PubSub', () => {
  expect(typeof asTypeGraphqlPubSub).toBe('function');
});
