import {
  constants,
  createHash,
  generateKeyPairSync,
  publicDecrypt,
  sign as nodeSign,
  verify as nodeVerify,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaRawToDer, sha256DigestInfo } from '../../../main/services/tokens/der.ts';

describe('token DER helpers', () => {
  it('converts raw r||s (IEEE P1363) into a DER signature node:crypto accepts', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.from('dữ liệu ký');
    for (let i = 0; i < 20; i++) {
      const raw = nodeSign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = ecdsaRawToDer(raw);
      expect(nodeVerify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
  });

  it('adds a zero byte before a high-bit integer and strips leading zeros', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r = 0x80 00..00 (32 bytes) → needs a leading 00
    raw[63] = 0x01; // s = 1 → a single byte
    const der = ecdsaRawToDer(raw);
    expect(Array.from(der.subarray(0, 5))).toEqual([0x30, 4 + 33 + 1, 0x02, 33, 0x00]);
    expect(Array.from(der.subarray(der.length - 3))).toEqual([0x02, 0x01, 0x01]);
  });

  it('builds a SHA-256 DigestInfo that RSA PKCS#1 v1.5 verification accepts', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const data = Buffer.from('văn bản');
    const digest = createHash('sha256').update(data).digest();
    const signature = nodeSign('sha256', data, privateKey);
    const info = sha256DigestInfo(digest);
    expect(info.length).toBe(51);
    // publicDecrypt recovers the PKCS#1 payload, which must equal our DigestInfo byte for byte
    const payload = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
    expect(Buffer.from(info)).toEqual(payload);
  });
});
