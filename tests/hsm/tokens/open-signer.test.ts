import { createPublicKey, createVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const data = new TextEncoder().encode('Tập các thuộc tính đã ký — văn bản số 12/UBND-VP');

function verifyWith(certDer: Uint8Array, signature: Uint8Array, dsaEncoding: 'der' = 'der'): boolean {
  const key = createPublicKey(new X509Certificate(certDer).toString());
  return createVerify('sha256').update(data).verify({ key, dsaEncoding }, signature);
}

function tokenOf(id: 'person' | 'person-ec' | 'org'): { label: string; keyIdHex: string; pin: string } {
  const token = pki.certs[id]?.token;
  if (token === undefined) {
    throw new Error(`${id} is not on a token`);
  }
  const pin = pki.softhsm.tokens.find((t) => t.label === token.label)?.pin ?? '';
  return { label: token.label, keyIdHex: token.keyIdHex, pin };
}

describe('openTokenSigner on SoftHSM2', () => {
  it('signs with the RSA key (CKM_SHA256_RSA_PKCS) and the signature verifies against the token certificate', async () => {
    const t = tokenOf('person');
    const { signer, close } = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: t.label },
      keyIdHex: t.keyIdHex,
      pin: t.pin,
    });
    try {
      expect(signer.algorithm).toBe('rsa-pkcs1-sha256');
      expect(Buffer.from(signer.certificate)).toEqual(readFileSync(pki.certs['person']?.certDer ?? ''));
      expect(signer.chain).toEqual([]);
      const signature = await signer.sign(data);
      expect(signature.length).toBe(256);
      expect(verifyWith(signer.certificate, signature)).toBe(true);
    } finally {
      await close();
    }
  });

  it('falls back to CKM_RSA_PKCS over a DigestInfo with the same result', async () => {
    const t = tokenOf('org');
    const { signer, close } = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: t.label },
      keyIdHex: t.keyIdHex,
      pin: t.pin,
      rsaMechanism: 'raw-pkcs1',
    });
    try {
      const raw = await signer.sign(data);
      expect(verifyWith(signer.certificate, raw)).toBe(true);
    } finally {
      await close();
    }
  });

  it('signs with the EC key (CKM_ECDSA) and returns a DER Ecdsa-Sig-Value that verifies', async () => {
    const t = tokenOf('person-ec');
    const { signer, close } = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: t.label },
      keyIdHex: t.keyIdHex,
      pin: t.pin,
    });
    try {
      expect(signer.algorithm).toBe('ecdsa-sha256');
      const signature = await signer.sign(data);
      expect(signature[0]).toBe(0x30);
      expect(verifyWith(signer.certificate, signature)).toBe(true);
    } finally {
      await close();
    }
  });

  it('uses two tokens at once and keeps concurrent calls on one token in order', async () => {
    const a = tokenOf('person');
    const b = tokenOf('org');
    const first = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: a.label },
      keyIdHex: a.keyIdHex,
      pin: a.pin,
    });
    const second = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: b.label },
      keyIdHex: b.keyIdHex,
      pin: b.pin,
    });
    try {
      const signatures = await Promise.all([
        first.signer.sign(data),
        first.signer.sign(data),
        second.signer.sign(data),
        first.signer.sign(data),
      ]);
      expect(verifyWith(first.signer.certificate, signatures[0]!)).toBe(true);
      expect(verifyWith(first.signer.certificate, signatures[1]!)).toBe(true);
      expect(verifyWith(second.signer.certificate, signatures[2]!)).toBe(true);
      expect(verifyWith(first.signer.certificate, signatures[3]!)).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('closing one signer leaves another on the same token logged in; a closed signer refuses to sign', async () => {
    const person = tokenOf('person');
    const ec = tokenOf('person-ec');
    const options = { modulePath: pki.softhsm.module, token: { label: person.label }, pin: person.pin };
    const first = await openTokenSigner({ ...options, keyIdHex: person.keyIdHex });
    const second = await openTokenSigner({ ...options, keyIdHex: ec.keyIdHex });
    try {
      await first.close();
      expect(verifyWith(second.signer.certificate, await second.signer.sign(data))).toBe(true);
      await expect(first.signer.sign(data)).rejects.toMatchObject({ code: 'TOKEN_REMOVED' });
    } finally {
      await second.close();
    }
  });
});
