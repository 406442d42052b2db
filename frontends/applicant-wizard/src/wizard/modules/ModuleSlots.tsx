import { Card, Typography } from 'antd';
import { useTranslation } from '@zhicheng/web-kit';
import type { ModuleKey } from '../../gql/graphql';
import { useWizard } from '../context';
import { filesOf, SlotUpload } from '../files/SlotUpload';

/** Catalogue slots shown inside a module (个人照片 in 基本信息, 单位公示表 in its own module). */
export function ModuleSlots({
  module,
  editable,
  hint,
}: {
  module: ModuleKey;
  editable: boolean;
  hint?: string;
}) {
  const { t } = useTranslation('applicant');
  const { declaration } = useWizard();
  const slots = declaration.notice.formConfig.attachments.filter((slot) => slot.module === module);
  if (slots.length === 0) return null;
  return (
    <div className="zc-module-slots">
      {slots.map((slot) => {
        const input = { kind: 'CATALOGUE' as const, code: slot.code };
        return (
          <Card
            key={slot.code}
            size="small"
            title={
              <span>
                {slot.required && (
                  <span className="zc-required-mark" aria-hidden>
                    *{' '}
                  </span>
                )}
                {slot.name}
                {slot.required && <span className="zc-visually-hidden">（{t('required')}）</span>}
              </span>
            }
          >
            {slot.code === 'PHOTO' && (
              <Typography.Paragraph type="secondary">{t('basic.photoNote')}</Typography.Paragraph>
            )}
            {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
            <SlotUpload
              label={slot.name}
              slot={input}
              files={filesOf(declaration.attachments, input)}
              formats={slot.formats}
              maxSizeKb={slot.maxSizeKb}
              maxCount={slot.maxCount}
              editable={editable}
              showRules
            />
          </Card>
        );
      })}
    </div>
  );
}
