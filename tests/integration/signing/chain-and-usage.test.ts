import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import type { Signer } from '../../../main/services/pdf/signer.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { buildSigningChain, trustStoreCertificates } from '../../../main/services/signing/chain.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { tempDir } from '../sign/flow-support.ts';

const pki = usePki();

function der(pemPath: string): Uint8Array {
  return new Uint8Array(new X509Certificate(readFileSync(pemPath)).raw);
}

function leaf(id: 'person' | 'wrong-usage'): Uint8Array {
  return new Uint8Array(readFileSync(pki.certs[id]?.certDer ?? ''));
}

const hex = (list: readonly Uint8Array[]): string[] => list.map((d) => Buffer.from(d).toString('hex'));

describe('the CA chain embedded with a signature', () => {
  it('comes from the trust store when the token holds only the leaf: sub CA first, then root', () => {
    const anchors = trustStoreCertificates([pki.rootPem, pki.subPem]);
    expect(hex(buildSigningChain(leaf('person'), [], anchors))).toEqual(hex([der(pki.subPem), der(pki.rootPem)]));
  });

  it("uses the token's own CA certificates first and completes from a trust store folder (PEM and DER)", () => {
    const folder = join(tempDir(), 'tin cậy');
    mkdirSync(folder);
    writeFileSync(join(folder, 'goc.der'), der(pki.rootPem));
    copyFileSync(pki.subPem, join(folder, 'ignored.txt')); // not a certificate extension: skipped
    const anchors = trustStoreCertificates([folder]);
    expect(anchors).toHaveLength(1);
    expect(hex(buildSigningChain(leaf('person'), [der(pki.subPem)], anchors))).toEqual(
      hex([der(pki.subPem), der(pki.rootPem)]),
    );
  });

  it('stops where no issuer is known, and never links by name alone', () => {
    // Without the sub CA the root cannot be reached from the leaf.
    expect(buildSigningChain(leaf('person'), [], trustStoreCertificates([pki.rootPem]))).toEqual([]);
    // A leaf is not the issuer of another leaf, whatever the pool holds.
    expect(buildSigningChain(leaf('person'), [leaf('wrong-usage')], [])).toEqual([]);
    expect(trustStoreCertificates([])).toEqual([]);
  });
});

describe('key usage', () => {
  it('refuses a certificate without digitalSignature/nonRepudiation before the key is asked to sign', async () => {
    const dir = tempDir();
    const doc = await makeDocument();
    const cert = pki.certs['wrong-usage'];
    const base = await softwareSignerFromFiles(cert?.keyPem ?? '', cert?.certPem ?? '', pki.chainPem);
    let signatures = 0;
    const signer: Signer = {
      ...base,
      sign: (data) => {
        signatures += 1;
        return base.sign(data);
      },
    };
    await expect(signPdf(doc.bytes, join(dir, 'out.pdf'), { signer, role: 'personal' })).rejects.toMatchObject({
      code: 'CERT_KEY_USAGE',
    });
    expect(signatures).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
