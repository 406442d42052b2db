import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from '@zhicheng/web-kit';

export interface NoticeWindow {
  opensAt: string;
  closesAt: string;
  daysLeft: number;
  isOpen: boolean;
}

export type WindowState = 'open' | 'notYet' | 'closed';

export function windowState(notice: NoticeWindow, now = dayjs()): WindowState {
  if (notice.isOpen) return 'open';
  return dayjs(notice.opensAt).isAfter(now) ? 'notYet' : 'closed';
}

/** 申报中 (剩余 N 天) / 未开始 / 已截止. */
export function WindowTag({ notice }: { notice: NoticeWindow }) {
  const { t } = useTranslation('applicant');
  const state = windowState(notice);
  if (state === 'open') {
    return (
      <Tag color={notice.daysLeft <= 3 ? 'warning' : 'success'}>
        {t('notice.daysLeftShort', { count: notice.daysLeft })}
      </Tag>
    );
  }
  return <Tag>{t(`notice.window.${state}`)}</Tag>;
}
