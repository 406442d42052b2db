import type { Express } from 'express';
import type { MikroORM } from '@zhicheng/server-kit';
import type { CertificateDeps } from '../context';
import { DB_SCHEMA } from '../db-schema';
import { buildStatusListCredential, JWS_TYPE } from '../domain/credential';
import { encodeStatusList, STATUS_LIST_SIZE } from '../domain/status-list';

/**
 * The issuer's public documents, which the gateway forwards from its own origin (fixed paths):
 * `/.well-known/did.json` (every key, current and retired) and the revocation status list
 * credential(s) at `/credentials/status/<n>` (a signed compact JWS, media type application/vc+jwt).
 */
export function mountIssuerDocuments(app: Express, orm: MikroORM, deps: CertificateDeps): void {
  app.get('/.well-known/did.json', async (_req, res, next) => {
    try {
      const document = await deps.keys.didDocument(orm.em.fork());
      res.setHeader('cache-control', 'public, max-age=300');
      res.type('application/did+json').send(JSON.stringify(document));
    } catch (error) {
      next(error);
    }
  });

  app.get(/^\/credentials\/status\/([1-9]\d{0,5})$/, async (req, res, next) => {
    try {
      const list = Number((req.params as Record<string, string>)[0]);
      const em = orm.em.fork();
      const [sequence] = await em.execute<Array<{ last_value: string; is_called: boolean }>>(
        `select last_value, is_called from ${DB_SCHEMA}.status_list_index`,
      );
      const used = sequence?.is_called ? Number(sequence.last_value) + 1 : 0;
      const lists = Math.max(1, Math.ceil(used / STATUS_LIST_SIZE));
      if (list > lists) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '没有这个状态列表' } });
        return;
      }
      const first = (list - 1) * STATUS_LIST_SIZE;
      const rows = await em.execute<Array<{ status_list_index: number }>>(
        `select status_list_index from ${DB_SCHEMA}.certificate
          where revoked_at is not null and status_list_index >= ? and status_list_index < ?`,
        [first, first + STATUS_LIST_SIZE],
      );
      const encoded = encodeStatusList(rows.map((r) => Number(r.status_list_index) - first));
      const credential = buildStatusListCredential(
        { did: deps.keys.did, publicUrl: deps.env.PUBLIC_URL, name: deps.env.ISSUER_NAME },
        list,
        encoded,
        deps.now(),
      );
      const { jws } = await deps.keys.sign(em, credential, JWS_TYPE);
      // Revocation must show soon: verifiers may cache the list only briefly.
      res.setHeader('cache-control', 'public, max-age=60');
      res.type('application/vc+jwt').send(jws);
    } catch (error) {
      next(error);
    }
  });
}
