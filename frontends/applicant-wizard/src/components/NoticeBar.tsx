import { useTranslation } from '@zhicheng/web-kit';
import { windowState, type NoticeWindow } from '../declaration/window';
import { formatDate } from '../format';

export interface NoticeBarProps {
  notice: NoticeWindow & { title: string };
  unitName?: string | null;
}

/** 通知名称 · 申报开始日期 · 申报截止日期 · 距申报截止剩余 N天 · 推荐单位 (above every wizard step). */
export function NoticeBar({ notice, unitName }: NoticeBarProps) {
  const { t } = useTranslation('applicant');
  const state = windowState(notice);
  const items = [
    { key: 'title', label: t('notice.name'), value: notice.title, wide: true },
    { key: 'opens', label: t('notice.opensDate'), value: formatDate(notice.opensAt) },
    { key: 'closes', label: t('notice.closesDate'), value: formatDate(notice.closesAt) },
    {
      key: 'left',
      label: t('notice.daysLeft'),
      value: (
        <strong className={state === 'open' && notice.daysLeft <= 3 ? 'zc-urgent' : undefined}>
          {state === 'open' ? t('notice.days', { count: notice.daysLeft }) : t(`notice.window.${state}`)}
        </strong>
      ),
    },
    { key: 'unit', label: t('binding.unit'), value: unitName ?? t('binding.none'), wide: true },
  ];
  return (
    <dl className="zc-notice-bar">
      {items.map((item) => (
        <div key={item.key} className={item.wide ? 'zc-notice-bar-wide' : undefined}>
          <dt>{item.label}：</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
