import { useId, type ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from '../router';
import { useDocumentTitle } from './useDocumentTitle';

export interface Crumb {
  title: ReactNode;
  to?: string;
}

export interface PageContainerProps {
  title: string;
  breadcrumb?: Crumb[];
  /** Page-level actions, right of the title. */
  extra?: ReactNode;
  children: ReactNode;
}

/** A page: breadcrumb, the page's one <h1> (also the tab title), its actions, then the content. */
export function PageContainer({ title, breadcrumb, extra, children }: PageContainerProps) {
  const headingId = useId();
  useDocumentTitle(title);
  return (
    <section aria-labelledby={headingId}>
      {breadcrumb && breadcrumb.length > 0 && (
        <Breadcrumb
          className="zc-page-breadcrumb"
          items={breadcrumb.map((c, index) => ({
            title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title,
            // The current page's crumb repeats the <h1>: a phone leaves it out (shell styles.css).
            className: !c.to && index === breadcrumb.length - 1 ? 'zc-crumb-current' : undefined,
          }))}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: '12px 0 16px' }}>
        <Typography.Title level={1} id={headingId} style={{ fontSize: 20, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </section>
  );
}
