import { makeResidentId } from '@zhicheng/domain-codes';
import { seasonApplicants, type EntityManager, type SeasonApplicant } from '@zhicheng/server-kit';
import { catalogueLeafSelections } from './domain/catalogue';
import type { ModuleData } from './domain/types';
import { Declaration, DeclarationCategory, Notice, NoticeStatus } from './entities';
import { markSubmitted } from './services/declarations';

const DAY = 86_400_000;

/** What a season applicant declared: 基本信息 in their own name, a title from the catalogue. */
function modulesOf(a: SeasonApplicant, titles: ReturnType<typeof catalogueLeafSelections>): ModuleData {
  const birth = a.birthDate;
  return {
    basicInfo: {
      name: a.name,
      gender: a.idNumberParts.sequence % 2 === 1 ? 'MALE' : 'FEMALE',
      ethnicity: '汉族',
      politicalStatus: '群众',
      idType: 'RESIDENT_ID',
      idNumber: makeResidentId(a.idNumberParts),
      mobile: a.mobile,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
      educationLevel: '大学本科',
      workStartDate: '2010-07-01',
      personnelType: '专业技术人员',
      workUnitName: a.unit.name,
      unitType: '企业',
      workNature: '应用',
      yearsInSpecialty: 10,
      ...titles[(a.index * 37) % titles.length],
    },
    workExperience: [
      { id: `season-${a.index}-work`, unit: a.unit.name, post: '专业技术岗位', startDate: '2010-07-01' },
    ],
  } as ModuleData;
}

/**
 * declaration's part of the demo season (server-kit demo-season.ts): each applicant's declaration
 * under one of the two open 正常职称申报 notices, submitted through the same step as a real submit
 * (markSubmitted: status, review position, DeclarationSubmitted), at a time in the last 60 days.
 * Idempotent. Returns how many declarations there are.
 */
export async function loadDemoSeason(em: EntityManager, now = new Date()): Promise<number> {
  const notices = await em.find(
    Notice,
    {
      channel: 'TITLE_NORMAL',
      status: NoticeStatus.PUBLISHED,
      opensAt: { $lte: now },
      closesAt: { $gt: now },
    },
    { orderBy: { title: 'asc' }, populate: ['channel'] },
  );
  if (notices.length === 0) return 0;
  const applicants = seasonApplicants();
  const existing = new Set(
    (
      await em.find(Declaration, { id: { $in: applicants.map((a) => a.declarationId) } }, { fields: ['id'] })
    ).map((d) => d.id),
  );
  const titles = catalogueLeafSelections();
  for (const a of applicants) {
    if (existing.has(a.declarationId)) continue;
    const notice = notices[a.index % notices.length];
    const at = new Date(now.getTime() - a.submittedDaysAgo * DAY - (a.index % 600) * 60_000);
    const declaration = em.create(Declaration, {
      id: a.declarationId,
      notice,
      applicantId: a.personId,
      applicantName: a.name,
      unitId: a.unitId,
      unitName: a.unit.name,
      category: notice.title.includes('破格') ? DeclarationCategory.EXCEPTIONAL : DeclarationCategory.NORMAL,
      data: modulesOf(a, titles),
      createdAt: new Date(at.getTime() - DAY),
    });
    em.persist(declaration);
    markSubmitted(em, declaration, notice, notice.channel.getEntity().config, at, 1, false);
  }
  await em.flush();
  return applicants.length;
}
