// The subscriptions over the subgraph's own graphql-ws (/graphql): declarationTimelineChanged for
// the applicant and the organisations that have had the declaration, reviewQueueChanged for the
// caller's organisation. Notices leave with the change's commit (never from a rollback), only to
// those they concern; strangers are refused and nothing is streamed to them.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@zhicheng/server-kit';
import {
  decide,
  DECIDE,
  FORWARD,
  passAndForward,
  RETURN_OPINION,
  startTestReview,
  uploadRecommendation,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  agent = await t.agent(unit, '经办人 王芳');
  await t.server.deps.live.ready();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => t?.close());

const TIMELINE = `subscription($id: ID!) { declarationTimelineChanged(id: $id) {
  declarationId resync status statusText at entry { sequence step level actorName opinion modules statusText } } }`;
const QUEUE = `subscription { reviewQueueChanged { organisationId declarationId change at } }`;

type Message = Record<string, unknown>;
const listeners = (topic: 'DECLARATION_TIMELINE' | 'REVIEW_QUEUE') =>
  t.server.deps.live.stats().byTopic[topic];

/** A graphql-ws subscription as the gateway (or a browser) opens it, token in connectionParams. */
function open(actor: Actor | null, query: string, variables: Record<string, unknown> = {}) {
  const client = createClient({
    url: t.server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: actor ? { authorization: `Bearer ${actor.client.accessToken}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  const received: Message[] = [];
  const errors: Array<{ message: string; extensions?: { code?: string } }> = [];
  let wake: (() => void) | null = null;
  let completed = false;
  client.subscribe<Record<string, Message>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...(result.errors as typeof errors));
        if (result.data) received.push(Object.values(result.data)[0]);
        wake?.();
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [{ message: String(error) }]));
        completed = true;
        wake?.();
      },
      complete: () => {
        completed = true;
        wake?.();
      },
    },
  );
  const waitFor = async (done: () => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (!done() && Date.now() < until)
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.min(50, until - Date.now()));
      });
  };
  let read = 0;
  return {
    received,
    errors,
    /** The next message not read yet, within 2 s. */
    async next(): Promise<Message> {
      await waitFor(() => received.length > read || completed, 2000);
      if (received.length === read) throw new Error(`nothing within 2 s: ${JSON.stringify(errors)}`);
      return received[read++];
    },
    async nothingWithin(ms: number) {
      await waitFor(() => received.length > read, ms);
      expect(received.slice(read)).toEqual([]);
    },
    async refused() {
      await waitFor(() => completed || errors.length > 0, 2000);
      return errors;
    },
  };
}

/** Subscribes and waits until the server listens (so no change slips by before it does). */
async function following(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const topic = query.includes('reviewQueueChanged') ? 'REVIEW_QUEUE' : 'DECLARATION_TIMELINE';
  const before = listeners(topic);
  const subscription = open(actor, query, variables);
  const until = Date.now() + 2000;
  while (listeners(topic) <= before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  expect(listeners(topic)).toBe(before + 1);
  return subscription;
}

describe('declarationTimelineChanged', () => {
  it('the applicant hears each step once it is committed; the unit follows the same case', async () => {
    const applicant = await t.applicant('张伟');
    const { declarationId } = await t.submit(applicant, unit);
    const mine = await following(applicant, TIMELINE, { id: declarationId });
    const units = await following(agent, TIMELINE, { id: declarationId });

    await decide(agent, declarationId, 'RETURN', { target: 'APPLICANT', modules: ['EDUCATION'] });
    for (const live of [mine, units])
      expect(await live.next()).toMatchObject({
        declarationId,
        resync: false,
        status: 'RETURNED',
        statusText: '被退回',
        entry: {
          sequence: 1,
          step: 'RETURN',
          level: 'UNIT',
          actorName: '经办人 王芳',
          opinion: RETURN_OPINION,
          modules: ['EDUCATION'],
        },
      });
    await t.submit(applicant, unit, { declarationId, resubmission: true });
    expect(await mine.next()).toMatchObject({
      status: 'SUBMITTED',
      entry: { sequence: 2, step: 'RESUBMIT', level: 'APPLICANT' },
    });
    await mine.nothingWithin(200);
    expect(mine.errors).toEqual([]);
  });

  it('past and current reviewers follow as the declaration moves on; another declaration is not heard', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit);
    const other = await t.submit(await t.applicant(), unit);
    await passAndForward(t, agent, [declarationId]);
    const department = await t.department();
    const theirs = await following(department, TIMELINE, { id: declarationId });
    const units = await following(agent, TIMELINE, { id: declarationId });
    await decide(agent, other.declarationId, 'PASS');
    // The forward committed just before these subscriptions started; its notice is delivered after
    // the commit and may reach them (harmless: a client refetches). Another declaration's never may.
    const forwardNotice = (message: Message) =>
      message.declarationId === declarationId && (message.entry as { step?: string })?.step === 'FORWARD';
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(theirs.received.filter((message) => !forwardNotice(message))).toEqual([]);
    await decide(department, declarationId, 'PASS');
    for (const live of [theirs, units]) {
      let message = await live.next();
      if (forwardNotice(message)) message = await live.next();
      expect(message).toMatchObject({ declarationId, entry: { step: 'PASS', level: 'DEPARTMENT' } });
    }
  });

  it('a change that rolls back is never heard', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit);
    const live = await following(agent, TIMELINE, { id: declarationId });
    await t.sql.query(
      `alter table review.review_case add constraint test_no_pass check (current_task_state <> 'AWAITING_FORWARD' or declaration_id <> '${declarationId}')`,
    );
    try {
      const result = await agent.client.request(DECIDE, {
        id: declarationId,
        task: 1,
        decision: 'PASS',
        opinion: '同意。',
      });
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.sql.query('alter table review.review_case drop constraint test_no_pass');
    }
    await live.nothingWithin(400);
  });

  it('after the LISTEN connection is lost and back, subscribers get the latest entry (resync)', async () => {
    const { declarationId } = await t.submit(await t.applicant(), unit);
    const live = await following(agent, TIMELINE, { id: declarationId });
    await t.sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'zc-live' and datname = current_database()`,
    );
    expect(await live.next()).toMatchObject({
      declarationId,
      resync: true,
      status: 'SUBMITTED',
      entry: { sequence: 0, step: 'SUBMIT' },
    });
  });

  it('another applicant, another unit, a reviewer it has not reached and unknown ids: NOT_FOUND, nothing streamed', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    const before = listeners('DECLARATION_TIMELINE');
    for (const stranger of [
      await t.applicant(),
      await t.agent(await t.readyUnit()),
      await t.bureau(),
      await t.staff(Role.DEPARTMENT_REVIEWER, t.orgs.otherDepartment),
    ]) {
      const refused = await open(stranger, TIMELINE, { id: declarationId }).refused();
      expect(refused).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
    }
    expect((await open(applicant, TIMELINE, { id: randomUUID() }).refused())[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await open(applicant, TIMELINE, { id: 'not-an-id' }).refused())[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await open(null, TIMELINE, { id: declarationId }).refused())[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(listeners('DECLARATION_TIMELINE')).toBe(before);
  });
});

