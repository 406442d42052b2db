// Checks a channel (申报通道) as the bureau typed it and turns it into the stored configuration.
// Every problem is collected (field paths into `input`), as for notices.
import { Problems } from '@zhicheng/server-kit';
import {
  CHANNEL_GROUP_WORDS,
  formConfigProblems,
  type BusinessFormKind,
  type ChannelConfig,
  type ChannelGroup,
  type RouteLevelKind,
} from '../domain';
import { formFromInput, type FormConfigLike } from './notice-input';

export interface ChannelInputLike {
  name: string;
  group: string;
  sortOrder?: number | null;
  route: string[];
  outcomeAfterRoute: string;
  requiresCommittee: boolean;
  allowsExceptional: boolean;
  usesTitleCatalogue: boolean;
  businessForms: string[];
  defaultFormConfig: FormConfigLike;
}

const CODE = /^[A-Z][A-Z0-9_]{2,39}$/;
const ROUTE_ORDER: readonly RouteLevelKind[] = ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'];

/** The channel code a new channel asks for, with its problems added to `problems`. */
export function checkChannelCode(code: string, problems: Problems): string {
  const trimmed = (code ?? '').trim();
  if (!CODE.test(trimmed))
    problems.add(
      'code',
      'INVALID',
      '通道代码须以大写字母开头，由3-40位大写字母、数字或下划线组成（如 TITLE_NORMAL）',
    );
  return trimmed;
}

/**
 * The stored configuration for `input` (titleFilter is kept from `previous`: it is set with the
 * catalogue, not typed), or BAD_USER_INPUT listing every problem together with `problems`.
 */
export function checkChannelInput(
  code: string,
  input: ChannelInputLike,
  problems: Problems,
  previous?: ChannelConfig,
): ChannelConfig {
  const name = (input.name ?? '').trim();
  if (!name) problems.add('input.name', 'REQUIRED', '请填写通道名称');
  else if ([...name].length > 30) problems.add('input.name', 'TOO_LONG', '通道名称不能超过30个字');
  if (input.sortOrder != null && (!Number.isInteger(input.sortOrder) || input.sortOrder < 0))
    problems.add('input.sortOrder', 'OUT_OF_RANGE', '排序号须为不小于0的整数');

  const route = input.route as RouteLevelKind[];
  if (route.length === 0) problems.add('input.route', 'REQUIRED', '请配置默认审核流程（至少一级）');
  else if (route.some((level, i) => i > 0 && ROUTE_ORDER.indexOf(level) <= ROUTE_ORDER.indexOf(route[i - 1])))
    problems.add(
      'input.route',
      'ROUTE_ORDER',
      '审核流程应按 推荐单位 → 主管部门 → 人社部门 → 评委会 的顺序配置，且每级一次',
    );
  else if (route[0] !== 'UNIT')
    problems.add('input.route', 'ROUTE_ORDER', '审核流程须从推荐单位开始（申报先由推荐单位审核）');
  const hasCommittee = route.includes('COMMITTEE');
  if (input.requiresCommittee && !hasCommittee)
    problems.add(
      'input.requiresCommittee',
      'NEEDS_COMMITTEE_LEVEL',
      '申报时选择评委会的通道，审核流程须包含评委会',
    );
  if (input.outcomeAfterRoute === 'MATERIALS_APPROVED' && hasCommittee)
    problems.add(
      'input.outcomeAfterRoute',
      'INVALID',
      '“材料审核通过”用于审核流程止于人社部门的通道（如人才分类定级）；有评委会的通道以评委会结果终审',
    );

  const form = formFromInput(input.defaultFormConfig);
  if (form.modules.length === 0)
    problems.add('input.defaultFormConfig.modules', 'FORM_EMPTY', '默认申报表单至少需要一个模块');
  else
    for (const p of formConfigProblems(form, 'input.defaultFormConfig'))
      problems.add(p.field, p.code, p.message);

  problems.throwIfAny();
  const group = input.group as ChannelGroup;
  return {
    code,
    name,
    group,
    groupName: CHANNEL_GROUP_WORDS[group],
    defaultFormConfig: form,
    route: [...route],
    outcomeAfterRoute: input.outcomeAfterRoute as ChannelConfig['outcomeAfterRoute'],
    requiresCommittee: input.requiresCommittee,
    allowsExceptional: input.allowsExceptional,
    usesTitleCatalogue: input.usesTitleCatalogue,
    ...(previous?.titleFilter ? { titleFilter: previous.titleFilter } : {}),
    businessForms: [...new Set(input.businessForms)] as BusinessFormKind[],
  };
}

/** What declarations already read from a channel at run time: fixed once notices use it. */
export const BEHAVIOUR_FIELDS = [
  'outcomeAfterRoute',
  'requiresCommittee',
  'allowsExceptional',
  'usesTitleCatalogue',
  'businessForms',
] as const satisfies ReadonlyArray<keyof ChannelConfig>;

export const changedBehaviour = (before: ChannelConfig, after: ChannelConfig) =>
  BEHAVIOUR_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
