import { X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/errors.ts';

/** The validation material of an earlier verification, as `keepEvidence` wrote it. */
export interface KeptProof {
  /** The newest proof file that contributed revocation answers (or the newest at all). */
  readonly path: string;
  readonly certificates: readonly X509Certificate[];
  /** Newest first; each OCSP/CRL answer is judged as of the verification that fetched it. */
  readonly revocation: readonly ProofRevocation[];
}

export interface ProofRevocation {
  readonly kind: string;
  readonly der: string;
  readonly at: Date;
}

interface ProofFile {
  readonly format?: string;
  readonly verifiedAt?: string;
  readonly signatures?: ReadonlyArray<{
    readonly certificates?: readonly string[];
    readonly revocation?: ReadonlyArray<{ readonly kind?: string; readonly der?: string; readonly checkedAt?: string }>;
  }>;
}

function notFound(sha256: string): VanthuError {
  return new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND', 'Chưa có hồ sơ xác thực lưu cho văn bản này.'), {
    details: { sha256 },
  });
}

/**
 * Everything kept for the document with this SHA-256, over all its earlier verifications (the
 * evidence folder is named by the file's hash, each proof by its time): a later check made
 * offline or after the CA stopped answering must not hide the answers an earlier one kept.
 * Unreadable proof files are skipped.
 */
export function loadKeptProof(evidenceDir: string, sha256: string): KeptProof {
  let names: string[];
  try {
    names = readdirSync(join(evidenceDir, sha256)).filter((n) => n.endsWith('.json'));
  } catch {
    throw notFound(sha256);
  }
  const certificates = new Map<string, X509Certificate>();
  const revocation: ProofRevocation[] = [];
  let path: string | null = null;
  let withMaterial: string | null = null;
  for (const name of names.sort().reverse()) {
    const file = join(evidenceDir, sha256, name);
    try {
      const body = JSON.parse(readFileSync(file, 'utf8')) as ProofFile;
      const at = new Date(body.verifiedAt ?? '');
      if (body.format !== 'vanthu.verification/1' || Number.isNaN(at.getTime())) {
        continue;
      }
      path ??= file;
      for (const sig of body.signatures ?? []) {
        for (const pem of sig.certificates ?? []) {
          const cert = new X509Certificate(pem);
          certificates.set(cert.fingerprint256, cert);
        }
        for (const r of sig.revocation ?? []) {
          if (typeof r.kind !== 'string' || typeof r.der !== 'string') {
            continue;
          }
          withMaterial ??= file;
          const checked = new Date(r.checkedAt ?? '');
          revocation.push({ kind: r.kind, der: r.der, at: Number.isNaN(checked.getTime()) ? at : checked });
        }
      }
    } catch {
      // A damaged proof file: the others still count.
    }
  }
  if (path === null) {
    throw notFound(sha256);
  }
  return { path: withMaterial ?? path, certificates: [...certificates.values()], revocation };
}
