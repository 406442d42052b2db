import { BindingStatus } from '../entities/binding';

/** The words the applicant and unit see, as in the seeds' 业务状态 column (seed 001, 3.1.3). */
export const STATUS_TEXT: Record<BindingStatus, string> = {
  [BindingStatus.PENDING]: '待审核',
  // 已绑定, not the seeds' 材料终审通过: that word belongs to a declaration's review (issue 10 item 15).
  [BindingStatus.APPROVED]: '已绑定',
  [BindingStatus.REFUSED]: '审核不通过终止审核',
  [BindingStatus.ENDED]: '已解绑',
};

export const statusText = (status: BindingStatus): string => STATUS_TEXT[status];
