// A declaration as the business forms show it: codes turned into words.
import type {
  ApplicantFacts,
  AppliedTitle,
  BusinessFormData,
  BusinessFormKind,
  RecordLine,
} from '@zhicheng/business-forms';
import {
  ASSESSMENT_RESULT_WORDS,
  EXCEPTIONAL_KIND_WORDS,
  GENDER_WORDS,
  selectionNames,
  TALENT_LEVELS,
  TALENT_SERVICE_TYPE_WORDS,
  TALENT_SOURCE_WORDS,
  TALENT_STANDARDS,
  type BasicInfo,
  type ModuleData,
  type TalentLevelCode,
} from '../domain';
import { DeclarationCategory, type Declaration } from '../entities';

const PUBLICITY_DAYS = 5;

function chinaDate(date: Date): string {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function applicantFacts(declaration: Declaration): ApplicantFacts {
  const data = declaration.data;
  const basic = data.basicInfo;
  const talent = data.talentBasicInfo;
  const person = basic ?? talent;
  const highest = data.education?.[data.education.length - 1];
  return {
    name: person?.name || declaration.applicantName,
    gender: person?.gender ? GENDER_WORDS[person.gender] : null,
    birthDate: person?.birthDate ?? null,
    ethnicity: basic?.ethnicity ?? null,
    politicalStatus: basic?.politicalStatus ?? null,
    idNumber: person?.idNumber ?? null,
    mobile: person?.mobile ?? null,
    unitName: person?.workUnitName || declaration.unitName,
    post: talent?.post ?? null,
    education: highest
      ? `${highest.educationLevel}${highest.degree ? `（${highest.degree}）` : ''} ${highest.school} ${highest.major}`.trim()
      : (person?.educationLevel ?? null),
    workStartDate: basic?.workStartDate ?? null,
    currentTitle: basic?.currentTitleName ?? null,
    currentTitleDate: basic?.currentTitleDate ?? null,
  };
}

function appliedTitle(basic: BasicInfo | null | undefined, fallback: string): AppliedTitle {
  const names = basic ? selectionNames(basic) : null;
  return {
    seriesName: names?.seriesName ?? '',
    specialtyName: names?.specialtyName ?? '',
    scopeName: names?.scopeName ?? null,
    titleName: names?.titleName ?? fallback,
    levelName: names?.levelName ?? '',
  };
}

function categoryText(declaration: Declaration): string {
  if (declaration.category === DeclarationCategory.NORMAL) return '正常';
  const kind = declaration.data.basicInfo?.exceptionalKind;
  return kind ? `破格（${EXCEPTIONAL_KIND_WORDS[kind]}）` : '破格';
}

function assessments(data: ModuleData): string | null {
  const list = [...(data.annualAssessments ?? [])].sort((a, b) => a.year - b.year);
  return list.length
    ? list.map((a) => `${a.year}年 ${ASSESSMENT_RESULT_WORDS[a.result] ?? a.result}`).join('；')
    : null;
}

const records = (
  list: Array<{ name: string; grantedDate?: string; grantedBy?: string }> | null | undefined,
) =>
  (list ?? []).map((h): RecordLine => ({
    name: h.name,
    date: h.grantedDate ?? null,
    grantor: h.grantedBy ?? null,
  }));

export function businessFormData<K extends BusinessFormKind>(
  kind: K,
  declaration: Declaration,
  now: Date,
): BusinessFormData[K] {
  const notice = declaration.notice.getEntity();
  const channel = notice.channel.getEntity();
  const data = declaration.data;
  const applicant = applicantFacts(declaration);
  const title = appliedTitle(data.basicInfo, channel.name);
  const achievements = data.workSummary || data.innovation || null;
  if (kind === 'REVIEW_LIST') {
    const form: BusinessFormData['REVIEW_LIST'] = {
      noticeTitle: notice.title,
      recommendingUnit: declaration.unitName,
      entries: [
        {
          applicant,
          title,
          category: categoryText(declaration),
          yearsInSpecialty: data.basicInfo?.yearsInSpecialty ?? null,
          annualAssessment: assessments(data),
          achievements,
        },
      ],
      generatedAt: now,
    };
    return form as BusinessFormData[K];
  }
  if (kind === 'PUBLICITY') {
    const start = chinaDate(now);
    const end = chinaDate(new Date(now.getTime() + PUBLICITY_DAYS * 24 * 3600 * 1000));
    const form: BusinessFormData['PUBLICITY'] = {
      applicant,
      title,
      category: categoryText(declaration),
      achievements,
      recommendingUnit: declaration.unitName,
      publicity: { startDate: start, endDate: end },
      objectionContact: { name: declaration.unitName, phone: '（由推荐单位填写）' },
      generatedAt: now,
    };
    return form as BusinessFormData[K];
  }
  const talent = data.talentBasicInfo;
  const level = (talent?.levelCode ?? null) as TalentLevelCode | null;
  const form: BusinessFormData['TALENT_APPLICATION'] = {
    applicant,
    source: talent?.source ? TALENT_SOURCE_WORDS[talent.source] : '',
    introducedFrom: talent?.introducedFrom ?? null,
    serviceType: talent?.serviceType ? TALENT_SERVICE_TYPE_WORDS[talent.serviceType] : '',
    previousCategory: talent?.previousCategoryCode
      ? (TALENT_LEVELS[talent.previousCategoryCode as TalentLevelCode] ?? talent.previousCategoryCode)
      : null,
    previousRecognitionDate: talent?.previousRecognitionDate ?? null,
    longTermContract: talent?.longTermContract ?? false,
    contractStartDate: talent?.contractStartDate ?? null,
    standard: TALENT_STANDARDS.find((s) => s.code === talent?.standardCode)?.text ?? '',
    levelName: level ? TALENT_LEVELS[level] : '',
    education: (data.education ?? []).map((e) => ({
      startDate: e.startDate,
      endDate: e.endDate,
      school: e.school,
      major: e.major,
      educationLevel: e.educationLevel,
      degree: e.degree ?? null,
      studyMode: e.studyMode,
    })),
    workExperience: (data.workExperience ?? []).map((w) => ({
      startDate: w.startDate,
      endDate: w.endDate ?? null,
      unit: w.unit,
      post: w.post,
    })),
    innovation: data.innovation ?? null,
    honours: records(data.honours),
    awards: (data.awards ?? []).map((a) => ({
      name: a.name,
      date: a.grantedDate,
      grantor: a.grantedBy,
      level: a.grade,
    })),
    enterpriseResults: (data.enterpriseResults ?? []).map((r) => ({
      name: `${r.year}年 ${r.enterpriseName} ${r.position}`,
      level: r.enterpriseScale,
      grantor: null,
      date: null,
    })),
    generatedAt: now,
  };
  return form as BusinessFormData[K];
}
