/// <reference types="jest" />
// The offline verifier with real Ed25519 keys (jose), credentials shaped as the certificate
// subgraph signs them, and a did.json as it publishes it: every way a credential can be wrong.
import { base64url, CompactSign, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import {
  credentialFacts,
  credentialFromText,
  isDidDocument,
  verifyOffline,
  type DidDocument,
} from './offline';

const DID = 'did:web:zhicheng.example.gov.cn';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'urn:uuid:6f1c1d2e-8a3b-4c5d-9e0f-112233445566',
  type: ['VerifiableCredential', 'ProfessionalTitleCertificate'],
  name: '职称电子证书',
  issuer: { id: DID, name: '吉林省人力资源和社会保障厅' },
  validFrom: '2026-12-02T09:00:00.000Z',
  credentialSubject: {
    type: 'ProfessionalTitleHolder',
    name: '张伟',
    idNumberMasked: '220***********0118',
    certificateNumber: 'JL202600000001',
    titleName: '高级工程师',
    series: '工程系列',
    specialty: '机械工程',
    level: '副高级',
    committee: '吉林省工程系列高级职称评审委员会',
    approvalDate: '2026-12-02',
    declarationId: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
  },
  credentialStatus: {
    id: 'https://zhicheng.example.gov.cn/credentials/status/1#0',
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: '0',
    statusListCredential: 'https://zhicheng.example.gov.cn/credentials/status/1',
  },
};

interface Key {
  id: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(keyId: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    id: `${DID}#${keyId}`,
    privateKey: privateKey as CryptoKey,
    publicJwk: await exportJWK(publicKey),
  };
}

const didOf = (...keys: Key[]): DidDocument => ({
  id: DID,
  verificationMethod: keys.map((key) => ({
    id: key.id,
    publicKeyJwk: { ...key.publicJwk, kid: key.id, alg: 'EdDSA' },
  })),
});

const sign = (payload: unknown, key: Key, header: Record<string, unknown> = {}) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.id, typ: 'vc+jwt', cty: 'vc', ...header })
    .sign(key.privateKey);

let current: Key;
let retired: Key;
let stranger: Key;
let jws: string;
beforeAll(async () => {
  current = await newKey('key-20261202-current');
  retired = await newKey('key-20250101-retired');
  stranger = await newKey('key-20261202-current');
  jws = await sign(credential, current);
});

/** The JWS with one character of its payload changed. */
function changedPayload(compact: string): string {
  const [h, p, s] = compact.split('.');
  const at = 40;
  return `${h}.${p.slice(0, at)}${p[at] === 'A' ? 'B' : 'A'}${p.slice(at + 1)}.${s}`;
}

describe('verifyOffline', () => {
  it('accepts a credential signed by a key in did.json and reads its fields', async () => {
    const result = await verifyOffline(jws, didOf(retired, current));
    expect(result).toEqual({
      outcome: 'VALID',
      keyId: current.id,
      certificate: {
        kind: 'TITLE',
        replacesNumber: null,
        number: 'JL202600000001',
        holderName: '张伟',
        holderIdNumberMasked: '220***********0118',
        titleName: '高级工程师',
        seriesName: '工程系列',
        specialtyName: '机械工程',
        levelName: '副高级',
        committeeName: '吉林省工程系列高级职称评审委员会',
        approvedOn: '2026-12-02',
        issuedAt: '2026-12-02T09:00:00.000Z',
        issuerName: '吉林省人力资源和社会保障厅',
      },
    });
    // Surrounding white space (a pasted credential) does not matter.
    expect((await verifyOffline(`\n ${jws} \n`, didOf(current))).outcome).toBe('VALID');
  });

  it('keeps verifying a certificate signed with a retired key that did.json still lists', async () => {
    const old = await sign(credential, retired);
    expect(await verifyOffline(old, didOf(retired, current))).toMatchObject({
      outcome: 'VALID',
      keyId: retired.id,
    });
  });

  it('answers BAD_SIGNATURE for a payload changed by one character', async () => {
    expect(await verifyOffline(changedPayload(jws), didOf(current))).toEqual({
      outcome: 'BAD_SIGNATURE',
      keyId: null,
      certificate: null,
    });
  });

  it('answers BAD_SIGNATURE for a credential re-signed by another key under our kid', async () => {
    const forged = await sign(
      { ...credential, credentialSubject: { ...credential.credentialSubject, level: '正高级' } },
      stranger,
    );
    expect(stranger.id).toBe(current.id);
    expect((await verifyOffline(forged, didOf(current))).outcome).toBe('BAD_SIGNATURE');
  });

  it('answers BAD_SIGNATURE for a changed signature', async () => {
    const [h, p, s] = jws.split('.');
    const changed = `${h}.${p}.${s[5] === 'A' ? 'B' : 'A'}${s.slice(1, 5)}${s.slice(5)}`;
    expect((await verifyOffline(`${h}.${p}.${s.slice(0, 20)}`, didOf(current))).outcome).toMatch(
      /BAD_SIGNATURE|MALFORMED/,
    );
    expect((await verifyOffline(changed, didOf(current))).outcome).toBe('BAD_SIGNATURE');
  });

  it('answers UNKNOWN_KEY for a key of another issuer or one did.json does not list', async () => {
    const otherIssuer = await sign(credential, { ...stranger, id: 'did:web:evil.example#key-1' });
    expect((await verifyOffline(otherIssuer, didOf(current))).outcome).toBe('UNKNOWN_KEY');
    const unlisted = await sign(credential, { ...stranger, id: `${DID}#key-unlisted` });
    expect((await verifyOffline(unlisted, didOf(current))).outcome).toBe('UNKNOWN_KEY');
    // No kid at all.
    const noKid = await new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(current.privateKey);
    expect((await verifyOffline(noKid, didOf(current))).outcome).toBe('UNKNOWN_KEY');
    // A did.json entry that is not an Ed25519 public key is never used.
    const withPrivate = didOf(current);
    withPrivate.verificationMethod[0].publicKeyJwk = { ...current.publicJwk, d: 'AAAA' };
    expect((await verifyOffline(jws, withPrivate)).outcome).toBe('UNKNOWN_KEY');
  });

  it('answers UNSUPPORTED_ALGORITHM for HS256 and for alg none', async () => {
    const hs256 = await new SignJWT(credential)
      .setProtectedHeader({ alg: 'HS256', kid: current.id })
      .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!!'));
    expect((await verifyOffline(hs256, didOf(current))).outcome).toBe('UNSUPPORTED_ALGORITHM');
    const none = [
      base64url.encode(JSON.stringify({ alg: 'none', kid: current.id })),
      base64url.encode(JSON.stringify(credential)),
      'x',
    ].join('.');
    expect((await verifyOffline(none, didOf(current))).outcome).toBe('UNSUPPORTED_ALGORITHM');
  });

  it('answers MALFORMED for what is no compact JWS or no certificate', async () => {
    const [h, p] = jws.split('.');
    const malformed = [
      '',
      'not a credential',
      `${h}.${p}`,
      `${h.slice(0, 10)}.${p}.abc`,
      `${h}.${p}.${'A'.repeat(20_000)}`,
      'a.b.c',
    ];
    for (const input of malformed) {
      expect((await verifyOffline(input, didOf(current))).outcome).toBe('MALFORMED');
    }
    // Signed by our key, but the payload is no JSON, or no certificate (a status list credential).
    const notJson = await new CompactSign(new TextEncoder().encode('hello'))
      .setProtectedHeader({ alg: 'EdDSA', kid: current.id })
      .sign(current.privateKey);
    expect((await verifyOffline(notJson, didOf(current))).outcome).toBe('MALFORMED');
    const statusList = await sign(
      { ...credential, credentialSubject: { type: 'BitstringStatusList' } },
      current,
    );
    expect((await verifyOffline(statusList, didOf(current))).outcome).toBe('MALFORMED');
  });
});

