import { makeCreditCode, makeResidentId } from '@zhicheng/domain-codes';
import { demoOrganisationId, type EntityManager } from '@zhicheng/server-kit';
import { hashPassword } from './domain/passwords';
import { markUnitSignedIn } from './domain/unit-ready';
import { announcePerson } from './domain/person-registered';
import { announceOrganisation } from './domain/organisations';
import {
  Agent,
  IdType,
  Organisation,
  OrganisationKind,
  Person,
  StaffAccount,
  Unit,
  UnitNature,
  UnitStatus,
} from './entities';

/** The one password of every demo account (meets the password policy). */
export const DEMO_PASSWORD = 'Zc@demo2026';

export interface DemoAccount {
  role: string;
  account: string;
  extra?: string;
  name: string;
}

interface OrgSeed {
  key: string;
  name: string;
  kind: OrganisationKind;
  regionCode: string;
  parent?: string;
}

const organisations: OrgSeed[] = [
  {
    key: 'province',
    name: '吉林省人力资源和社会保障厅',
    kind: OrganisationKind.PROVINCE_BUREAU,
    regionCode: '220000',
  },
  {
    key: 'city',
    name: '长春市人力资源和社会保障局',
    kind: OrganisationKind.CITY_BUREAU,
    regionCode: '220100',
    parent: 'province',
  },
  {
    key: 'county',
    name: '长春市朝阳区人力资源和社会保障局',
    kind: OrganisationKind.COUNTY_BUREAU,
    regionCode: '220104',
    parent: 'city',
  },
  {
    key: 'education',
    name: '吉林省教育厅',
    kind: OrganisationKind.DEPARTMENT,
    regionCode: '220000',
    parent: 'province',
  },
  {
    key: 'health',
    name: '吉林省卫生健康委员会',
    kind: OrganisationKind.DEPARTMENT,
    regionCode: '220000',
    parent: 'province',
  },
  {
    key: 'engineering',
    name: '吉林省工程系列高级职称评审委员会',
    kind: OrganisationKind.COMMITTEE,
    regionCode: '220000',
    parent: 'province',
  },
  {
    key: 'teachers',
    name: '吉林省中小学教师高级职称评审委员会',
    kind: OrganisationKind.COMMITTEE,
    regionCode: '220000',
    parent: 'province',
  },
];

/** The committees' remit (评审范围), checked against the title catalogue like any committee's. */
const committeeScopes: Record<
  string,
  Pick<
    Organisation,
    'committeeSeriesCode' | 'committeeLevelCodes' | 'committeeSpecialtyCodes' | 'committeeOpen'
  >
> = {
  engineering: {
    committeeSeriesCode: 'ENG',
    committeeLevelCodes: ['FULL_SENIOR', 'DEPUTY_SENIOR'],
    committeeSpecialtyCodes: [],
    committeeOpen: true,
  },
  teachers: {
    committeeSeriesCode: 'EDU',
    committeeLevelCodes: ['FULL_SENIOR', 'DEPUTY_SENIOR'],
    committeeSpecialtyCodes: ['EDU.PS'],
    committeeOpen: true,
  },
};

// Bureau reviewers also administer their bureau's subtree (机构与人员), so the demo shows both.
const staff = [
  {
    username: 'bureau.province',
    name: '省厅审核员 王敏',
    org: 'province',
    role: '省人社审核、机构与人员管理',
    admin: true,
  },
  {
    username: 'bureau.city',
    name: '市局审核员 刘洋',
    org: 'city',
    role: '市人社审核、机构与人员管理',
    admin: true,
  },
  {
    username: 'bureau.county',
    name: '区局审核员 陈静',
    org: 'county',
    role: '县区人社审核、机构与人员管理',
    admin: true,
  },
  { username: 'dept.education', name: '教育厅审核员 赵磊', org: 'education', role: '主管部门审核' },
  { username: 'dept.health', name: '卫健委审核员 孙丽', org: 'health', role: '主管部门审核' },
  { username: 'committee.engineering', name: '工程评委会秘书 周强', org: 'engineering', role: '评委会秘书' },
  { username: 'committee.teachers', name: '教师评委会秘书 吴芳', org: 'teachers', role: '评委会秘书' },
];

