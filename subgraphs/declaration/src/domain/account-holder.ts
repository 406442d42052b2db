// A declaration is made in the signed-in applicant's own name (issue 8, hole 15): the name, the
// ID document and the work unit of 基本信息 (and of the talent-classification basic info) must be
// the account's own, as identity knows them, and the unit the applicant is bound to. The wizard
// fills them in from the account and shows them locked; the server refuses anything else at save
// and at submit, so a client cannot declare for somebody else.
import { maskIdNumber, maskMobile, maskPassport } from '@zhicheng/domain-codes';
import { normaliseIdNumber } from './validate-input';
import type { IdType, ModuleData, ModuleKey, ValidationProblem } from './types';

/** Who the account is, from identity (token, events) and binding (the bound unit). */
export interface AccountHolder {
  name: string;
  /** Unknown until identity's PersonRegistered reached this service. */
  idType: IdType | null;
  idNumber: string | null;
  /** The account's mobile; unknown for persons identity announced before it sent mobiles. */
  mobile: string | null;
  unitName: string;
}

/** The modules that state who is declaring, with their data property. */
const HOLDER_MODULES: ReadonlyArray<[ModuleKey, 'basicInfo' | 'talentBasicInfo']> = [
  ['BASIC_INFO', 'basicInfo'],
  ['TALENT_BASIC_INFO', 'talentBasicInfo'],
];

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const maskedHolderId = (holder: AccountHolder) =>
  holder.idNumber ? (holder.idType === 'PASSPORT' ? maskPassport : maskIdNumber)(holder.idNumber) : '';

/**
 * Where the saved modules state another person or unit than the account's. Blank fields are left
 * to the required-field rules. `field` is `basicInfo.name` etc.
 */
export function accountHolderProblems(data: ModuleData, holder: AccountHolder): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [module, property] of HOLDER_MODULES) {
    const row = data[property] as
      | { name?: unknown; idType?: unknown; idNumber?: unknown; mobile?: unknown; workUnitName?: unknown }
      | undefined
      | null;
    if (!row) continue;
    if (present(row.name) && row.name.trim() !== holder.name.trim())
      problems.push({
        module,
        field: `${property}.name`,
        code: 'NOT_ACCOUNT_HOLDER',
        message: `姓名须与登录账号的实名信息（${holder.name}）一致，不能以他人名义申报`,
      });
    if (holder.idType && present(row.idType) && row.idType !== holder.idType)
      problems.push({
        module,
        field: `${property}.idType`,
        code: 'NOT_ACCOUNT_HOLDER',
        message: '证件类型须与登录账号的证件类型一致，不能以他人名义申报',
      });
    if (
      holder.idNumber &&
      present(row.idNumber) &&
      normaliseIdNumber(row.idNumber) !== normaliseIdNumber(holder.idNumber)
    )
      problems.push({
        module,
        field: `${property}.idNumber`,
        code: 'NOT_ACCOUNT_HOLDER',
        message: `证件号码须与登录账号的证件号码（${maskedHolderId(holder)}）一致，不能以他人名义申报`,
      });
    // A malformed number is the field rule's to report; a well-formed other one is somebody else's.
    if (holder.mobile && present(row.mobile) && /^1\d{10}$/.test(row.mobile) && row.mobile !== holder.mobile)
      problems.push({
        module,
        field: `${property}.mobile`,
        code: 'NOT_ACCOUNT_HOLDER',
        message: `手机号码须与登录账号的手机号码（${maskMobile(holder.mobile)}）一致`,
      });
    if (present(row.workUnitName) && row.workUnitName.trim() !== holder.unitName.trim())
      problems.push({
        module,
        field: `${property}.workUnitName`,
        code: 'NOT_BOUND_UNIT',
        message: `工作单位须为您绑定的推荐单位“${holder.unitName}”；如已调动，请先解绑并绑定新单位`,
      });
  }
  return problems;
}
