import type { ReactNode } from 'react';
import { Alert, Button, Result, Skeleton } from 'antd';
import {
  errorMessage,
  hasErrorCode,
  translateOrUndefined,
  useTranslation,
  type CombinedError,
} from '@zhicheng/web-kit';

export interface LoadStateProps {
  fetching: boolean;
  error: CombinedError | undefined;
  /** True when the data arrived but the record does not exist (or is someone else's). */
  missing: boolean;
  missingText: string;
  retry: () => void;
  back: ReactNode;
}

/** Loading skeleton, a load error with 重试, or 不存在 — whichever applies; null when data is there. */
export function LoadState({ fetching, error, missing, missingText, retry, back }: LoadStateProps) {
  const { t } = useTranslation('applicant');
  if (error && !hasErrorCode(error, 'NOT_FOUND')) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        description={errorMessage(error, translateOrUndefined)}
        action={
          <Button size="small" onClick={retry}>
            {t('retry')}
          </Button>
        }
      />
    );
  }
  if (fetching) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (missing || error) return <Result status="404" title={missingText} extra={back} />;
  return null;
}
