export type { Problem, Validation } from './problems';
export {
  validateResidentId,
  residentIdCheckChar,
  PROVINCE_CODE_LIST,
  type ResidentIdResult,
  type ResidentIdProblemCode,
  type ResidentIdOptions,
} from './resident-id';
export {
  validateCreditCode,
  creditCodeCheckChar,
  CREDIT_CODE_CHARSET,
  type CreditCodeResult,
  type CreditCodeProblemCode,
} from './credit-code';
export { validateMobile, type MobileResult, type MobileProblemCode } from './mobile';
export { FULL_WIDTH, halfWidthPunctuationInChinese, isEnglishText } from './punctuation';
export { maskIdNumber, maskMobile, maskPassport, maskMiddle } from './mask';
export { makeResidentId, makeCreditCode, type MakeResidentIdInput } from './test-data';
export {
  TITLE_LEVELS,
  TITLE_SERIES,
  titleLevelsOf,
  type TitleLevelCode,
  type TitleDefinition,
  type SpecialtyDefinition,
  type SeriesDefinition,
} from './title-catalogue';
export { isRegionCode, regionCovers, regionLevel, type RegionLevel } from './region';
