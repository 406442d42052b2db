import { demoOrganisationId, type EntityManager } from '@zhicheng/server-kit';
import type { RouteLevel } from '@zhicheng/events';
import { defaultFormConfigFor, findChannel, ROUTE_LEVEL_WORDS, type RouteLevelKind } from './domain';
import { Channel, Notice, NoticeStatus, type NoticeCommittee } from './entities';
import { seedChannels } from './services/channels';

/** The demo notices are the seed's, not a person's. */
export const DEMO_CREATOR = '00000000-0000-0000-0000-000000000000';

const DAY = 24 * 3600 * 1000;
const PROVINCE_BUREAU = '吉林省人力资源和社会保障厅';
/** The committee the demo title notices route to (identity's demo organisation of that name). */
const ENGINEERING_COMMITTEE = '吉林省工程系列高级职称评审委员会';

interface DemoNotice {
  title: string;
  channel: string;
  /** Days from now: the window [opensIn, closesIn). */
  opensIn: number;
  closesIn: number;
  notes: string;
  committees?: NoticeCommittee[];
  routeNames?: Partial<Record<RouteLevelKind, string>>;
}

/** Committees: the two provincial ones are identity's demo organisations (stable demo ids). */
const JILIN_COMMITTEES: NoticeCommittee[] = [
  {
    id: 'JL-ENG-SENIOR',
    organisationId: demoOrganisationId('engineering'),
    name: ENGINEERING_COMMITTEE,
    regionCode: '220000',
    levelCodes: ['FULL_SENIOR', 'DEPUTY_SENIOR'],
    seriesCodes: ['ENG'],
    specialtyCodes: [],
  },
  {
    id: 'JL-TEACHERS-SENIOR',
    organisationId: demoOrganisationId('teachers'),
    name: '吉林省中小学教师高级职称评审委员会',
    regionCode: '220000',
    levelCodes: ['FULL_SENIOR', 'DEPUTY_SENIOR'],
    seriesCodes: ['EDU'],
    specialtyCodes: ['EDU.PS'],
  },
  {
    id: 'CC-ENG-INTERMEDIATE',
    organisationId: null,
    name: '长春市工程系列中级职称评审委员会',
    regionCode: '220100',
    levelCodes: ['INTERMEDIATE', 'ASSISTANT', 'JUNIOR'],
    seriesCodes: ['ENG'],
    specialtyCodes: [],
  },
];

const NOTES = [
  '1. 请对照所申报系列（专业）的专业技术资格条件自评是否满足基本申报条件。',
  '2. 申报前须绑定推荐单位（个人绑定单位是办理业务的前提），并确认申报的职称专业和层级。',
  '3. 所提交的材料须真实、准确、有效；涉密内容禁止上传。',
  '4. 提交后不能自行删除或撤回，如需修改请联系当前审核部门退回。',
].join('\n');

const NOTICES: DemoNotice[] = [
  {
    title: '关于开展2026年度全省专业技术职称评审工作的通知（正常职称申报）',
    channel: 'TITLE_NORMAL',
    opensIn: -1,
    closesIn: 60,
    notes: NOTES,
    routeNames: { BUREAU: PROVINCE_BUREAU, COMMITTEE: ENGINEERING_COMMITTEE },
  },
  {
    title: '关于开展2026年度专业技术人员破格申报工作的通知（两名专家推荐破格）',
    channel: 'TITLE_NORMAL',
    opensIn: -1,
    closesIn: 60,
    notes: `${NOTES}\n5. 破格类别为“两名专家推荐破格”的，须添加两名推荐专家并上传专家破格推荐证明；每名专家最多只允许推荐两名专业技术人员破格申报。`,
    routeNames: { BUREAU: PROVINCE_BUREAU, COMMITTEE: ENGINEERING_COMMITTEE },
  },
  {
    title: '关于开展2026年度人才分类定级评定工作的通知',
    channel: 'TALENT_CLASSIFICATION',
    opensIn: -1,
    closesIn: 60,
    notes: '必填申报栏目：学习经历、工作经历、创新创业成果（突出业绩）；必传附件：身份证正反面。',
    routeNames: { BUREAU: PROVINCE_BUREAU },
  },
  {
    title: '2026年度职称评审申报（按行政区划、申报级别和申报专业选择评委会）',
    channel: 'JS_TITLE_REVIEW',
    opensIn: -1,
    closesIn: 60,
    notes:
      '请确认选择的行政区划、申报级别、申报专业是否正确，且评委会已开放申报，否则可能提示“未查到相关的评委会”。',
    committees: JILIN_COMMITTEES,
    routeNames: { BUREAU: PROVINCE_BUREAU },
  },
  {
    title: '关于开展2025年度全省专业技术职称评审工作的通知（已截止）',
    channel: 'TITLE_NORMAL',
    opensIn: -120,
    closesIn: -30,
    notes: NOTES,
    routeNames: { BUREAU: PROVINCE_BUREAU, COMMITTEE: ENGINEERING_COMMITTEE },
  },
];

/**
 * The demo route's fixed reviewers: the province bureau, and for title notices the engineering
 * committee. The unit level is the applicant's own unit and the competent department depends on
 * the unit, so both stay open here.
 */
const ROUTE_ORGANISATIONS: Partial<Record<RouteLevelKind, string>> = {
  BUREAU: demoOrganisationId('province'),
  COMMITTEE: demoOrganisationId('engineering'),
};

function route(kinds: readonly RouteLevelKind[], names: DemoNotice['routeNames'] = {}): RouteLevel[] {
  return kinds.map((level) => ({
    level,
    organisationId: ROUTE_ORGANISATIONS[level] ?? null,
    name: names[level] ?? ROUTE_LEVEL_WORDS[level],
  }));
}

/**
 * Demo notices for `npm start`: open ones for 正常职称申报, 两名专家推荐破格, 人才分类定级评定 and
 * the 江苏-style 职称评审申报 with committees, plus a closed one. Idempotent: a notice whose title
 * exists is left as it is. Returns the titles for the launcher's output.
 */
export async function loadDemoData(em: EntityManager, now = new Date()): Promise<string[]> {
  await seedChannels(em);
  const titles: string[] = [];
  for (const demo of NOTICES) {
    titles.push(demo.title);
    if (await em.findOne(Notice, { title: demo.title })) continue;
    const channel = findChannel(demo.channel);
    if (!channel) throw new Error(`demo notice names an unknown channel: ${demo.channel}`);
    em.persist(
      em.create(Notice, {
        channel: em.getReference(Channel, channel.code),
        title: demo.title,
        opensAt: new Date(now.getTime() + demo.opensIn * DAY),
        closesAt: new Date(now.getTime() + demo.closesIn * DAY),
        notes: demo.notes,
        coverage: { unitIds: [], regionCodes: [], seriesCodes: [] },
        route: route(channel.route, demo.routeNames),
        formConfig: defaultFormConfigFor(channel.code)!,
        committees: demo.committees ?? [],
        status: NoticeStatus.PUBLISHED,
        publishedAt: now,
        createdBy: DEMO_CREATOR,
        ownerOrganisationId: demoOrganisationId('province'),
      }),
    );
  }
  await em.flush();
  return titles;
}
