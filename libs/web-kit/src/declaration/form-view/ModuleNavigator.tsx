import type { CSSProperties } from 'react';
import { Badge, Grid, Menu, Select } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../ui/MaskedId';
import './i18n';

/** Where one module stands: one marker, never two that contradict each other. */
export type ModuleMarker = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'TO_FIX';

/** What the list needs of a module of the notice's form. */
export interface FormModuleLike<K extends string = string> {
  key: K;
  name: string;
  required: boolean;
}

export interface ModuleNavigatorProps<K extends string> {
  modules: readonly FormModuleLike<K>[];
  current: K;
  problemCounts?: Partial<Record<K, number>>;
  markers?: Partial<Record<K, ModuleMarker>>;
  onSelect: (key: K) => void;
}

/** 破格推荐专家 shows only for a 破格 declaration. */
export function visibleModules<M extends { key: string }>(modules: readonly M[], category: string): M[] {
  return modules.filter((m) => m.key !== 'RECOMMENDERS' || category === 'EXCEPTIONAL');
}

const REQUIRED_MARK: CSSProperties = { color: '#cf1322' };
const ITEM: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
};
const EMPTY_RING: CSSProperties = {
  display: 'inline-block',
  width: 12,
  height: 12,
  border: '1.5px solid #767676',
  borderRadius: '50%',
};

function MarkerIcon({ marker, problems }: { marker: ModuleMarker; problems: number }) {
  switch (marker) {
    case 'COMPLETE':
      return <CheckCircleFilled style={{ color: '#237804' }} aria-hidden />;
    case 'TO_FIX':
      return <CloseCircleFilled style={{ color: '#cf1322' }} aria-hidden />;
    case 'IN_PROGRESS':
      return problems > 0 ? (
        <Badge count={problems} size="small" color="#b35c00" aria-hidden />
      ) : (
        <EditOutlined style={{ color: '#b35c00' }} aria-hidden />
      );
    default:
      return <span style={EMPTY_RING} aria-hidden />;
  }
}

/**
 * The notice's modules as the applicant's wizard lists them (the bureau's preview renders the
 * same): * marks required ones; one marker says where each stands, in words for screen readers.
 * A phone gets one line (a select) instead of the list, so the form starts on the first screen.
 */
export function ModuleNavigator<K extends string>({
  modules,
  current,
  problemCounts = {},
  markers = {},
  onSelect,
}: ModuleNavigatorProps<K>) {
  const { t } = useTranslation('formView');
  const phone = Grid.useBreakpoint().md === false;
  const counts = problemCounts as Partial<Record<string, number>>;
  const marks = markers as Partial<Record<string, ModuleMarker>>;
  const statusOf = (module: FormModuleLike<K>) => {
    const problems = counts[module.key] ?? 0;
    const marker = marks[module.key] ?? 'NOT_STARTED';
    return [
      module.required ? t('required') : t('optional'),
      t(`marker.${marker}`),
      problems && marker !== 'NOT_STARTED' ? t('problemCount', { count: problems }) : null,
    ]
      .filter(Boolean)
      .join('，');
  };
  if (phone) {
    const index = modules.findIndex((m) => m.key === current);
    return (
      <nav aria-label={t('modules')} className="zc-module-nav zc-module-select">
        <label htmlFor="zc-module-select" style={{ display: 'block', marginBottom: 4 }}>
          {t('moduleOf', { n: index + 1, total: modules.length })}
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
              <span
                className="zc-module-nav-item"
                style={ITEM}
                data-marker={marks[module.key] ?? 'NOT_STARTED'}
              >
                <span>
                  {module.required ? '* ' : ''}
                  {module.name}
                  <span style={{ color: 'rgba(0, 0, 0, 0.55)' }}>（{statusOf(module)}）</span>
                </span>
              </span>
            ),
          }))}
        />
      </nav>
    );
  }
  return (
    <nav aria-label={t('modules')} className="zc-module-nav">
      <Menu
        mode="inline"
        selectedKeys={[current]}
        onClick={({ key }) => onSelect(key as K)}
        style={{ borderInlineEnd: 0, background: '#fafafa', borderRadius: 8 }}
        items={modules.map((module) => {
          const problems = counts[module.key] ?? 0;
          const marker = marks[module.key] ?? 'NOT_STARTED';
          const status = statusOf(module);
          return {
            key: module.key,
            title: `${module.name}（${status}）`,
            label: (
              <span className="zc-module-nav-item" style={ITEM} data-marker={marker}>
                <span>
                  {module.required && (
                    <span style={REQUIRED_MARK} aria-hidden>
                      *{' '}
                    </span>
                  )}
                  {module.name}
                  <span style={visuallyHidden}>（{status}）</span>
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
