import { Button, Result, Typography } from 'antd';
import { navigate, useDocumentTitle } from '@zhicheng/web-kit';

/** The <h1> of a public page (also the tab title). */
export function PublicPageTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return (
    <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginTop: 0 }}>
      {title}
    </Typography.Title>
  );
}

/** The end of a flow: what happened and where to go next. */
export function DoneResult({
  title,
  hint,
  to,
  action,
}: {
  title: string;
  hint: string;
  to: string;
  action: string;
}) {
  useDocumentTitle(title);
  return (
    <Result
      status="success"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{title}</h1>}
      subTitle={hint}
      extra={
        <Button type="primary" onClick={() => navigate(to)} autoFocus>
          {action}
        </Button>
      }
    />
  );
}
