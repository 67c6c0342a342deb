import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { buildCms } from '../../../main/services/pdf/sign/cms.ts';
import type { Signer } from '../../../main/services/pdf/signer.ts';
import type { PkiMaterial } from '../pki/build.ts';

const ID_ED448 = '1.3.101.113';

/**
 * An Ed448 signer certified by the test sub CA. OpenSSL 3.0 cannot make a CMS with Ed448, so the
 * CMS is our PAdES B-B one with the signature made by Ed448 and the SignerInfo naming id-Ed448
 * (RFC 8419): a well-formed signature in an algorithm the verifier does not support.
 */
export function ed448CmsMaker(pki: PkiMaterial, dir: string): (digest: Uint8Array) => Promise<Uint8Array> {
  const key = join(dir, 'ed448.key.pem');
  const csr = join(dir, 'ed448.csr');
  const cert = join(dir, 'ed448.cert.pem');
  const ext = join(dir, 'ed448.ext');
  execFileSync('openssl', ['genpkey', '-algorithm', 'ed448', '-out', key]);
  execFileSync('openssl', ['req', '-new', '-key', key, '-subj', '/C=VN/CN=Ed448 Kiem Thu', '-out', csr]);
  execFileSync('sh', ['-c', `printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > '${ext}'`]);
  // real time: -days counts from now, like the run-time-issued test PKI it chains to.
  execFileSync('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    pki.subPem,
    '-CAkey',
    join(pki.dir, 'sub.key.pem'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    ext,
    '-out',
    cert,
  ]);
  const privateKey = createPrivateKey(readFileSync(key, 'utf8'));
  const chain = [pki.subPem, pki.rootPem].map((p) => new Uint8Array(new X509Certificate(readFileSync(p)).raw));
  const signer: Signer = {
    certificate: new Uint8Array(new X509Certificate(readFileSync(cert)).raw),
    chain,
    algorithm: 'ecdsa-sha256', // only decides the OID, replaced below
    sign: async (data) => new Uint8Array(sign(null, data, privateKey)),
  };
  return async (digest) => {
    const der = await buildCms({ digest, signer });
    const info = pkijs.ContentInfo.fromBER(der);
    const signed = new pkijs.SignedData({ schema: info.content });
    const signerInfo = signed.signerInfos[0];
    if (signerInfo === undefined) {
      throw new Error('no SignerInfo');
    }
    signerInfo.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: ID_ED448 });
    const out = new pkijs.ContentInfo({ contentType: info.contentType, content: signed.toSchema(true) });
    return new Uint8Array(out.toSchema().toBER(false));
  };
}
