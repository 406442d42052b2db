// Live updates: the unit's review queue as it changes (graphql-ws on /graphql), refetching the
// count on every notice and after every reconnect. Stops after ZHICHENG_MAX_EVENTS notices
// (default: never; Ctrl-C).
//   npm run follow-queue
import { graphql } from './gql/index.ts';
import { liveConnection, request, subscribe } from './lib/client.ts';
import { whatToDo } from './lib/errors.ts';
import { accessToken } from './lib/token.ts';

const QueueChanged = graphql(`
  subscription QueueChanged {
    reviewQueueChanged {
      declarationId
      change
      at
    }
  }
`);

const QueueCount = graphql(`
  query QueueCount {
    reviewQueue(state: PENDING, first: 1) {
      totalCount
    }
  }
`);

const maxEvents = Number(process.env.ZHICHENG_MAX_EVENTS ?? Infinity);
let events = 0;

async function end(code: number): Promise<never> {
  await client.dispose();
  process.exit(code);
}

async function refetch(why: string) {
  const { reviewQueue } = await request(QueueCount, {}, { token: accessToken() });
  console.log(`[${why}] pending: ${reviewQueue.totalCount}`);
}

const client = liveConnection(accessToken);
client.on('connected', (_socket, _payload, wasRetry) => void refetch(wasRetry ? 'reconnected' : 'connected'));
const stop = subscribe(
  client,
  QueueChanged,
  {},
  {
    onData: ({ reviewQueueChanged: e }) => {
      console.log(`queue ${e.change} ${e.declarationId ?? '(refetch the queue)'} at ${e.at}`);
      events += 1;
      void refetch('changed').then(() => {
        if (events >= maxEvents) void end(0);
      });
    },
    onEnd: (error) => {
      if (error) console.error(`subscription ended: ${whatToDo(error)}`);
      void end(error ? 1 : 0);
    },
  },
);
process.on('SIGINT', () => {
  stop();
  void end(0);
});
