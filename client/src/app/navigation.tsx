/** Which screens each role sees: one declarative table. The server enforces; this only guides. */
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  FieldTimeOutlined,
  SendOutlined,
  AppstoreOutlined,
  BankOutlined,
  BookOutlined,
  BranchesOutlined,
  ScheduleOutlined,
  FileAddOutlined,
  KeyOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FlagOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '@cert-hub/shared';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  roles: Role[];
}

const STAFF: Role[] = ['admin', 'coordinator', 'responder', 'leader'];

export const NAVIGATION: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <DashboardOutlined />, roles: ['admin', 'coordinator', 'responder', 'leader', 'focal_point'] },
  { path: '/dashboard', labelKey: 'dashboard.nav', icon: <BarChartOutlined />, roles: ['leader', 'coordinator', 'admin'] },
  { path: '/reports', labelKey: 'reports.nav', icon: <FileDoneOutlined />, roles: ['leader', 'coordinator', 'admin', 'focal_point'] },
  { path: '/compliance', labelKey: 'compliance.nav', icon: <AuditOutlined />, roles: ['leader', 'coordinator', 'admin'] },
  {
    path: '/assessments',
    labelKey: 'reports.assessmentsNav',
    icon: <SafetyCertificateOutlined />,
    roles: ['leader', 'coordinator', 'admin', 'responder'],
  },
  { path: '/board', labelKey: 'nav.board', icon: <AppstoreOutlined />, roles: ['admin', 'coordinator', 'responder', 'leader'] },
  {
    path: '/incidents/new',
    labelKey: 'nav.report',
    icon: <FileAddOutlined />,
    roles: ['focal_point', 'responder', 'coordinator', 'admin'],
  },
  {
    path: '/incidents',
    labelKey: 'nav.incidents',
    icon: <AlertOutlined />,
    roles: ['admin', 'coordinator', 'responder', 'leader', 'focal_point'],
  },
  { path: '/drills', labelKey: 'drills.nav', icon: <FlagOutlined />, roles: ['admin', 'coordinator', 'responder', 'leader'] },
  { path: '/my-agency', labelKey: 'nav.myAgency', icon: <BankOutlined />, roles: ['focal_point'] },
  { path: '/agencies', labelKey: 'nav.agencies', icon: <BankOutlined />, roles: STAFF },
  {
    path: '/systems',
    labelKey: 'nav.systems',
    icon: <DatabaseOutlined />,
    roles: ['admin', 'coordinator', 'responder', 'leader', 'focal_point'],
  },
  { path: '/teams', labelKey: 'nav.teams', icon: <ClusterOutlined />, roles: STAFF },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ['admin', 'coordinator'] },
  { path: '/playbooks', labelKey: 'nav.playbooks', icon: <BookOutlined />, roles: ['admin', 'coordinator', 'responder', 'leader'] },
  { path: '/routing', labelKey: 'routing.nav', icon: <BranchesOutlined />, roles: ['admin', 'coordinator', 'responder', 'leader'] },
  { path: '/oncall', labelKey: 'routing.navOnCall', icon: <ScheduleOutlined />, roles: ['admin', 'coordinator', 'responder', 'leader'] },
  { path: '/api-keys', labelKey: 'nav.apiKeys', icon: <KeyOutlined />, roles: ['admin'] },
  { path: '/sectors', labelKey: 'nav.sectors', icon: <TagsOutlined />, roles: STAFF },
  { path: '/sla', labelKey: 'notify.nav.sla', icon: <FieldTimeOutlined />, roles: STAFF },
  { path: '/audit', labelKey: 'notify.nav.audit', icon: <AuditOutlined />, roles: ['admin', 'leader'] },
  { path: '/deliveries', labelKey: 'notify.nav.deliveries', icon: <SendOutlined />, roles: ['admin'] },
  {
    path: '/profile',
    labelKey: 'nav.profile',
    icon: <UserOutlined />,
    roles: ['admin', 'coordinator', 'responder', 'leader', 'focal_point'],
  },
];

export const navigationFor = (role: Role) => NAVIGATION.filter((item) => item.roles.includes(role));
export const canVisit = (role: Role, path: string) => navigationFor(role).some((item) => item.path === path);
