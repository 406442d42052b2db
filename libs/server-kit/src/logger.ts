import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON logger per process; pretty printing is left to the operator's pipe (pino-pretty). */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password'],
      remove: true,
    },
  });
}
