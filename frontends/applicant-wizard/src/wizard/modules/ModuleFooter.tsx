import { Button, Flex } from 'antd';
import { LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from '@zhicheng/web-kit';

export interface ModuleNavigation {
  onPrevious?: () => void;
  /** Goes to the next module, or to 03 附件上传 after the last one. */
  onNext: () => void;
  isLast: boolean;
}

export interface ModuleFooterProps extends ModuleNavigation {
  /** The module's form (暂存 submits it); absent for modules saved entry by entry. */
  formId?: string;
  saving?: boolean;
  /** 下一步 saves first when there are unsaved changes. */
  onSaveAndNext?: () => void;
}

/** 上一步 · 暂存 · 下一步 under a module. */
export function ModuleFooter({
  formId,
  saving,
  onPrevious,
  onNext,
  onSaveAndNext,
  isLast,
}: ModuleFooterProps) {
  const { t } = useTranslation('applicant');
  return (
    <Flex justify="center" gap={12} wrap className="zc-module-footer">
      {onPrevious && (
        <Button icon={<LeftOutlined aria-hidden />} onClick={onPrevious}>
          {t('fill.previous')}
        </Button>
      )}
      {formId && (
        <Button htmlType="submit" form={formId} icon={<SaveOutlined aria-hidden />} loading={saving}>
          {t('fill.saveDraft')}
        </Button>
      )}
      <Button type="primary" onClick={onSaveAndNext ?? onNext} loading={saving && !!onSaveAndNext}>
        {isLast ? t('fill.toAttachments') : t('fill.next')} <RightOutlined aria-hidden />
      </Button>
    </Flex>
  );
}
