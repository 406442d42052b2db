// Where every step finds its access token: ZHICHENG_TOKEN, else the file the last token step
// wrote. A step that obtains a token (sign-in.ts for an account a person signs in;
// client-credentials.ts for a system's client) saves it with saveToken; nothing else changes.
// The person who manages the client (the unit's legal person) keeps a token of their own for
// what a client may not do, such as registering webhook receivers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TOKEN_FILE = process.env.ZHICHENG_TOKEN_FILE ?? '.zhicheng-token';
export const OWNER_TOKEN_FILE = process.env.ZHICHENG_OWNER_TOKEN_FILE ?? '.zhicheng-owner-token';

interface SavedToken {
  accessToken: string;
  expiresAt: string;
}

/** Keeps the token for the next steps (readable by this user only: it is a bearer credential). */
export function saveToken(token: SavedToken, file = TOKEN_FILE): void {
  writeFileSync(file, JSON.stringify(token), { mode: 0o600 });
}

/** The current access token; fails with what to do when there is none or it has expired. */
export function accessToken(): string {
  return process.env.ZHICHENG_TOKEN || savedToken(TOKEN_FILE).accessToken;
}

/** The managing person's token: ZHICHENG_OWNER_TOKEN, else what client-credentials.ts kept. */
export function ownerToken(): string {
  return process.env.ZHICHENG_OWNER_TOKEN || savedToken(OWNER_TOKEN_FILE).accessToken;
}

/** A saved token that has not expired; fails with what to do otherwise. */
export function savedToken(file: string): SavedToken {
  if (!existsSync(file))
    throw new Error(`no access token: run \`npm run sign-in\` first (it writes ${TOKEN_FILE})`);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedToken;
  if (Date.parse(saved.expiresAt) <= Date.now())
    throw new Error(`the token in ${file} expired at ${saved.expiresAt}: get a new one`);
  return saved;
}
