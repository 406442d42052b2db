/** The PostgreSQL schema that holds declaration's tables; no other subgraph reads it. */
export const DB_SCHEMA = 'declaration';

/** The name this subgraph records events under and consumes them as. */
export const SERVICE_NAME = 'declaration';
