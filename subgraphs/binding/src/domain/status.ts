import { BINDING_STATUS, zhWords } from '@zhicheng/vocabulary';
import { BindingStatus } from '../entities/binding';

/** The words the applicant and unit see, as in the seeds' 业务状态 column (seed 001, 3.1.3); the vocabulary's. */
// 已绑定, not the seeds' 材料终审通过: that word belongs to a declaration's review (issue 10 item 15).
export const STATUS_TEXT: Readonly<Record<BindingStatus, string>> = zhWords(BINDING_STATUS);

export const statusText = (status: BindingStatus): string => STATUS_TEXT[status];
