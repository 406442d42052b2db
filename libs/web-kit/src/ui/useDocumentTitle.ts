import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title to "<page> - <platform>", so screen readers and history entries say where you are. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const platform = t('app.title');
  useEffect(() => {
    document.title = title ? `${title} - ${platform}` : platform;
  }, [title, platform]);
}
