import { createPrivateKey, sign as cryptoSign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Signer } from './signer.ts';

/**
 * A `Signer` over a private key held in memory (PEM). For tests and development only: real
 * signatures come from a token through the tokens service.
 */
export function softwareSigner(keyPem: string, certPem: string, chainPem = ''): Signer {
  const key: KeyObject = createPrivateKey(keyPem);
  const certificate = new Uint8Array(new X509Certificate(certPem).raw);
  const chain = splitPem(chainPem).map((pem) => new Uint8Array(new X509Certificate(pem).raw));
  const algorithm = key.asymmetricKeyType === 'ec' ? 'ecdsa-sha256' : 'rsa-pkcs1-sha256';
  return {
    certificate,
    chain,
    algorithm,
    async sign(data) {
      // ECDSA defaults to the DER Ecdsa-Sig-Value, which is what CMS expects.
      return new Uint8Array(cryptoSign('sha256', data, key));
    },
  };
}

/** Reads the key, certificate and chain from PEM files (as the test PKI lays them out). */
export async function softwareSignerFromFiles(keyPath: string, certPath: string, chainPath?: string): Promise<Signer> {
  const [key, cert, chain] = await Promise.all([
    readFile(keyPath, 'utf8'),
    readFile(certPath, 'utf8'),
    chainPath === undefined ? Promise.resolve('') : readFile(chainPath, 'utf8'),
  ]);
  return softwareSigner(key, cert, chain);
}

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
