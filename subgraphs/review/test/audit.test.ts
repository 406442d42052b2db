// The audit trail: every decision is an entry nobody can alter. The table refuses UPDATE, DELETE
// and TRUNCATE; and should someone with the database owner's rights go around that, the hash
// chain shows the first entry that is not as written (verifyAuditTrail).
import { auditHash } from '../src/domain';
import {
  committeeResult,
  decide,
  expectError,
  passAndForward,
  startTestReview,
  type Actor,
  type TestReview,
  type TestUnit,
} from './helpers';

let t: TestReview;
let unit: TestUnit;
let agent: Actor;
let department: Actor;
let bureau: Actor;
let committee: Actor;

const VERIFY = `query($id: ID!) { verifyAuditTrail(declarationId: $id) { ok length brokenIndex reason message } }`;

beforeAll(async () => {
  t = await startTestReview();
  unit = await t.readyUnit();
  agent = await t.agent(unit);
  department = await t.department();
  bureau = await t.bureau();
  committee = await t.committee();
});
afterAll(() => t?.close());

/** A finished review: 6 entries (submit, pass, forward, pass, pass, committee pass). */
async function finished(): Promise<string> {
  const { declarationId } = await t.submit(await t.applicant(), unit);
  await passAndForward(t, agent, [declarationId]);
  await decide(department, declarationId, 'PASS');
  await decide(bureau, declarationId, 'PASS');
  await committeeResult(committee, declarationId, 'PASS');
  return declarationId;
}

async function verify(actor: Actor, id: string) {
  return (
    await actor.client.ok<{
      verifyAuditTrail: {
        ok: boolean;
        length: number;
        brokenIndex: number | null;
        reason: string | null;
        message: string;
      };
    }>(VERIFY, { id })
  ).verifyAuditTrail;
}

/** Does what an owner of the database could: switches the append-only triggers off for `sql`. */
async function asOwner(sql: string, params: unknown[]) {
  const client = await t.sql.connect();
  try {
    await client.query('begin');
    await client.query('alter table review.timeline_entry disable trigger user');
    await client.query(sql, params);
    await client.query('alter table review.timeline_entry enable trigger user');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

describe('the audit trail', () => {
  it('verifies for a whole review, for every organisation that had it', async () => {
    const id = await finished();
    for (const reviewer of [department, bureau, committee])
      expect(await verify(reviewer, id)).toEqual({
        ok: true,
        length: 6,
        brokenIndex: null,
        reason: null,
        message: '审核记录完整，共6条',
      });
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const id = await finished();
    await expect(
      t.sql.query(`update review.timeline_entry set opinion = '同意' where declaration_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.sql.query(`delete from review.timeline_entry where declaration_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.sql.query(`truncate review.timeline_entry`)).rejects.toThrow(/append-only/);
    expect((await verify(bureau, id)).ok).toBe(true);
  });

  it('an opinion altered with SQL is found: the entry that no longer matches its hash', async () => {
    const id = await finished();
    await asOwner(
      `update review.timeline_entry set opinion = '经审核，同意推荐（已修改）' where declaration_id = $1 and sequence = 3`,
      [id],
    );
    expect(await verify(bureau, id)).toMatchObject({
      ok: false,
      brokenIndex: 3,
      reason: 'ALTERED',
      message: '第4条审核记录的内容已被改动',
    });
  });

  it('another column altered (who acted, when) is found too', async () => {
    const id = await finished();
    await asOwner(
      `update review.timeline_entry set actor_name = '他人' where declaration_id = $1 and sequence = 1`,
      [id],
    );
    expect(await verify(bureau, id)).toMatchObject({ ok: false, brokenIndex: 1, reason: 'ALTERED' });
    const other = await finished();
    await asOwner(
      `update review.timeline_entry set at = at - interval '1 day' where declaration_id = $1 and sequence = 4`,
      [other],
    );
    expect(await verify(bureau, other)).toMatchObject({ ok: false, brokenIndex: 4, reason: 'ALTERED' });
  });

  it('a removed entry is found: in the middle (MISSING) and at the end (TRUNCATED)', async () => {
    const id = await finished();
    await asOwner(`delete from review.timeline_entry where declaration_id = $1 and sequence = 2`, [id]);
    expect(await verify(bureau, id)).toMatchObject({ ok: false, brokenIndex: 2, reason: 'MISSING' });
    const other = await finished();
    await asOwner(`delete from review.timeline_entry where declaration_id = $1 and sequence = 5`, [other]);
    expect(await verify(bureau, other)).toMatchObject({ ok: false, brokenIndex: 5, reason: 'TRUNCATED' });
  });

  it('an entry rewritten with a fresh hash breaks the link to the next, or the head on the case', async () => {
    const id = await finished();
    // The forger recomputes the altered entry's hash; the next entry still names the old one.
    const { rows } = await t.sql.query(
      `select * from review.timeline_entry where declaration_id = $1 order by sequence`,
      [id],
    );
    const record = (row: Record<string, unknown>, opinion: string) => ({
      declarationId: row.declaration_id,
      taskSequence: row.task_sequence,
      at: (row.at as Date).toISOString(),
      step: row.step,
      stepText: row.step_text,
      level: row.level,
      levelText: row.level_text,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      actorId: row.actor_id,
      actorName: row.actor_name,
      opinion,
      modules: row.modules,
      returnTarget: row.return_target,
      batchId: row.batch_id,
      statusAfter: row.status_after,
      statusText: row.status_text,
      sequence: row.sequence,
      previousHash: row.previous_hash,
    });
    const forged = auditHash(record(rows[3], '改写的意见') as never);
    await asOwner(`update review.timeline_entry set opinion = '改写的意见', hash = $2 where id = $1`, [
      rows[3].id,
      forged,
    ]);
    expect(await verify(bureau, id)).toMatchObject({ ok: false, brokenIndex: 4, reason: 'BROKEN_LINK' });

    const last = rows[5];
    const forgedLast = auditHash(record(last, '改写的结论') as never);
    await asOwner(`update review.timeline_entry set opinion = '改写的结论', hash = $2 where id = $1`, [
      last.id,
      forgedLast,
    ]);
    await asOwner(`update review.timeline_entry set opinion = $2, hash = $3 where id = $1`, [
      rows[3].id,
      rows[3].opinion,
      rows[3].hash,
    ]);
    expect(await verify(bureau, id)).toMatchObject({ ok: false, brokenIndex: 5, reason: 'HEAD_MISMATCH' });
  });

  it('is checked by staff of organisations that had the case; units, applicants and others may not', async () => {
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit);
    await passAndForward(t, agent, [declarationId]);
    expect((await verify(department, declarationId)).ok).toBe(true);
    expectError(await agent.client.request(VERIFY, { id: declarationId }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await applicant.client.request(VERIFY, { id: declarationId }), 'FORBIDDEN');
    // The bureau has not had it yet; another department never will.
    expectError(await bureau.client.request(VERIFY, { id: declarationId }), 'NOT_FOUND');
    expectError(
      await (
        await t.staff('DEPARTMENT_REVIEWER', t.orgs.otherDepartment)
      ).client.request(VERIFY, { id: declarationId }),
      'NOT_FOUND',
    );
  });
});
