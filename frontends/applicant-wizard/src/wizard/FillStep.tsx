import { useEffect, useMemo, useRef } from 'react';
import { Alert, Card, Col, Row, Typography } from 'antd';
import {
  ModuleNavigator,
  useLocation,
  useTranslation,
  useWords,
  validationProblemText,
  visibleModules,
} from '@zhicheng/web-kit';
import type { ModuleKey } from '../gql/graphql';
import { isModuleEditable } from '../declaration/status';
import { paths } from '../routes';
import { useWizard } from './context';
import { BasicInfoForm } from './modules/BasicInfoForm';
import { LIST_MODULES } from './modules/definitions';
import { ListModule } from './modules/ListModule';
import { ModuleFooter, type ModuleNavigation } from './modules/ModuleFooter';
import { ModuleSlots } from './modules/ModuleSlots';
import { TalentBasicInfoForm } from './modules/TalentBasicInfoForm';
import { TextModuleForm } from './modules/TextModuleForm';
import type { ModuleConfigOf } from './modules/types';
import { moduleMarker, openingModule, type ModuleMarker, type ProgressFacts } from './progress';

function ModuleBody({
  config,
  editable,
  nav,
}: {
  config: ModuleConfigOf;
  editable: boolean;
  nav: ModuleNavigation;
}) {
  const { t } = useTranslation('applicant');
  const { declaration } = useWizard();
  switch (config.key) {
    case 'BASIC_INFO':
      return <BasicInfoForm config={config} editable={editable} nav={nav} />;
    case 'TALENT_BASIC_INFO':
      return <TalentBasicInfoForm config={config} editable={editable} nav={nav} />;
    case 'INNOVATION':
      return <TextModuleForm config={config} dataKey="innovation" editable={editable} nav={nav} />;
    case 'WORK_SUMMARY':
      return <TextModuleForm config={config} dataKey="workSummary" editable={editable} nav={nav} />;
    case 'UNIT_PUBLICITY': {
      const template = declaration.businessForms.find((form) => form.kind === 'PUBLICITY');
      return (
        <div>
          <Typography.Paragraph type="secondary">{t('publicity.note')}</Typography.Paragraph>
          {template && (
            <Typography.Paragraph>
              <a href={`${template.url}${template.url.includes('?') ? '&' : '?'}download=1`}>
                {t('publicity.template')}
              </a>
            </Typography.Paragraph>
          )}
          <ModuleSlots module={config.key} editable={editable} />
          <ModuleFooter {...nav} />
        </div>
      );
    }
    default: {
      const def = LIST_MODULES[config.key];
      if (!def) return <ModuleFooter {...nav} />;
      return (
        <div>
          <ListModule config={config} def={def} editable={editable} />
          <ModuleSlots module={config.key} editable={editable} />
          <ModuleFooter {...nav} />
        </div>
      );
    }
  }
}

/** 02 信息填报: the module navigator and the chosen module's form. */
export function FillStep() {
  const { t } = useTranslation('applicant');
  const { declaration, leave, generation } = useWizard();
  const { language } = useWords();
  const { searchParams } = useLocation();
  const modules = useMemo(
    () => visibleModules(declaration.notice.formConfig.modules, declaration.category),
    [declaration.notice.formConfig.modules, declaration.category],
  );
  const returned = declaration.status === 'RETURNED';
  const editableModules = declaration.editableModules;
  const facts = useMemo<ProgressFacts>(
    () => ({
      status: declaration.status,
      modules: declaration.modules as Record<string, unknown>,
      attachments: declaration.attachments,
      slots: declaration.notice.formConfig.attachments,
      problems: declaration.validation.problems,
      flagged: returned ? editableModules : [],
    }),
    [declaration, editableModules, returned],
  );
  // A returned declaration opens on its first flagged module, not on a locked one.
  const opening = openingModule(modules, facts, searchParams.get('module'));
  const index = Math.max(
    0,
    modules.findIndex((m) => m.key === opening),
  );
  const config = modules[index];
  const editable = !!config && isModuleEditable(declaration.status, editableModules, config.key);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const problemCounts = useMemo(() => {
    const counts: Partial<Record<ModuleKey, number>> = {};
    for (const problem of declaration.validation.problems) {
      if (problem.module !== 'ATTACHMENTS') counts[problem.module] = (counts[problem.module] ?? 0) + 1;
    }
    return counts;
  }, [declaration.validation.problems]);
  const markers = useMemo(() => {
    const out: Partial<Record<ModuleKey, ModuleMarker>> = {};
    for (const m of modules) out[m.key] = moduleMarker(m.key, facts);
    return out;
  }, [modules, facts]);

  // Moving to another module puts focus on its heading (keyboard and screen-reader users follow).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [config?.key]);

  if (!config) return <Alert type="warning" showIcon title={t('fill.noModules')} />;

  const go = (key: ModuleKey | 'ATTACHMENTS') =>
    leave(key === 'ATTACHMENTS' ? paths.attachments(declaration.id) : paths.fill(declaration.id, key));

  const nav: ModuleNavigation = {
    onPrevious: index > 0 ? () => go(modules[index - 1].key) : undefined,
    onNext: () => go(index < modules.length - 1 ? modules[index + 1].key : 'ATTACHMENTS'),
    isLast: index === modules.length - 1,
  };
  const problems = declaration.validation.problems.filter((p) => p.module === config.key);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={7} lg={6}>
        <ModuleNavigator
          modules={modules}
          current={config.key}
          problemCounts={problemCounts}
          markers={markers}
          onSelect={go}
        />
      </Col>
      <Col xs={24} md={17} lg={18}>
        <Card
          size="small"
          title={
            <h2 className="zc-section-title" ref={headingRef} tabIndex={-1}>
              {config.required && (
                <span className="zc-required-mark" aria-hidden>
                  *{' '}
                </span>
              )}
              {config.name}
              {config.required && <span className="zc-visually-hidden">（{t('required')}）</span>}
            </h2>
          }
        >
          {returned && !editable && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('fill.notFlagged')} />
          )}
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('fill.moduleProblems', { count: problems.length })}
              description={
                <ul className="zc-problem-list">
                  {problems.map((p, i) => (
                    <li key={`${p.code}-${i}`}>
                      {validationProblemText(language, p, declaration.notice.formConfig)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <ModuleBody key={`${config.key}-${generation}`} config={config} editable={editable} nav={nav} />
        </Card>
      </Col>
    </Row>
  );
}
