import net from 'node:net';

/** `npm start`'s server; CI machines already run a PostgreSQL service on 5432. */
export const DEV_PORT = 5544;
/** The test harness's server, kept apart from the development one. */
export const TEST_PORT = 5545;

/** ZC_PG_PORT when set (and valid), else the given default. */
export function portFromEnv(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ZC_PG_PORT;
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`ZC_PG_PORT must be a port number, got "${raw}"`);
  }
  return port;
}

/** True when nothing listens on 127.0.0.1:port right now (a hint only: another process may take it next). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free at this moment. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
