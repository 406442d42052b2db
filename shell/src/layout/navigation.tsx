import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  LinkOutlined,
  MessageOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { hasRole, isDeployed, type Role, type Viewer } from '@zhicheng/web-kit';

export interface NavItem {
  path: string;
  /** Key in the "shell" namespace. */
  labelKey: string;
  icon: ReactNode;
  /** Shown to accounts with any of these roles; everyone when omitted. */
  roles?: Role[];
  /** The micro-frontend serving the path: the entry shows only when it is deployed. */
  app?: string;
}

const NAV_ITEMS: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
  {
    path: '/unit/review',
    labelKey: 'nav.review',
    icon: <AuditOutlined />,
    roles: ['UNIT_AGENT', 'LEGAL_PERSON'],
    app: '@zhicheng/unit-audit',
  },
  {
    path: '/unit/opinions',
    labelKey: 'nav.opinions',
    icon: <MessageOutlined />,
    roles: ['UNIT_AGENT', 'LEGAL_PERSON'],
    app: '@zhicheng/unit-audit',
  },
  {
    path: '/unit/bindings',
    labelKey: 'nav.bindings',
    icon: <LinkOutlined />,
    roles: ['UNIT_AGENT', 'LEGAL_PERSON'],
    app: '@zhicheng/unit-audit',
  },
  {
    path: '/unit/agents',
    labelKey: 'nav.agents',
    icon: <TeamOutlined />,
    roles: ['LEGAL_PERSON'],
    app: '@zhicheng/unit-audit',
  },
  {
    // 所属行政区划, 工作单位性质, 行政主管部门: they route the unit's declarations.
    path: '/unit/profile',
    labelKey: 'nav.unitProfile',
    icon: <ApartmentOutlined />,
    roles: ['LEGAL_PERSON'],
    app: '@zhicheng/unit-audit',
  },
  {
    // 接口客户端: the unit's systems' OAuth clients and webhooks (legal person only).
    path: '/unit/clients',
    labelKey: 'nav.apiClients',
    icon: <ApiOutlined />,
    roles: ['LEGAL_PERSON'],
    app: '@zhicheng/unit-audit',
  },
  {
    path: '/applicant',
    labelKey: 'nav.applicant',
    icon: <FormOutlined />,
    roles: ['APPLICANT'],
    app: '@zhicheng/applicant-wizard',
  },
  {
    // 谁查看了我的信息 (as 12333 offers it): a page of the applicant app, one click from anywhere.
    path: '/applicant/access-log',
    labelKey: 'nav.accessLog',
    icon: <EyeOutlined />,
    roles: ['APPLICANT'],
    app: '@zhicheng/applicant-wizard',
  },
  {
    path: '/certificates',
    labelKey: 'nav.certificates',
    icon: <SafetyCertificateOutlined />,
    roles: ['APPLICANT'],
    app: '@zhicheng/certificate-center',
  },
  {
    // 证书查询验证 is public; signed-in staff and holders reach it from the menu too.
    path: '/verify',
    labelKey: 'nav.verify',
    icon: <FileSearchOutlined />,
    app: '@zhicheng/certificate-center',
  },
  {
    path: '/bureau/review',
    labelKey: 'nav.review',
    icon: <AuditOutlined />,
    roles: ['DEPARTMENT_REVIEWER', 'BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    path: '/bureau/committee',
    labelKey: 'nav.committee',
    icon: <AuditOutlined />,
    roles: ['COMMITTEE_SECRETARY'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    // 通知管理 and 申报通道: notices and their forms, channels as data (issue 11).
    path: '/bureau/notices',
    labelKey: 'nav.notices',
    icon: <NotificationOutlined />,
    roles: ['BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    path: '/bureau/channels',
    labelKey: 'nav.channels',
    icon: <ApartmentOutlined />,
    roles: ['BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    // 证书补办/换发 and 历史职称数据登记 are audited by the bureau of the applicant's region.
    path: '/bureau/reissue',
    labelKey: 'nav.reissueAudit',
    icon: <SafetyCertificateOutlined />,
    roles: ['BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    path: '/bureau/historical',
    labelKey: 'nav.historicalAudit',
    icon: <HistoryOutlined />,
    roles: ['BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    // 统计分析: a bureau sees the figures of its own area.
    path: '/bureau/statistics',
    labelKey: 'nav.statistics',
    icon: <BarChartOutlined />,
    roles: ['BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    path: '/bureau/clients',
    labelKey: 'nav.apiClients',
    icon: <ApiOutlined />,
    roles: ['BUREAU_REVIEWER'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    path: '/bureau/opinions',
    labelKey: 'nav.opinions',
    icon: <MessageOutlined />,
    roles: ['DEPARTMENT_REVIEWER', 'BUREAU_REVIEWER', 'COMMITTEE_SECRETARY'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    // 机构与人员: a bureau's administrators, over their own organisation's subtree.
    path: '/bureau/organisations',
    labelKey: 'nav.organisations',
    icon: <ApartmentOutlined />,
    roles: ['ORGANISATION_ADMIN'],
    app: '@zhicheng/bureau-dashboard',
  },
  {
    path: '/bureau/staff',
    labelKey: 'nav.staff',
    icon: <UserOutlined />,
    roles: ['ORGANISATION_ADMIN'],
    app: '@zhicheng/bureau-dashboard',
  },
];

/** The menu for this account: its roles, and only apps that are deployed. */
export function navItemsFor(viewer: Viewer | null): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => (!item.roles || hasRole(viewer, ...item.roles)) && (!item.app || isDeployed(item.app)),
  );
}

/** The entry to highlight: the longest path that is the current path or a parent of it. */
export function selectedNavPath(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => item.path === pathname || (item.path !== '/' && pathname.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
