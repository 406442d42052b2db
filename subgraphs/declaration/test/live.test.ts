// declarationStatusChanged over the subgraph's own graphql-ws (/graphql): the applicant hears each
// status change once it is committed (submit, review's return, resubmission), never a change that
// rolled back, only their own declaration's; the unit and reviewers may follow a submitted one;
// anyone else is answered NOT_FOUND and nothing is streamed to them.
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@zhicheng/server-kit';
import { Declaration, DeclarationStatus } from '../src/entities';
import { announceStatus } from '../src/services/live';
import { startTestDeclaration, type Actor, type TestDeclaration } from './helpers';
import {
  DECLARATION,
  SUBMIT,
  completeDeclaration,
  publishedNotice,
  save,
  startedDeclaration,
  workExperience,
  type DeclarationJson,
} from './fixtures';
import { ORGS, review, reviewTime, submittedDeclaration } from './review-fixtures';

let t: TestDeclaration;
let noticeId: string;
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
  await t.server.deps.live.ready();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => t?.close());

const SUBSCRIPTION = `subscription($id: ID!) { declarationStatusChanged(id: $id) { declarationId status statusText at } }`;

interface StatusEvent {
  declarationId: string;
  status: string;
  statusText: string;
  at: string;
}

const listeners = () => t.server.deps.live.stats().byTopic.DECLARATION_STATUS;

/** A graphql-ws subscription as the gateway (or a browser) opens it, token in connectionParams. */
function follow(actor: Actor | null, id: string) {
  const client = createClient({
    url: t.server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: actor ? { authorization: `Bearer ${actor.client.accessToken}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  const received: StatusEvent[] = [];
  const errors: Array<{ message: string; extensions?: { code?: string } }> = [];
  let wake: (() => void) | null = null;
  let completed = false;
  client.subscribe<{ declarationStatusChanged: StatusEvent }>(
    { query: SUBSCRIPTION, variables: { id } },
    {
      next: (result) => {
        if (result.errors) errors.push(...(result.errors as typeof errors));
        if (result.data) received.push(result.data.declarationStatusChanged);
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
    while (!done() && Date.now() < until) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.min(50, until - Date.now()));
      });
    }
  };
  let read = 0;
  return {
    received,
    errors,
    /** The next event not read yet, within 2 s (the bound for a status to show). */
    async next(): Promise<StatusEvent> {
      await waitFor(() => received.length > read || completed, 2000);
      if (received.length === read) throw new Error(`no event within 2 s: ${JSON.stringify(errors)}`);
      return received[read++];
    },
    /** Nothing unread arrives within `ms`. */
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
async function following(actor: Actor | null, id: string) {
  const before = listeners();
  const subscription = follow(actor, id);
  const until = Date.now() + 2000;
  while (listeners() <= before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  expect(listeners()).toBe(before + 1);
  return subscription;
}

describe('the applicant follows their declaration', () => {
  it('hears 已申报, 被退回 and 已申报 again, each once the change is visible', async () => {
    const done = await completeDeclaration(t, noticeId);
    const id = done.declaration.id;
    const live = await following(done.applicant, id);

    const { submitDeclaration } = await done.applicant.client.ok<{ submitDeclaration: DeclarationJson }>(
      SUBMIT,
      { id, expectedVersion: done.declaration.version, pledge: true },
    );
    const submitted = await live.next();
    expect(submitted).toEqual({
      declarationId: id,
      status: 'SUBMITTED',
      statusText: '已申报',
      at: submitDeclaration.submittedAt,
    });

    await t.publish(review.returned(id, { organisationId: done.unit.unitId, returnedAt: reviewTime(t) }));
    expect(await live.next()).toMatchObject({ status: 'RETURNED', statusText: '被退回' });
    // The notice came after the commit: a refetch sees the new status.
    const { declaration } = await done.applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id,
    });
    expect(declaration.status).toBe('RETURNED');

    const fixed = await save(done.applicant, declaration, { workExperience: [workExperience()] });
    await done.applicant.client.ok(SUBMIT, { id, expectedVersion: fixed.version, pledge: true });
    expect(await live.next()).toMatchObject({ status: 'SUBMITTED', statusText: '已申报' });
    await live.nothingWithin(200);
    expect(live.received).toHaveLength(3);
    expect(live.errors).toEqual([]);
  });

  it('a cancelled draft is heard too; another declaration’s changes are not', async () => {
    const mine = await startedDeclaration(t, noticeId);
    const other = await submittedDeclaration(t, noticeId);
    const live = await following(mine.applicant, mine.declaration.id);
    await t.publish(review.terminated(other.declaration.id, reviewTime(t)));
    await live.nothingWithin(300);
    await mine.applicant.client.ok(`mutation($id: ID!) { cancelDeclaration(id: $id) { id } }`, {
      id: mine.declaration.id,
    });
    expect(await live.next()).toMatchObject({ status: 'CANCELLED', statusText: '已取消' });
  });
});

describe('commit and rollback', () => {
  it('nothing is heard before the change commits, nor of a change that rolled back', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const live = await following(applicant, declaration.id);

    // A change that rolls back after announcing itself: never heard, never visible.
    await expect(
      t.server.orm.em.fork().transactional(async (em) => {
        const row = await em.findOneOrFail(Declaration, { id: declaration.id });
        row.status = DeclarationStatus.TERMINATED;
        await em.flush();
        await announceStatus(em, row, new Date());
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await live.nothingWithin(400);
    const after = await applicant.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id: declaration.id,
    });
    expect(after.declaration.status).toBe('SUBMITTED');

    // A change held open: heard only once it commits.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    const transaction = t.server.orm.em.fork().transactional(async (em) => {
      const row = await em.findOneOrFail(Declaration, { id: declaration.id });
      row.status = DeclarationStatus.MATERIALS_APPROVED;
      await em.flush();
      await announceStatus(em, row, new Date());
      await held;
    });
    await live.nothingWithin(300);
    commit();
    await transaction;
    expect(await live.next()).toMatchObject({ status: 'MATERIALS_APPROVED', statusText: '材料审核通过' });
  });

  it('after the LISTEN connection is lost and back, subscribers get the current status (resync)', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const live = await following(applicant, declaration.id);
    await t.sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'zc-live' and datname = current_database()`,
    );
    const event = await live.next();
    expect(event).toMatchObject({ declarationId: declaration.id, status: 'SUBMITTED', statusText: '已申报' });
  });
});

