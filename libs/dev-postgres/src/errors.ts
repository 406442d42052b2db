export type EmbeddedPostgresErrorCode =
  | 'PORT_IN_USE'
  | 'OS_USER'
  | 'BINARIES_MISSING'
  | 'DATA_DIR_UNREACHABLE'
  | 'DATA_DIR_INVALID'
  | 'INIT_FAILED'
  | 'START_FAILED'
  | 'ORPHAN_STOP_FAILED';

/** A failure to bring up the embedded server, with the server's last log lines when there are any. */
export class EmbeddedPostgresError extends Error {
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
    readonly logTail: readonly string[] = [],
  ) {
    super(logTail.length > 0 ? `${message}\n--- last PostgreSQL output ---\n${logTail.join('\n')}` : message);
    this.name = 'EmbeddedPostgresError';
  }
}
