import { useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { Provider } from 'urql';
import { useGraphQLClient } from '../graphql/client';
import { useLanguage } from '../i18n';
import { watchScrollableRegions } from './scrollRegions';
import { zhichengTheme } from './theme';

/**
 * What every React root of the page (the shell and each micro-frontend) wraps itself in: antd in
 * the current language (zh_CN by default, dayjs to match) with the platform's theme (colours that
 * pass WCAG AA contrast, ./theme.ts), antd's App context for message/modal, and the shared urql
 * client.
 */
export function ZhichengProvider({ children }: { children: ReactNode }) {
  useEffect(watchScrollableRegions, []);
  const language = useLanguage();
  const client = useGraphQLClient();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={zhichengTheme}>
      <AntApp component={false}>
        <Provider value={client}>{children}</Provider>
      </AntApp>
    </ConfigProvider>
  );
}
