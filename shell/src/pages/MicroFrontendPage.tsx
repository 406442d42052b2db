import { useSyncExternalStore } from 'react';
import { Flex, Result, Spin } from 'antd';
import { useTranslation } from '@zhicheng/web-kit';
import { hostedAppState, subscribeHostedApps, type MicroFrontend } from '../microFrontends';
import { attachOutlet } from '../outlet';

/** Hosts the micro-frontend that owns the URL (single-spa mounts it into the outlet). */
export function MicroFrontendPage({ app }: { app: MicroFrontend }) {
  const { t } = useTranslation('shell');
  const state = useSyncExternalStore(subscribeHostedApps, () => hostedAppState(app.name));
  return (
    <>
      {state === 'loading' && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin aria-label={t('app.loading')} />
        </Flex>
      )}
      {state === 'failed' && (
        <Result status="warning" title={t('app.loadFailed')} subTitle={t('app.loadFailedHint')} />
      )}
      <div ref={attachOutlet} />
    </>
  );
}
