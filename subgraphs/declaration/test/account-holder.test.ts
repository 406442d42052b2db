// A declaration is made in the account holder's own name (issue 8, hole 15): 基本信息's name, ID
// document and work unit must be the signed-in account's (identity's PersonRegistered, the token)
// and the bound unit's; anything else is refused at save and at submit.
import {
  APPLICANT_ID_NUMBER,
  APPLICANT_NAME,
  event,
  expectError,
  fieldCodes,
  startTestDeclaration,
  type TestDeclaration,
} from './helpers';
import {
  DECLARATION,
  SAVE,
  SUBMIT,
  basicInfo,
  publishedNotice,
  residentId,
  startedDeclaration,
  type DeclarationJson,
} from './fixtures';

let t: TestDeclaration;
let noticeId: string;
beforeAll(async () => {
  t = await startTestDeclaration();
  noticeId = (await publishedNotice(await t.bureau())).id;
});
afterAll(() => t?.close());

const HOLDER = `query($id: ID!) { declaration(id: $id) { accountHolder { name idType idNumber unitName } } }`;

describe('基本信息 states the account holder', () => {
  it('the applicant reads whom the declaration must name (the wizard fills it in)', async () => {
    const { applicant, unit, declaration } = await startedDeclaration(t, noticeId);
    const { declaration: read } = await applicant.client.ok<{ declaration: { accountHolder: unknown } }>(
      HOLDER,
      {
        id: declaration.id,
      },
    );
    expect(read.accountHolder).toEqual({
      name: '张伟',
      idType: 'RESIDENT_ID',
      idNumber: APPLICANT_ID_NUMBER,
      unitName: unit.name,
    });
  });

  it('another person’s name, ID number or unit is refused at save, every one at once', async () => {
    const { applicant, declaration } = await startedDeclaration(t, noticeId);
    const refused = await applicant.client.request(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: {
        basicInfo: basicInfo({
          name: '李四',
          idNumber: residentId('19880808'),
          workUnitName: '另一家公司',
        }),
      },
    });
    const error = expectError(refused, 'BAD_USER_INPUT');
    expect(fieldCodes(error)).toEqual([
      'input.basicInfo.idNumber:NOT_ACCOUNT_HOLDER',
      'input.basicInfo.name:NOT_ACCOUNT_HOLDER',
      'input.basicInfo.workUnitName:NOT_BOUND_UNIT',
    ]);
    expect(JSON.stringify(error)).not.toContain(APPLICANT_ID_NUMBER);
    // The account's own facts are accepted (spaces and a lower-case x do not matter).
    const ok = await applicant.client.request(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: { basicInfo: basicInfo({ idNumber: ` ${APPLICANT_ID_NUMBER.toLowerCase()} ` }) },
    });
    expect(ok.errors).toBeUndefined();
  });

  it('a declaration saved before identity told this service is refused at submit once it knows', async () => {
    // identity's PersonRegistered arrives late: the draft was saved with another person's number.
    const late = await t.applicant('赵六', residentId('19900101'));
    const { declaration } = await startedDeclaration(t, noticeId, { applicant: late });
    await t.sql.query(`delete from declaration.applicant_identity where person_id = $1`, [
      late.principal.accountId,
    ]);
    const other = residentId('19880808');
    const { saveDeclaration: saved } = await late.client.ok<{ saveDeclaration: DeclarationJson }>(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: { basicInfo: basicInfo({ name: '赵六', idNumber: other }) },
    });
    await t.publish(
      event('PersonRegistered', {
        personId: late.principal.accountId,
        name: '赵六',
        idType: 'RESIDENT_ID',
        idNumber: residentId('19900101'),
        at: new Date().toISOString(),
      }),
    );
    const { declaration: read } = await late.client.ok<{ declaration: DeclarationJson }>(DECLARATION, {
      id: declaration.id,
    });
    expect(read.validation.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          module: 'BASIC_INFO',
          code: 'NOT_ACCOUNT_HOLDER',
          field: 'basicInfo.idNumber',
        }),
      ]),
    );
    const submit = await late.client.request(SUBMIT, {
      id: declaration.id,
      expectedVersion: saved.version,
      pledge: true,
    });
    expect(JSON.stringify(submit.errors)).toContain('NOT_ACCOUNT_HOLDER');
  });

  it('the token’s name stands until identity’s facts arrive; an older PersonRegistered changes nothing', async () => {
    const applicant = await t.applicant('孙七', residentId('19900101'));
    await t.publish(
      event('PersonRegistered', {
        personId: applicant.principal.accountId,
        name: '周八',
        idType: 'RESIDENT_ID',
        idNumber: residentId('19900101'),
        at: new Date(Date.now() - 3600_000).toISOString(),
      }),
    );
    const { declaration } = await startedDeclaration(t, noticeId, { applicant });
    const { declaration: read } = await applicant.client.ok<{
      declaration: { accountHolder: { name: string } };
    }>(HOLDER, { id: declaration.id });
    expect(read.accountHolder.name).toBe('孙七');
  });

  it('the account’s mobile, once identity sends it, is read by the holder and must be 基本信息’s', async () => {
    const applicant = await t.applicant(); // 张伟, as the fixtures' basicInfo() states him
    await t.publish(
      event('PersonRegistered', {
        personId: applicant.principal.accountId,
        name: APPLICANT_NAME,
        idType: 'RESIDENT_ID',
        idNumber: APPLICANT_ID_NUMBER,
        mobile: '13912345678',
        at: new Date().toISOString(),
      }),
    );
    const { declaration } = await startedDeclaration(t, noticeId, { applicant });
    const { declaration: read } = await applicant.client.ok<{
      declaration: { accountHolder: { mobile: string | null } };
    }>(`query($id: ID!) { declaration(id: $id) { accountHolder { mobile } } }`, { id: declaration.id });
    expect(read.accountHolder.mobile).toBe('13912345678');
    // Somebody else's well-formed number is refused (masked in the message); a malformed one is
    // the field rule's alone.
    const other = await applicant.client.request(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: { basicInfo: basicInfo({ mobile: '13800000000' }) },
    });
    expect(fieldCodes(expectError(other, 'BAD_USER_INPUT'))).toEqual([
      'input.basicInfo.mobile:NOT_ACCOUNT_HOLDER',
    ]);
    expect(JSON.stringify(other.errors)).toMatch(/手机号码须与登录账号的手机号码（139\*{4}5678）一致/);
    const malformed = await applicant.client.request(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: { basicInfo: basicInfo({ mobile: '139' }) },
    });
    expect(fieldCodes(expectError(malformed, 'BAD_USER_INPUT')).join(',')).not.toContain(
      'NOT_ACCOUNT_HOLDER',
    );
    await applicant.client.ok(SAVE, {
      id: declaration.id,
      expectedVersion: declaration.version,
      input: { basicInfo: basicInfo({ mobile: '13912345678' }) },
    });
  });
});
