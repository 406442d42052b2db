// 按人事管理权限逐级审核 (issue 11 item 5): route levels a notice leaves open go to the organisations
// with jurisdiction over the applicant's unit, as identity announces them (UnitReady with the
// unit's region and competent department, OrganisationChanged); levels the notice fixes stay.
import { randomUUID } from 'node:crypto';
import { Role } from '@zhicheng/server-kit';
import type { RouteLevel } from '@zhicheng/events';
import { bureauFor, routeByJurisdiction, type JurisdictionOrganisation } from '../src/domain';
import {
  currentTask,
  event,
  expectError,
  passAndForward,
  QUEUE,
  REVIEW_CASE,
  reviewCase,
  startTestReview,
  type TestReview,
  type TestUnit,
} from './helpers';

const org = (kind: string, regionCode: string, name: string, enabled = true): JurisdictionOrganisation => ({
  organisationId: randomUUID(),
  kind,
  regionCode,
  name,
  enabled,
});
const province = org('PROVINCE_BUREAU', '220000', '吉林省人力资源和社会保障厅');
const changchun = org('CITY_BUREAU', '220100', '长春市人力资源和社会保障局');
const chaoyang = org('COUNTY_BUREAU', '220104', '长春市朝阳区人力资源和社会保障局');
const jilin = org('CITY_BUREAU', '220200', '吉林市人力资源和社会保障局');
const education = org('DEPARTMENT', '220000', '吉林省教育厅');
const tree = [province, changchun, chaoyang, jilin, education];

const OPEN_ROUTE: RouteLevel[] = [
  { level: 'UNIT', organisationId: null, name: '推荐单位' },
  { level: 'DEPARTMENT', organisationId: null, name: '行政主管部门' },
  { level: 'BUREAU', organisationId: null, name: '人社部门' },
  { level: 'COMMITTEE', organisationId: randomUUID(), name: '吉林省工程系列高级职称评审委员会' },
];

describe('routeByJurisdiction', () => {
  it('the most local bureau covering the region: county, else city, else province', () => {
    expect(bureauFor('220104', tree)?.name).toBe(chaoyang.name);
    expect(bureauFor('220102', tree)?.name).toBe(changchun.name);
    expect(bureauFor('220100', tree)?.name).toBe(changchun.name);
    expect(bureauFor('220502', tree)?.name).toBe(province.name);
    expect(bureauFor('110105', tree)).toBeNull();
    expect(bureauFor(null, tree)).toBeNull();
    // A disabled bureau takes nothing new: its city's does.
    expect(bureauFor('220104', [province, changchun, { ...chaoyang, enabled: false }])?.name).toBe(
      changchun.name,
    );
  });

  it('open levels go to the unit’s department and bureau; fixed levels stay; 无 leaves the department open', () => {
    const route = routeByJurisdiction(
      OPEN_ROUTE,
      { regionCode: '220200', competentDepartmentId: education.organisationId },
      tree,
    );
    expect(route.map((l) => [l.level, l.name])).toEqual([
      ['UNIT', '推荐单位'],
      ['DEPARTMENT', '吉林省教育厅'],
      ['BUREAU', '吉林市人力资源和社会保障局'],
      ['COMMITTEE', '吉林省工程系列高级职称评审委员会'],
    ]);
    const fixed = [{ ...OPEN_ROUTE[2], organisationId: province.organisationId, name: province.name }];
    expect(routeByJurisdiction(fixed, { regionCode: '220200' }, tree)[0].organisationId).toBe(
      province.organisationId,
    );
    const none = routeByJurisdiction(OPEN_ROUTE, { regionCode: '220104', competentDepartmentId: null }, tree);
    expect(none[1].organisationId).toBeNull();
    expect(none[2].organisationId).toBe(chaoyang.organisationId);
  });
});

