import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issuerChain } from '../../../main/services/tokens/token-objects.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();
const der = (pemPath: string) => new Uint8Array(new X509Certificate(readFileSync(pemPath)).raw);

describe('the signer’s issuers found among the token’s certificates', () => {
  it('runs from the leaf to the root, nearest first, ignoring certificates of other names', () => {
    const leaf = new Uint8Array(readFileSync(pki.certs.person?.certDer ?? ''));
    const root = der(pki.rootPem);
    const sub = der(pki.subPem);
    const stranger = new Uint8Array(readFileSync(pki.certs.org?.certDer ?? ''));
    expect(issuerChain(leaf, [root, stranger, sub])).toEqual([sub, root]);
    expect(issuerChain(leaf, [root])).toEqual([]);
  });
});