describe('reviewQueueChanged', () => {
  it('each organisation hears its own queue: the unit’s pass (UPDATED), forwarding (REMOVED / ADDED), the department’s pass', async () => {
    const department = await t.department();
    const otherDepartment = await t.staff(Role.DEPARTMENT_REVIEWER, t.orgs.otherDepartment);
    const unitQueue = await following(agent, QUEUE);
    const departmentQueue = await following(department, QUEUE);
    const otherQueue = await following(otherDepartment, QUEUE);

    const { declarationId } = await t.submit(await t.applicant(), unit);
    expect(await unitQueue.next()).toMatchObject({
      organisationId: unit.unitId,
      declarationId,
      change: 'ADDED',
    });
    await decide(agent, declarationId, 'PASS');
    expect(await unitQueue.next()).toMatchObject({ declarationId, change: 'UPDATED' });
    await agent.client.ok(FORWARD, {
      ids: [declarationId],
      attachmentId: await uploadRecommendation(t, agent),
    });
    expect(await unitQueue.next()).toMatchObject({ declarationId, change: 'REMOVED' });
    expect(await departmentQueue.next()).toMatchObject({
      organisationId: t.orgs.department,
      declarationId,
      change: 'ADDED',
    });
    await decide(department, declarationId, 'PASS');
    expect(await departmentQueue.next()).toMatchObject({ declarationId, change: 'REMOVED' });
    await otherQueue.nothingWithin(300);
  });

  it('applicants have no queue; without a token: UNAUTHENTICATED', async () => {
    expect((await open(await t.applicant(), QUEUE).refused())[0].extensions?.code).toBe('FORBIDDEN');
    expect((await open(null, QUEUE).refused())[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