describe('credentialFromText', () => {
  it('reads the JWS from a /verify link, a fragment or the bare credential', () => {
    expect(credentialFromText(`http://localhost:4000/verify#${jws}`)).toBe(jws);
    expect(credentialFromText(`https://zhicheng.example.gov.cn/verify#${jws}\n`)).toBe(jws);
    expect(credentialFromText(`/verify#${jws}`)).toBe(jws);
    expect(credentialFromText(`#${jws}`)).toBe(jws);
    expect(credentialFromText(`  ${jws}  `)).toBe(jws);
    // A truncated one is still handed on, for the checks to call it MALFORMED.
    const truncated = jws.slice(0, jws.lastIndexOf('.'));
    expect(credentialFromText(truncated)).toBe(truncated);
  });

  it('finds nothing in prose, JSON or another link', () => {
    expect(credentialFromText('')).toBeNull();
    expect(credentialFromText('张伟的证书')).toBeNull();
    expect(credentialFromText('{"a": 1}')).toBeNull();
    expect(credentialFromText('https://example.com/other#abc')).toBeNull();
    expect(credentialFromText('%E0%A4%A')).toBeNull();
    expect(credentialFromText('abcdef')).toBeNull();
  });
});

describe('did.json and credential shape', () => {
  it('accepts the document the platform publishes and refuses others', () => {
    expect(isDidDocument(didOf(current))).toBe(true);
    expect(isDidDocument(null)).toBe(false);
    expect(isDidDocument({ id: 'did:key:abc', verificationMethod: [] })).toBe(false);
    expect(isDidDocument({ id: DID })).toBe(false);
    expect(isDidDocument({ id: DID, verificationMethod: [{ id: 1 }] })).toBe(false);
  });

  it('reads no facts from a credential without the printed fields', () => {
    expect(credentialFacts(null)).toBeNull();
    expect(credentialFacts({ credentialSubject: { name: '张伟' } })).toBeNull();
    expect(credentialFacts(credential)?.committeeName).toBe('吉林省工程系列高级职称评审委员会');
    expect(credentialFacts(credential)?.kind).toBe('TITLE');
  });

  it('reads a 人才分类定级证书 and the number a reissued certificate replaces', () => {
    const facts = credentialFacts({
      issuer: { id: DID, name: '吉林省人力资源和社会保障厅' },
      validFrom: '2026-12-01T02:00:00.000Z',
      credentialSubject: {
        type: 'TalentClassificationHolder',
        name: '李娜',
        idNumberMasked: null,
        certificateNumber: 'JL202600000009',
        talentCategory: 'C类',
        recognitionStandard: null,
        recognisedBy: '吉林省人才工作领导小组',
        recognitionDate: '2026-11-30',
        declarationId: null,
        replaces: 'JL202600000002',
      },
    });
    expect(facts).toMatchObject({
      kind: 'TALENT_LEVEL',
      titleName: '人才分类定级',
      levelName: 'C类',
      committeeName: '吉林省人才工作领导小组',
      approvedOn: '2026-11-30',
      replacesNumber: 'JL202600000002',
    });
  });
});
