import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { EntityManager } from './orm';
import type { AuthResult } from './auth';
import type { LoaderRegistry } from './loaders';

/**
 * What every resolver receives. `em` is a fork made for this request alone, so one request's
 * identity map and unit of work never leak into another's.
 */
export interface RequestContext {
  requestId: string;
  logger: Logger;
  em: EntityManager;
  auth: AuthResult;
  loaders: LoaderRegistry;
  /** Client address as seen through trusted proxies (the gateway). */
  clientIp: string;
  req: Request;
  res: Response;
}
