// The title catalogue lives in @zhicheng/domain-codes (identity checks committees against it too).
export {
  TITLE_LEVELS,
  TITLE_SERIES,
  type TitleLevelCode,
  type TitleDefinition,
  type SpecialtyDefinition,
  type SeriesDefinition,
} from '@zhicheng/domain-codes';
