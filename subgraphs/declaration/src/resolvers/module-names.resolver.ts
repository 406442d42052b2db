// Names next to the codes a module stores, so a reader (a reviewer's page, a third party) shows the
// applicant's words without its own copy of the catalogues: 申报系列 ENG → 工程系列, standard A-01 →
// 诺贝尔奖获得者. Computed from the same catalogues the forms offer; null where the code is unknown.
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { selectionNames } from '../domain/catalogue';
import { TALENT_LEVELS, TALENT_STANDARDS } from '../domain/data/talent-standards';
import { BasicInfoGql, TalentBasicInfoGql } from './module.types';

const talentLevelName = (code: string | null | undefined) =>
  code && code in TALENT_LEVELS ? TALENT_LEVELS[code as keyof typeof TALENT_LEVELS] : null;

@Resolver(() => BasicInfoGql)
export class BasicInfoNamesResolver {
  @FieldResolver(() => String, { nullable: true, description: '申报系列 name, e.g. 工程系列' })
  seriesName(@Root() basic: BasicInfoGql): string | null {
    return selectionNames(basic).seriesName;
  }

  @FieldResolver(() => String, { nullable: true, description: '申报专业 name' })
  specialtyName(@Root() basic: BasicInfoGql): string | null {
    return selectionNames(basic).specialtyName;
  }

  @FieldResolver(() => String, { nullable: true, description: '申报专业范围 name' })
  scopeName(@Root() basic: BasicInfoGql): string | null {
    return selectionNames(basic).scopeName;
  }

  @FieldResolver(() => String, { nullable: true, description: '申报职称名称, e.g. 高级工程师' })
  titleName(@Root() basic: BasicInfoGql): string | null {
    return selectionNames(basic).titleName;
  }

  @FieldResolver(() => String, { nullable: true, description: '申报职称级别, e.g. 副高级' })
  levelName(@Root() basic: BasicInfoGql): string | null {
    return selectionNames(basic).levelName;
  }

  @FieldResolver(() => String, { nullable: true, description: '从事专业 name (it equals 申报专业范围)' })
  practisedSpecialtyName(@Root() basic: BasicInfoGql): string | null {
    if (!basic.practisedSpecialtyCode) return null;
    return basic.practisedSpecialtyCode === basic.scopeCode ? selectionNames(basic).scopeName : null;
  }
}

@Resolver(() => TalentBasicInfoGql)
export class TalentBasicInfoNamesResolver {
  @FieldResolver(() => String, { nullable: true, description: '已在吉认定人才类别 name, e.g. C类' })
  previousCategoryName(@Root() info: TalentBasicInfoGql): string | null {
    return talentLevelName(info.previousCategoryCode);
  }

  @FieldResolver(() => String, { nullable: true, description: '申请评定符合标准, in words' })
  standardName(@Root() info: TalentBasicInfoGql): string | null {
    return TALENT_STANDARDS.find((s) => s.code === info.standardCode)?.text ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '申请评定级别(层次) name, e.g. A类' })
  levelName(@Root() info: TalentBasicInfoGql): string | null {
    return talentLevelName(info.levelCode);
  }
}