describe('who may follow', () => {
  it('another applicant, another unit and an unknown id are answered NOT_FOUND; nothing is streamed', async () => {
    const { applicant, declaration } = await submittedDeclaration(t, noticeId);
    const before = listeners();
    for (const stranger of [
      await t.applicant(),
      await t.legalPerson(await t.readyUnit()),
      await t.agent(await t.readyUnit()),
    ]) {
      const refused = await follow(stranger, declaration.id).refused();
      expect(refused).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
      expect(refused[0].message).toMatch(/申报不存在或您无权查看/);
    }
    const unknown = await follow(applicant, randomUUID()).refused();
    expect(unknown[0].extensions?.code).toBe('NOT_FOUND');
    const garbage = await follow(applicant, 'not-an-id').refused();
    expect(garbage[0].extensions?.code).toBe('NOT_FOUND');
    expect(listeners()).toBe(before);
  });

  it('without a token: UNAUTHENTICATED; the unit and the reviewers it reached may follow a submitted declaration, not a draft', async () => {
    const draft = await startedDeclaration(t, noticeId);
    expect((await follow(null, draft.declaration.id).refused())[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await follow(await t.legalPerson(draft.unit), draft.declaration.id).refused())[0].extensions?.code,
    ).toBe('NOT_FOUND');

    const { unit, declaration } = await submittedDeclaration(t, noticeId);
    // A department reviewer follows it once the declaration reached that department, not before;
    // a department it never reached is told it does not exist.
    const department = await t.staff(Role.DEPARTMENT_REVIEWER, ORGS.department.id);
    expect((await follow(department, declaration.id).refused())[0].extensions?.code).toBe('NOT_FOUND');
    await t.publish(review.advanced(declaration.id, 'UNIT', 'DEPARTMENT', ORGS.department, reviewTime(t)));
    const agent = await following(await t.agent(unit), declaration.id);
    const reviewer = await following(department, declaration.id);
    const offRoute = await t.staff(Role.DEPARTMENT_REVIEWER);
    expect((await follow(offRoute, declaration.id).refused())[0].extensions?.code).toBe('NOT_FOUND');
    await t.publish(review.terminated(declaration.id, reviewTime(t, 2000)));
    for (const live of [agent, reviewer])
      expect(await live.next()).toMatchObject({ status: 'TERMINATED', statusText: '审核不通过终止审核' });
  });
});
