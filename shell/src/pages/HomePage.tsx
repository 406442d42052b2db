import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link, PageContainer, useTranslation, useViewer } from '@zhicheng/web-kit';
import { navItemsFor } from '../layout/navigation';

/** 首页 (its title is its menu entry's): a welcome and the account's tasks. */
export function HomePage() {
  const { t } = useTranslation('shell');
  const viewer = useViewer();
  const tasks = navItemsFor(viewer).filter((item) => item.path !== '/');
  return (
    <PageContainer title={t('nav.home')}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('home.welcome', { name: viewer?.displayName ?? '' })}
        </Typography.Text>
        <Space wrap>
          {viewer?.roles.map((role) => (
            <Tag key={role} color="blue">
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Space>
        <Typography.Paragraph>
          {tasks.length > 0 ? t('home.intro') : t('home.nothingYet')}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {tasks.map((item) => (
            <Col key={item.path} xs={24} sm={12} lg={8}>
              <Link to={item.path}>
                <Card hoverable>
                  <Space>
                    {item.icon}
                    {t(item.labelKey)}
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Space>
    </PageContainer>
  );
}
