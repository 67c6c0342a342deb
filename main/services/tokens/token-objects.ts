import { X509Certificate } from 'node:crypto';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import { CK } from '../../../native/pkcs11/constants.ts';
import type { Handle, Pkcs11Module } from '../../../native/pkcs11/module.ts';

export interface KeyObject {
  readonly handle: Handle;
  readonly keyType: 'rsa' | 'ec';
  /** Output size for C_Sign: the modulus length (RSA) or 2 × field size (EC). */
  readonly signatureLength: number;
  readonly alwaysAuthenticate: boolean;
}

function ulong(buffer: Buffer | undefined): number | undefined {
  if (buffer === undefined || buffer.length === 0) {
    return undefined;
  }
  // CK_ULONG in host byte order; every platform we ship on is little-endian.
  return buffer.length >= 8 ? Number(buffer.readBigUInt64LE(0)) : buffer.readUInt32LE(0);
}

// Field sizes of the curves Vietnamese CAs and our tests use, by the DER of their OID.
const EC_FIELD_BYTES: ReadonlyArray<readonly [string, number]> = [
  ['06082a8648ce3d030107', 32], // P-256
  ['06052b81040022', 48], // P-384
  ['06052b81040023', 66], // P-521
];

export function findPrivateKey(module: Pkcs11Module, session: Handle, keyId: Buffer): KeyObject {
  const [handle] = module.findObjects(session, [
    { type: CK.CKA_CLASS, value: CK.CKO_PRIVATE_KEY },
    { type: CK.CKA_ID, value: keyId },
  ]);
  if (handle === undefined) {
    throw new VanthuError(
      'KEY_NOT_FOUND',
      errorMessageVi('KEY_NOT_FOUND', `Không có khóa với mã ${keyId.toString('hex')}.`),
      {
        details: { keyIdHex: keyId.toString('hex') },
      },
    );
  }
  const type = ulong(module.attribute(session, handle, CK.CKA_KEY_TYPE));
  const alwaysAuthenticate = (module.attribute(session, handle, CK.CKA_ALWAYS_AUTHENTICATE)?.[0] ?? 0) !== 0;
  if (type === CK.CKK_RSA) {
    const modulus = module.attribute(session, handle, CK.CKA_MODULUS);
    return { handle, keyType: 'rsa', signatureLength: modulus?.length ?? 1024, alwaysAuthenticate };
  }
  if (type === CK.CKK_EC) {
    const params = module.attribute(session, handle, CK.CKA_EC_PARAMS)?.toString('hex') ?? '';
    const field = EC_FIELD_BYTES.find(([oid]) => oid === params)?.[1] ?? 66;
    return { handle, keyType: 'ec', signatureLength: field * 2, alwaysAuthenticate };
  }
  throw new VanthuError(
    'MECHANISM_UNSUPPORTED',
    errorMessageVi('MECHANISM_UNSUPPORTED', 'Loại khóa không phải RSA hay EC.'),
    {
      details: { keyType: type },
    },
  );
}

/** All X.509 certificates on the token, with their CKA_ID (hex). */
export function listCertificates(module: Pkcs11Module, session: Handle): Array<{ id: string; der: Uint8Array }> {
  const handles = module.findObjects(session, [
    { type: CK.CKA_CLASS, value: CK.CKO_CERTIFICATE },
    { type: CK.CKA_CERTIFICATE_TYPE, value: CK.CKC_X_509 },
  ]);
  const out: Array<{ id: string; der: Uint8Array }> = [];
  for (const handle of handles) {
    const value = module.attribute(session, handle, CK.CKA_VALUE);
    if (value !== undefined && value.length > 0) {
      out.push({ id: module.attribute(session, handle, CK.CKA_ID)?.toString('hex') ?? '', der: new Uint8Array(value) });
    }
  }
  return out;
}

/**
 * The signer's issuers found on the same token, nearest first, matched by name. Many tokens
 * carry the CA certificates; ours in tests do not, and then the chain is empty.
 */
export function issuerChain(leaf: Uint8Array, candidates: readonly Uint8Array[]): Uint8Array[] {
  // Node's own parser: names only are compared, and the PKCS#11 worker then loads no
  // certificate library just to open a signer.
  const parsed = candidates.map((der) => ({ der, cert: new X509Certificate(der) }));
  const chain: Uint8Array[] = [];
  let current = new X509Certificate(leaf);
  for (let depth = 0; depth < 6 && current.subject !== current.issuer; depth++) {
    const issuer = parsed.find((p) => p.cert.subject === current.issuer && !chain.includes(p.der));
    if (issuer === undefined) {
      break;
    }
    chain.push(issuer.der);
    current = issuer.cert;
  }
  return chain;
}
