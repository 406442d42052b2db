/** The PostgreSQL schema that holds review's tables; no other subgraph reads it. */
export const DB_SCHEMA = 'review';

/** The name review's events carry as their source, and its consumer's durable name. */
export const SERVICE_NAME = 'review';
