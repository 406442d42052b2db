// did:web of the platform's public origin (https://w3c-ccg.github.io/did-method-web/): the host,
// with a port percent-encoded (`did:web:localhost%3A4000`), resolves to
// <origin>/.well-known/did.json.

export function didWebOf(publicUrl: string): string {
  const url = new URL(publicUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const segments = path ? path.split('/').filter(Boolean).map(encodeURIComponent) : [];
  return ['did:web', encodeURIComponent(url.host), ...segments].join(':');
}

export function verificationMethodId(did: string, keyId: string): string {
  return `${did}#${keyId}`;
}

export interface PublicKeyEntry {
  keyId: string;
  publicJwk: Record<string, unknown>;
}

/** The DID document: every key that signed or signs, so older certificates keep verifying. */
export function didDocument(did: string, keys: readonly PublicKeyEntry[]) {
  const methods = keys.map((key) => ({
    id: verificationMethodId(did, key.keyId),
    type: 'JsonWebKey',
    controller: did,
    publicKeyJwk: { ...key.publicJwk, kid: verificationMethodId(did, key.keyId), alg: 'EdDSA' },
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
