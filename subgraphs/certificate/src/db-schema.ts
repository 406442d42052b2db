/** The PostgreSQL schema that holds certificate's tables; no other subgraph reads it. */
export const DB_SCHEMA = 'certificate';
export const SERVICE_NAME = 'certificate';
