/** The PostgreSQL schema that holds binding's tables; no other subgraph reads it. */
export const DB_SCHEMA = 'binding';