describe('through the events', () => {
  let t: TestReview;
  const ids = {
    changchun: randomUUID(),
    jilin: randomUUID(),
    province: randomUUID(),
    education: randomUUID(),
  };

  const announce = (organisationId: string, kind: string, regionCode: string, name: string) =>
    event(
      'OrganisationChanged',
      {
        organisationId,
        kind: kind as never,
        regionCode,
        name,
        parentId: null,
        enabled: true,
        at: new Date().toISOString(),
      },
      'identity',
    );

  async function unitIn(
    regionCode: string | null,
    competentDepartmentId: string | null,
    older = false,
  ): Promise<TestUnit> {
    const unit = { unitId: randomUUID(), name: `测试单位${regionCode}` };
    const payload = { unitId: unit.unitId, creditCode: '91220101MA0000099X', name: unit.name };
    await t.publish(
      event('UnitReady', older ? payload : { ...payload, regionCode, competentDepartmentId }, 'identity'),
    );
    return unit;
  }

  beforeAll(async () => {
    t = await startTestReview();
    await t.publish(
      announce(ids.province, 'PROVINCE_BUREAU', '220000', '吉林省人力资源和社会保障厅'),
      announce(ids.changchun, 'CITY_BUREAU', '220100', '长春市人力资源和社会保障局'),
      announce(ids.jilin, 'CITY_BUREAU', '220200', '吉林市人力资源和社会保障局'),
      announce(ids.education, 'DEPARTMENT', '220000', '吉林省教育厅'),
    );
  });
  afterAll(() => t?.close());

  it("a unit in 长春 reaches 长春's bureau; 吉林市's reviewers neither see it nor find it in their queue", async () => {
    const unit = await unitIn('220100', null);
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, unit, { route: OPEN_ROUTE });
    const seen = await reviewCase(applicant, declarationId);
    expect(seen.phase).toBe('IN_REVIEW');
    expect(seen.progress.map((s) => s.name)).toEqual([
      unit.name,
      '长春市人力资源和社会保障局',
      '吉林省工程系列高级职称评审委员会',
    ]);
    // The unit passes and forwards: the city's bureau has it, not the province's, not 吉林市's.
    await passAndForward(t, await t.agent(unit), [declarationId]);
    const changchunReviewer = await t.staff(Role.BUREAU_REVIEWER, ids.changchun, '长春市局审核员');
    expect(await currentTask(changchunReviewer, declarationId)).toBe(2);
    for (const other of [ids.jilin, ids.province]) {
      const reviewer = await t.staff(Role.BUREAU_REVIEWER, other);
      expectError(await reviewer.client.request(REVIEW_CASE, { id: declarationId }), 'NOT_FOUND');
      const queue = await reviewer.client.ok<{
        reviewQueue: { edges: Array<{ node: { declarationId: string } }> };
      }>(QUEUE, {});
      expect(queue.reviewQueue.edges.map((e) => e.node.declarationId)).not.toContain(declarationId);
    }
  });

  it('a unit with a competent department goes through it first', async () => {
    const unit = await unitIn('220200', ids.education);
    const { declarationId } = await t.submit(await t.applicant(), unit, { route: OPEN_ROUTE });
    const seen = await reviewCase(await t.agent(unit), declarationId);
    expect(seen.progress.map((s) => s.name)).toEqual([
      unit.name,
      '吉林省教育厅',
      '吉林市人力资源和社会保障局',
      '吉林省工程系列高级职称评审委员会',
    ]);
  });

  it('an older UnitReady (no region) does not erase a region announced before; without one the case is UNROUTABLE', async () => {
    const unit = await unitIn('220100', null);
    await t.publish(
      event(
        'UnitReady',
        { unitId: unit.unitId, creditCode: '91220101MA0000099X', name: unit.name },
        'identity',
      ),
    );
    const routed = await t.submit(await t.applicant(), unit, { route: OPEN_ROUTE });
    expect((await reviewCase(await t.agent(unit), routed.declarationId)).phase).toBe('IN_REVIEW');

    const nowhere = await unitIn(null, null, true);
    const applicant = await t.applicant();
    const { declarationId } = await t.submit(applicant, nowhere, { route: OPEN_ROUTE });
    expect(await reviewCase(applicant, declarationId)).toMatchObject({
      phase: 'UNROUTABLE',
      routingProblems: [{ field: 'route.2.organisationId', code: 'ORGANISATION_REQUIRED' }],
    });
  });
});
