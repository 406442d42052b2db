import { Alert, Space, Tabs, Typography } from 'antd';
import {
  Link,
  navigate,
  useAuth,
  useDocumentTitle,
  useLocation,
  useTranslation,
  type AccountKind,
} from '@zhicheng/web-kit';
import { SignInForm } from './SignInForm';

const KINDS: AccountKind[] = ['PERSON', 'AGENT', 'LEGAL_PERSON', 'STAFF'];

function parseKind(value: string | null): AccountKind {
  return KINDS.find((kind) => kind === value) ?? 'PERSON';
}

/** Links under each tab, as in the seeds' unified sign-in page. */
function SignInLinks({ kind }: { kind: AccountKind }) {
  const { t } = useTranslation('shell');
  if (kind === 'PERSON') {
    return (
      <div className="zc-form-links">
        <Link to="/register">{t('signIn.register')}</Link>
        <Link to="/recover?kind=PERSON">{t('signIn.forgot')}</Link>
      </div>
    );
  }
  if (kind === 'LEGAL_PERSON') {
    return (
      <div className="zc-form-links">
        <Link to="/register/unit">{t('signIn.register')}</Link>
        <Space size="middle">
          <Link to="/activate">{t('signIn.activate')}</Link>
          <Link to="/recover?kind=LEGAL_PERSON">{t('signIn.forgot')}</Link>
        </Space>
      </div>
    );
  }
  if (kind === 'AGENT') return <Typography.Text type="secondary">{t('signIn.agentHint')}</Typography.Text>;
  return null;
}

/** 个人登录 / 经办人登录 / 法人登录 / 工作人员登录; the tab is in the URL (?kind=) so it can be linked. */
export function SignInPage() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation();
  const { searchParams } = useLocation();
  const { signedOutReason } = useAuth();
  const kind = parseKind(searchParams.get('kind'));
  useDocumentTitle(t('signIn.title'));

  const selectTab = (next: string) => {
    const params = new URLSearchParams(searchParams);
    params.set('kind', next);
    navigate(`/sign-in?${params.toString()}`, { replace: true });
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginTop: 0 }}>
        {t('signIn.title')}
      </Typography.Title>
      {signedOutReason === 'expired' && (
        <Alert type="warning" showIcon title={tc('errors.UNAUTHENTICATED')} style={{ marginBottom: 16 }} />
      )}
      <Tabs
        activeKey={kind}
        onChange={selectTab}
        centered
        destroyOnHidden
        className="zc-sign-in-tabs"
        items={KINDS.map((k) => ({
          key: k,
          label: t(`signIn.tabs.${k}`),
          children: (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <SignInForm kind={k} />
              <SignInLinks kind={k} />
            </Space>
          ),
        }))}
      />
    </>
  );
}
