// One verification of a credential: through the API when the network is there (signature,
// registration, revocation), otherwise in the browser against the keys the service worker kept.
import { getClient, isNetworkError } from '@zhicheng/web-kit';
import type { VerificationFieldsFragment } from '../gql/graphql';
import { VerifyCredentialQuery } from './documents';
import { isDidDocument, verifyOffline, type OfflineVerification } from './offline';

export type CredentialCheck =
  | { mode: 'online'; result: VerificationFieldsFragment }
  | { mode: 'offline'; result: OfflineVerification }
  /** No network, and no keys kept on this device (the page was never opened online). */
  | { mode: 'noKeys' };

export const DID_DOCUMENT_PATH = '/.well-known/did.json';

async function offline(jws: string): Promise<CredentialCheck> {
  try {
    const answer = await fetch(DID_DOCUMENT_PATH, { headers: { accept: 'application/json' } });
    const did: unknown = answer.ok ? await answer.json() : null;
    if (!isDidDocument(did)) return { mode: 'noKeys' };
    return { mode: 'offline', result: await verifyOffline(jws, did) };
  } catch {
    return { mode: 'noKeys' };
  }
}

export async function checkCredential(jws: string): Promise<CredentialCheck> {
  if (navigator.onLine) {
    const answer = await getClient()
      .query(VerifyCredentialQuery, { credential: jws }, { requestPolicy: 'network-only' })
      .toPromise();
    if (answer.data) return { mode: 'online', result: answer.data.verifyCredential };
    if (answer.error && !isNetworkError(answer.error)) throw answer.error;
  }
  return offline(jws);
}
