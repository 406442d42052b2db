/** The PostgreSQL schema that holds identity's tables; no other subgraph reads it. */
export const DB_SCHEMA = 'identity';
