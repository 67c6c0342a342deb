import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyReport } from '../../../../preload/contract/verify.ts';
import type { SignatureMaterial } from './verify-signature.ts';
import { writeFileAtomicSync } from '../../disk/atomic-write.ts';

export interface KeptEvidence {
  readonly path: string;
}

/**
 * Keep the validation material with the document (certificates, OCSP/CRL answers, timestamp
 * tokens, the verdict and when it was made), so it can be re-verified after the certificates
 * expire, as the provincial rules require (S-TN26 Điều 16 k3b). One JSON file per verification,
 * in a folder named by the document's SHA-256; written to a temp name and renamed.
 */
export function keepEvidence(
  rootDir: string,
  report: VerifyReport,
  material: readonly SignatureMaterial[],
): KeptEvidence {
  const dir = join(rootDir, report.sha256);
  mkdirSync(dir, { recursive: true });
  const body = {
    format: 'vanthu.verification/1',
    verifiedAt: report.verifiedAt,
    verdict: report.verdict,
    report,
    signatures: material.map((m, i) => ({
      field: report.signatures[i]?.field ?? '',
      certificates: m.certificates.map((c) => c.toString()),
      revocation: m.revocation,
      timestampTokens: m.timestampTokens.map((t) => Buffer.from(t).toString('base64')),
    })),
  };
  const name = `${report.verifiedAt.replace(/[:.]/g, '-')}.json`;
  writeFileAtomicSync(join(dir, name), JSON.stringify(body, null, 2));
  return { path: join(dir, name) };
}
