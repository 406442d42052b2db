/** The platform's public origin (ZHICHENG_URL); everything is under it: /graphql, its schema, keys. */
export const ORIGIN = (process.env.ZHICHENG_URL ?? 'http://localhost:4000').replace(/\/+$/, '');
export const GRAPHQL_URL = `${ORIGIN}/graphql`;
export const WEBSOCKET_URL = GRAPHQL_URL.replace(/^http/, 'ws');
