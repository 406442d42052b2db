import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AccountKind, ErrorCode, type AuthResult, type Logger } from '@zhicheng/server-kit';

/** What every front-end build writes next to its bundle (graphql-codegen's persisted documents). */
export const PERSISTED_DOCUMENTS_FILE = 'persisted-documents.json';

const PERSISTED_QUERY_NOT_FOUND_MESSAGE = '服务器不认识该持久化文档（哈希），请连同完整的查询语句重新发送';

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The build folders of the shell, the web kit and every micro-frontend (as the import map). */
function manifestPaths(root: string): string[] {
  const apps = join(root, 'frontends');
  return [
    join(root, 'shell', 'dist'),
    join(root, 'libs', 'web-kit', 'dist'),
    ...(existsSync(apps) ? readdirSync(apps).sort() : []).map((app) => join(apps, app, 'dist')),
  ].map((dir) => join(dir, PERSISTED_DOCUMENTS_FILE));
}

/**
 * The first-party front ends' documents by their sha256 (the trusted documents). They are read
 * from the builds under STATIC_ROOT at start and again when an unknown hash arrives (at most once
 * a second and only when a manifest changed), so a redeployed micro-frontend's new documents are
 * known without restarting the gateway. Every entry is checked: its key must be the sha256 of its
 * text, or the manifest is skipped (a wrong hash would let one document stand for another).
 */
export class TrustedDocuments {
  private documents = new Map<string, string>();
  private stamps = '';
  private lastLoad = 0;

  constructor(
    private readonly root: string,
    private readonly logger: Logger,
    /** Whether anyone may send documents that are not persisted (ALLOW_ARBITRARY_DOCUMENTS). */
    readonly allowArbitrary: boolean,
  ) {
    this.load();
  }

  get size(): number {
    return this.documents.size;
  }

  /** The text of a persisted document, or undefined. */
  text(hash: string): string | undefined {
    const known = this.documents.get(hash);
    if (known !== undefined || !/^[0-9a-f]{64}$/.test(hash)) return known;
    this.reloadIfChanged();
    return this.documents.get(hash);
  }

  /**
   * Null when a document with this sha256 may run for this caller, else the refusal: unknown
   * documents run where ALLOW_ARBITRARY_DOCUMENTS allows them, and always for a third-party
   * system signed in with client credentials (a CLIENT token: accountable, scoped, rate-limited).
   * The first-party pages and anonymous or personal callers get only the persisted documents.
   */
  refusal(hash: string, auth: AuthResult, httpStatus = true): GraphQLError | null {
    if (this.allowArbitrary || this.text(hash) !== undefined) return null;
    if (auth.principal?.kind === AccountKind.CLIENT) return null;
    return new GraphQLError(
      '此服务只接受平台页面的持久化查询：请发送其 documentId（或 extensions.persistedQuery），第三方系统请使用客户端凭证令牌',
      {
        extensions: {
          code: ErrorCode.PERSISTED_DOCUMENT_REQUIRED,
          ...(httpStatus ? { http: { status: 400 } } : {}),
        },
      },
    );
  }

  /**
   * The text a graphql-ws subscribe payload stands for: the persisted document named by
   * `extensions.persistedQuery.sha256Hash` (or `documentId`) when the gateway knows it — whatever
   * text came along, which is then only the client's fallback — else the payload's `query` where
   * unknown documents may run for this caller; otherwise the error to answer.
   */
  resolveLive(
    payload: { query?: unknown; documentId?: unknown; extensions?: Record<string, unknown> | null },
    auth: AuthResult,
  ): string | GraphQLError {
    const named = payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
    const hash = persistedQueryOf(named?.sha256Hash ?? payload.documentId)?.sha256Hash;
    const known = hash ? this.text(hash) : undefined;
    if (known !== undefined) return known;
    const query = typeof payload.query === 'string' ? payload.query : '';
    if (query) return this.refusal(sha256Hex(query), auth, false) ?? query;
    return new GraphQLError(
      hash ? PERSISTED_QUERY_NOT_FOUND_MESSAGE : '订阅须给出查询语句或持久化文档的哈希',
      { extensions: { code: hash ? ErrorCode.PERSISTED_QUERY_NOT_FOUND : ErrorCode.BAD_REQUEST } },
    );
  }

  /** Apollo's persisted-query cache, read-only: only the manifests define documents. */
  cache(): KeyValueCache<string> {
    return {
      get: async (key) => this.text(key.replace(/^apq:/, '')),
      set: async () => undefined,
      delete: async () => undefined,
    };
  }

  private reloadIfChanged(): void {
    const now = Date.now();
    if (now - this.lastLoad < 1000) return;
    this.lastLoad = now;
    if (this.stampOf() !== this.stamps) this.load();
  }

  private stampOf(): string {
    return manifestPaths(this.root)
      .map((path) => (existsSync(path) ? `${path}:${statSync(path).mtimeMs}` : ''))
      .join('|');
  }

  private load(): void {
    this.stamps = this.stampOf();
    this.lastLoad = Date.now();
    const documents = new Map<string, string>();
    for (const path of manifestPaths(this.root)) {
      if (!existsSync(path)) continue;
      try {
        const entries = Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
        const bad = entries.find(([hash, text]) => typeof text !== 'string' || sha256Hex(text) !== hash);
        if (bad) {
          this.logger.error({ path, hash: bad[0] }, 'persisted documents skipped: a hash is not its text');
          continue;
        }
        for (const [hash, text] of entries) documents.set(hash, text as string);
      } catch (error) {
        this.logger.error({ err: error, path }, 'persisted documents could not be read');
      }
    }
    this.documents = documents;
    this.logger.info({ documents: documents.size }, 'persisted documents loaded');
  }
}

/**
 * Refuses, before anything runs, a document that is not persisted where only persisted ones may
 * run (TrustedDocuments.refusal). Apollo has already turned a `persistedQuery` hash into its text
 * (or answered PERSISTED_QUERY_NOT_FOUND); `queryHash` is the sha256 of the text. (In
 * didResolveOperation: an error thrown by an earlier hook would escape Apollo's error handling.)
 */
export function trustedDocumentsPlugin<C extends { auth: AuthResult }>(
  documents: TrustedDocuments,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          const refused = documents.refusal(queryHash, contextValue.auth);
          if (refused) throw refused;
        },
      };
    },
  };
}

/** `documentId` of GraphQL over HTTP ("sha256:<hex>" or the bare hex) as Apollo's persistedQuery. */
export function persistedQueryOf(documentId: unknown): { version: 1; sha256Hash: string } | null {
  if (typeof documentId !== 'string') return null;
  const hash = /^(?:sha256:)?([0-9a-f]{64})$/.exec(documentId)?.[1];
  return hash ? { version: 1, sha256Hash: hash } : null;
}