// Credit codes: 9 (industry & commerce) + 1 (enterprise) + Changchun region + an organisation code.
// Region, nature and competent department route their declarations by jurisdiction: the machine
// works (长春市本级, no department) to 长春市人社局, the school via 吉林省教育厅, the hospital
// (南关区, which has no bureau of its own here) via 吉林省卫健委 to 长春市人社局.
const units = [
  {
    creditCode: makeCreditCode('91220101MA0000001'),
    name: '吉林省长春市第一机械制造有限公司',
    regionCode: '220100',
    nature: UnitNature.ENTERPRISE,
    department: null,
    legalPersonName: '高建国',
    mobile: '13900000001',
    agents: [
      { name: '林晓', mobile: '13700000011' },
      { name: '马超', mobile: '13700000012' },
    ],
  },
  {
    creditCode: makeCreditCode('12220000MB0000002'),
    name: '长春市第二实验中学',
    regionCode: '220100',
    nature: UnitNature.INSTITUTION,
    department: 'education',
    legalPersonName: '何静怡',
    mobile: '13900000002',
    agents: [{ name: '郭文', mobile: '13700000021' }],
  },
  {
    creditCode: makeCreditCode('12220000MB0000003'),
    name: '吉林大学第一医院',
    regionCode: '220102',
    nature: UnitNature.INSTITUTION,
    department: 'health',
    legalPersonName: '罗志明',
    mobile: '13900000003',
    agents: [{ name: '唐宁', mobile: '13700000031' }],
  },
];

const persons = [
  { name: '张伟', mobile: '13800000001', birthDate: '19860315', sequence: 101 },
  { name: '李娜', mobile: '13800000002', birthDate: '19900722', sequence: 202 },
];

/**
 * Demo data for `npm start`: a bureau tree, departments and committees, staff of every kind,
 * three active units with agents and two applicants. Idempotent: rerunning changes nothing.
 */
export async function loadDemoData(em: EntityManager): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const orgByKey = new Map<string, Organisation>();

  for (const seed of organisations) {
    let org = await em.findOne(Organisation, { name: seed.name });
    if (!org) {
      org = em.create(Organisation, {
        // Stable ids: other subgraphs' demo data (notice routes, committees) name these.
        id: demoOrganisationId(seed.key),
        name: seed.name,
        kind: seed.kind,
        regionCode: seed.regionCode,
        parent: seed.parent ? orgByKey.get(seed.parent) : null,
        ...committeeScopes[seed.key],
      });
      em.persist(org);
      announceOrganisation(em, org);
    }
    orgByKey.set(seed.key, org);
  }

  for (const s of staff) {
    const existing = await em.findOne(StaffAccount, { username: s.username });
    if (existing) existing.administrator = Boolean(s.admin);
    else
      em.persist(
        em.create(StaffAccount, {
          username: s.username,
          name: s.name,
          organisation: orgByKey.get(s.org)!,
          administrator: Boolean(s.admin),
          passwordHash,
        }),
      );
    accounts.push({ role: `工作人员（${s.role}）`, account: s.username, name: s.name });
  }

  let agentSequence = 300;
  for (const [index, u] of units.entries()) {
    let unit = await em.findOne(Unit, { creditCode: u.creditCode });
    if (!unit) {
      const now = new Date();
      unit = em.create(Unit, {
        creditCode: u.creditCode,
        name: u.name,
        legalPersonName: u.legalPersonName,
        legalPersonIdNumber: makeResidentId({
          region: '220102',
          birthDate: '19700101',
          sequence: 10 + index,
        }),
        mobile: u.mobile,
        status: UnitStatus.ACTIVE,
        activatedAt: now,
        passwordHash,
        regionCode: u.regionCode,
        nature: u.nature,
        competentDepartment: u.department ? orgByKey.get(u.department) : null,
      });
      em.persist(unit);
    }
    // Demo units count as signed in once, so applicants can bind to them at once (UnitReady).
    markUnitSignedIn(em, unit, new Date());
    accounts.push({ role: '法人', account: u.creditCode, name: `${u.legalPersonName}（${u.name}）` });
    for (const a of u.agents) {
      agentSequence += 1;
      if (!(await em.findOne(Agent, { unit, mobile: a.mobile }))) {
        const idNumber = makeResidentId({ region: '220102', birthDate: '19880808', sequence: agentSequence });
        em.persist(em.create(Agent, { unit, name: a.name, mobile: a.mobile, idNumber, passwordHash }));
      }
      accounts.push({
        role: '经办人',
        account: a.mobile,
        extra: `单位代码 ${u.creditCode}`,
        name: `${a.name}（${u.name}）`,
      });
    }
  }

  for (const p of persons) {
    if (!(await em.findOne(Person, { mobile: p.mobile }))) {
      const idNumber = makeResidentId({ region: '220102', birthDate: p.birthDate, sequence: p.sequence });
      const person = em.create(Person, {
        name: p.name,
        idType: IdType.RESIDENT_ID,
        idNumber,
        mobile: p.mobile,
        passwordHash,
      });
      em.persist(person);
      announcePerson(em, person);
    }
    accounts.push({ role: '个人（申报人）', account: p.mobile, name: p.name });
  }
  await em.flush();
  return accounts;
}
