import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, useLanguage } from '../i18n';

/** One button that switches to the other language; its label is in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = LANGUAGES.find((l) => l.code !== language) ?? LANGUAGES[0];
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => void setLanguage(other.code)}
      title={t('language.switchTo')}
      lang={other.code}
    >
      {other.label}
    </Button>
  );
}
