// 接口客户端: third-party clients and their webhooks, shared by unit-audit and bureau-dashboard.
export { ApiClientsPage } from './ApiClientsPage';
export type { ApiClientsPageProps } from './ApiClientsPage';
