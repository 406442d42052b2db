import { Badge, Menu } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from '@zhicheng/web-kit';
import type { ModuleKey } from '../gql/graphql';
import type { ModuleConfigOf } from './modules/types';

export interface ModuleNavigatorProps {
  modules: readonly ModuleConfigOf[];
  current: ModuleKey;
  problemCounts: Partial<Record<ModuleKey, number>>;
  /** While 被退回: the modules the reviewer flagged (×), the only ones editable. */
  flagged?: readonly ModuleKey[];
  onSelect: (key: ModuleKey) => void;
}

/** The notice's modules on the left: * marks required ones, a red badge counts each module's problems. */
export function ModuleNavigator({
  modules,
  current,
  problemCounts,
  flagged,
  onSelect,
}: ModuleNavigatorProps) {
  const { t } = useTranslation('applicant');
  return (
    <nav aria-label={t('fill.modules')} className="zc-module-nav">
      <Menu
        mode="inline"
        selectedKeys={[current]}
        onClick={({ key }) => onSelect(key as ModuleKey)}
        items={modules.map((module) => {
          const problems = problemCounts[module.key] ?? 0;
          const isFlagged = flagged?.includes(module.key);
          const status = [
            module.required ? t('required') : null,
            problems ? t('fill.problemCount', { count: problems }) : t('fill.noProblems'),
            isFlagged ? t('fill.flagged') : null,
          ]
            .filter(Boolean)
            .join('，');
          return {
            key: module.key,
            title: `${module.name}（${status}）`,
            label: (
              <span className="zc-module-nav-item">
                <span>
                  {module.required && (
                    <span className="zc-required-mark" aria-hidden>
                      *{' '}
                    </span>
                  )}
                  {module.name}
                  {isFlagged && (
                    <span className="zc-flagged" aria-hidden>
                      {' '}
                      ×
                    </span>
                  )}
                  <span className="zc-visually-hidden">（{status}）</span>
                </span>
                {problems > 0 ? (
                  <Badge count={problems} size="small" aria-hidden />
                ) : (
                  <CheckCircleFilled className="zc-ok-icon" aria-hidden />
                )}
              </span>
            ),
          };
        })}
      />
    </nav>
  );
}
