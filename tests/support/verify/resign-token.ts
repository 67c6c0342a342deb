import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCms } from '../../../main/services/pdf/verify/cms.ts';

const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';

/**
 * The same TSTInfo (time, imprint) as a real token, but signed by another certificate. `openssl
 * ts -reply` refuses a signer without id-kp-timeStamping, so `openssl cms` signs it instead:
 * a token a careless or forged TSA could produce, to show the verifier refuses it.
 */
export function resignTimestampToken(token: Uint8Array, signer: { certPem: string; keyPem: string }): Uint8Array {
  const tstInfo = checkCms(token, null).eContent;
  if (tstInfo === null) {
    throw new Error('not a timestamp token');
  }
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-resign-'));
  try {
    writeFileSync(join(dir, 'tst.der'), tstInfo);
    execFileSync('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-nosmimecap',
      '-md',
      'sha256',
      '-econtent_type',
      ID_CT_TSTINFO,
      '-in',
      join(dir, 'tst.der'),
      '-signer',
      signer.certPem,
      '-inkey',
      signer.keyPem,
      '-outform',
      'DER',
      '-out',
      join(dir, 'token.der'),
    ]);
    return new Uint8Array(readFileSync(join(dir, 'token.der')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
