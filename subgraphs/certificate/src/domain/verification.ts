// Checking a compact JWS credential: every way it can be wrong has its own stable code and a
// Chinese sentence a person can act on. Pure apart from the key lookup, so the same rules serve
// the GraphQL API and the tests.
import { compactVerify, decodeProtectedHeader, errors as joseErrors, type KeyLike } from 'jose';

export const VerificationOutcome = {
  VALID: 'VALID',
  REGISTERED_PAPER: 'REGISTERED_PAPER',
  REVOKED: 'REVOKED',
  NOT_FOUND: 'NOT_FOUND',
  MALFORMED: 'MALFORMED',
  UNSUPPORTED_ALGORITHM: 'UNSUPPORTED_ALGORITHM',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  NOT_ISSUED_HERE: 'NOT_ISSUED_HERE',
} as const;
export type VerificationOutcome = (typeof VerificationOutcome)[keyof typeof VerificationOutcome];

export const OUTCOME_MESSAGES: Record<VerificationOutcome, string> = {
  VALID: '证书有效：签名正确，与发证机关登记的记录一致，且未被作废',
  REGISTERED_PAPER:
    '已登记的纸质证书：经发证机关审核登记，证书信息与登记记录一致；该证书尚无电子证书，请以纸质原件核对',
  REVOKED: '证书已作废',
  NOT_FOUND: '未找到与该证书编号和持证人姓名相符的证书，请核对证书编号和姓名（与证书上一致）后重试',
  MALFORMED: '证书凭证格式不正确或不完整，请重新下载或完整复制证书凭证后再验证',
  UNSUPPORTED_ALGORITHM: '证书凭证使用了本平台不使用的签名算法，不是本平台签发的证书',
  UNKNOWN_KEY: '证书凭证的签名密钥不属于本平台，无法确认由本平台签发，请向发证机关核实',
  BAD_SIGNATURE: '证书凭证签名校验失败：内容已被改动或签名无效，请向持证人索取原始证书',
  NOT_ISSUED_HERE: '证书凭证签名有效，但与发证机关登记的证书不一致，请联系发证机关核实',
};

/** Longer than any credential this platform issues; anything longer is not one of ours. */
export const MAX_CREDENTIAL_LENGTH = 16_384;

export type SignatureCheck =
  | { outcome: 'SIGNED'; keyId: string; payload: unknown }
  | {
      outcome: Exclude<
        VerificationOutcome,
        'VALID' | 'REGISTERED_PAPER' | 'REVOKED' | 'NOT_FOUND' | 'NOT_ISSUED_HERE'
      >;
    };

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Checks the form, the algorithm, the key and the signature. `keyFor` answers the public key of
 * one of the issuer's verification method ids (current or older), or null for a stranger's.
 */
export async function checkSignature(
  jws: string,
  issuerDid: string,
  keyFor: (verificationMethodId: string) => Promise<KeyLike | Uint8Array | null>,
): Promise<SignatureCheck> {
  const text = jws.trim();
  if (text.length > MAX_CREDENTIAL_LENGTH || !COMPACT_JWS.test(text)) return { outcome: 'MALFORMED' };
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(text);
  } catch {
    return { outcome: 'MALFORMED' };
  }
  if (header.alg !== 'EdDSA') return { outcome: 'UNSUPPORTED_ALGORITHM' };
  if (typeof header.kid !== 'string' || !header.kid.startsWith(`${issuerDid}#`))
    return { outcome: 'UNKNOWN_KEY' };
  const key = await keyFor(header.kid);
  if (!key) return { outcome: 'UNKNOWN_KEY' };
  let bytes: Uint8Array;
  try {
    ({ payload: bytes } = await compactVerify(text, key, { algorithms: ['EdDSA'] }));
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { outcome: 'BAD_SIGNATURE' };
    return { outcome: 'MALFORMED' };
  }
  try {
    return { outcome: 'SIGNED', keyId: header.kid, payload: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { outcome: 'MALFORMED' };
  }
}

/** The certificate id a credential names (`urn:uuid:<id>`), or null. */
export function certificateIdOf(payload: unknown): string | null {
  const id = (payload as { id?: unknown } | null)?.id;
  const match = typeof id === 'string' ? /^urn:uuid:([0-9a-f-]{36})$/i.exec(id) : null;
  return match ? match[1].toLowerCase() : null;
}
