import type { Request, Response } from 'express';
import type { AuthResult, Logger } from '@zhicheng/server-kit';

export interface GatewayContext {
  req: Request;
  res: Response;
  requestId: string;
  clientIp: string;
  logger: Logger;
  /** The gateway's own check of the token: for logs and, later, subscriptions. Subgraphs decide. */
  auth: AuthResult;
}
