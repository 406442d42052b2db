import { Badge, Grid, Menu, Select } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, EditOutlined } from '@ant-design/icons';
import { useTranslation } from '@zhicheng/web-kit';
import type { ModuleKey } from '../gql/graphql';
import type { ModuleConfigOf } from './modules/types';
import type { ModuleMarker } from './progress';

export interface ModuleNavigatorProps {
  modules: readonly ModuleConfigOf[];
  current: ModuleKey;
  problemCounts: Partial<Record<ModuleKey, number>>;
  /** Each module's progress (progress.ts): one marker, never two that contradict each other. */
  markers: Partial<Record<ModuleKey, ModuleMarker>>;
  onSelect: (key: ModuleKey) => void;
}

function MarkerIcon({ marker, problems }: { marker: ModuleMarker; problems: number }) {
  switch (marker) {
    case 'COMPLETE':
      return <CheckCircleFilled className="zc-ok-icon" aria-hidden />;
    case 'TO_FIX':
      return <CloseCircleFilled className="zc-fix-icon" aria-hidden />;
    case 'IN_PROGRESS':
      return problems > 0 ? (
        <Badge count={problems} size="small" color="#b35c00" aria-hidden />
      ) : (
        <EditOutlined className="zc-progress-icon" aria-hidden />
      );
    default:
      return <span className="zc-empty-icon" aria-hidden />;
  }
}

/**
 * The notice's modules on the left: * marks required ones; one marker says where each stands
 * (not started / in progress with its problem count / complete / to fix), in words for screen readers.
 */
export function ModuleNavigator({
  modules,
  current,
  problemCounts,
  markers,
  onSelect,
}: ModuleNavigatorProps) {
  const { t } = useTranslation('applicant');
  // A phone gets one line (a select) instead of the list, so the form starts on the first screen.
  const phone = Grid.useBreakpoint().md === false;
  const statusOf = (module: ModuleConfigOf) => {
    const problems = problemCounts[module.key] ?? 0;
    const marker = markers[module.key] ?? 'NOT_STARTED';
    return [
      module.required ? t('required') : t('optional'),
      t(`fill.marker.${marker}`),
      problems && marker !== 'NOT_STARTED' ? t('fill.problemCount', { count: problems }) : null,
    ]
      .filter(Boolean)
      .join('，');
  };
  if (phone) {
    const index = modules.findIndex((m) => m.key === current);
    return (
      <nav aria-label={t('fill.modules')} className="zc-module-nav zc-module-select">
        <label htmlFor="zc-module-select" className="zc-module-select-label">
          {t('fill.moduleOf', { n: index + 1, total: modules.length })}
        </label>
        <Select
          id="zc-module-select"
          value={current}
          onChange={(key) => onSelect(key)}
          style={{ width: '100%' }}
          popupMatchSelectWidth
          // A dozen modules: all rendered, so each option is read by its name, not a virtual row's key.
          virtual={false}
          options={modules.map((module) => ({
            value: module.key,
            title: `${module.name}（${statusOf(module)}）`,
            label: (
              <span className="zc-module-nav-item" data-marker={markers[module.key] ?? 'NOT_STARTED'}>
                <span>
                  {module.required ? '* ' : ''}
                  {module.name}
                  <span className="zc-muted">（{statusOf(module)}）</span>
                </span>
              </span>
            ),
          }))}
        />
      </nav>
    );
  }
  return (
    <nav aria-label={t('fill.modules')} className="zc-module-nav">
      <Menu
        mode="inline"
        selectedKeys={[current]}
        onClick={({ key }) => onSelect(key as ModuleKey)}
        items={modules.map((module) => {
          const problems = problemCounts[module.key] ?? 0;
          const marker = markers[module.key] ?? 'NOT_STARTED';
          const status = statusOf(module);
          return {
            key: module.key,
            title: `${module.name}（${status}）`,
            label: (
              <span className="zc-module-nav-item" data-marker={marker}>
                <span>
                  {module.required && (
                    <span className="zc-required-mark" aria-hidden>
                      *{' '}
                    </span>
                  )}
                  {module.name}
                  <span className="zc-visually-hidden">（{status}）</span>
                </span>
                <MarkerIcon marker={marker} problems={problems} />
              </span>
            ),
          };
        })}
      />
    </nav>
  );
}
