import type { Request, Response } from 'express';
import type { AuthResult, Logger } from '@zhicheng/server-kit';

export interface GatewayContext {
  req: Request;
  /** Absent on a WebSocket (live) operation: there is no HTTP response to set cookies on. */
  res?: Response;
  requestId: string;
  clientIp: string;
  logger: Logger;
  /** The gateway's own check of the token: for logs and subscriptions (4401 when bad). Subgraphs decide. */
  auth: AuthResult;
}
