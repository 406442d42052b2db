import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { createLogger } from '@zhicheng/server-kit';
import { loadGatewayEnv, startGateway, type RunningGateway } from '../src';

export interface Upstream {
  url: string;
  close(): Promise<void>;
}

/** A small express server on a free port standing in for the declaration service's file routes. */
export async function startUpstream(configure: (app: Express) => void): Promise<Upstream> {
  const app = express();
  configure(app);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A front-end build tree as the gateway serves it: the shell, the vendor modules, one app. */
export function staticRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'zc-gateway-'));
  mkdirSync(join(root, 'shell', 'dist', 'vendor'), { recursive: true });
  mkdirSync(join(root, 'libs', 'web-kit', 'dist'), { recursive: true });
  mkdirSync(join(root, 'frontends', 'unit-audit', 'dist'), { recursive: true });
  writeFileSync(
    join(root, 'shell', 'dist', 'index.html'),
    '<!doctype html><script type="importmap">/*IMPORT_MAP*/</script><title>职称</title>',
  );
  writeFileSync(join(root, 'shell', 'dist', 'shell.js'), 'export {};');
  writeFileSync(join(root, 'frontends', 'unit-audit', 'dist', 'app.js'), 'export {};');
  return root;
}

/**
 * The real gateway (startGateway) on a free port. No subgraph is needed for what these tests
 * exercise: the supergraph is static and the JWKS is fetched only when a token is checked.
 */
export function startTestGateway(env: Record<string, string>): Promise<RunningGateway> {
  return startGateway(
    loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      IDENTITY_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
      SUBGRAPH_URLS: JSON.stringify({}),
      ...env,
    }),
    { logger: createLogger('gateway-test', 'silent') },
  );
}
