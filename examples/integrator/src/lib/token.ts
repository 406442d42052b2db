// Where every step finds its access token: ZHICHENG_TOKEN, else the file the last token step
// wrote. A step that obtains a token (sign-in.ts for an account a person signs in; a
// client-credentials step for a system account) saves it with saveToken; nothing else changes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TOKEN_FILE = process.env.ZHICHENG_TOKEN_FILE ?? '.zhicheng-token';

interface SavedToken {
  accessToken: string;
  expiresAt: string;
}

/** Keeps the token for the next steps (readable by this user only: it is a bearer credential). */
export function saveToken(token: SavedToken): void {
  writeFileSync(TOKEN_FILE, JSON.stringify(token), { mode: 0o600 });
}

/** The current access token; fails with what to do when there is none or it has expired. */
export function accessToken(): string {
  if (process.env.ZHICHENG_TOKEN) return process.env.ZHICHENG_TOKEN;
  if (!existsSync(TOKEN_FILE))
    throw new Error(`no access token: run \`npm run sign-in\` first (it writes ${TOKEN_FILE})`);
  const saved = JSON.parse(readFileSync(TOKEN_FILE, 'utf8')) as SavedToken;
  if (Date.parse(saved.expiresAt) <= Date.now())
    throw new Error(`the token in ${TOKEN_FILE} expired at ${saved.expiresAt}: get a new one`);
  return saved.accessToken;
}
