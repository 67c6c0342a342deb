import type { X509Certificate } from 'node:crypto';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/errors.ts';
import type { SignatureReport, VerifyReport } from '../../../../preload/contract/verify.ts';
import { locateSignatures, type SignatureDict } from './locate.ts';
import { PdfFile } from '../read/pdf-file.ts';
import { PdfRef } from '../read/values.ts';
import { describeRevision, type PdfModel } from '../read/pdf-model.ts';
import { combineVerdicts, problem } from './problems.ts';
import { RangeDigests } from './range-digest.ts';
import { CertificateMemo } from './cert-memo.ts';
import type { RevocationCache } from './revocation-cache.ts';
import { verifySignature, type SignatureMaterial } from './verify-signature.ts';

export interface VerifyOptions {
  readonly anchors: readonly X509Certificate[];
  readonly offline: boolean;
  readonly cache: RevocationCache;
  /** Per OCSP/CRL request; short, so a dead responder never stalls a clerk. */
  readonly timeoutMs?: number;
  readonly now?: Date;
  /**
   * The file's SHA-256 when the caller already checked it (a stored file is named by its hash):
   * the report carries it instead of hashing the whole file again.
   */
  readonly sha256?: string;
  /** Re-verification from kept proof: its certificates and OCSP/CRL answers, judged as of `at`. */
  readonly proof?: {
    readonly certificates: readonly X509Certificate[];
    /** Newest first, each with the time it was fetched. */
    readonly revocation: readonly { readonly kind: string; readonly der: string; readonly at: Date }[];
  };
}

export interface VerifyOutcome {
  readonly report: VerifyReport;
  readonly material: readonly SignatureMaterial[];
  /** The file's last revision as read for the verdict (its fields' values): no second parse. */
  readonly model: PdfModel;
}

function malformed(detail: string, cause?: unknown): VanthuError {
  return new VanthuError('PDF_MALFORMED', errorMessageVi('PDF_MALFORMED'), { cause, details: { detail } });
}

function fieldNameOf(model: PdfModel, sig: SignatureDict, index: number): string {
  for (const field of model.fields.values()) {
    const v = field.dict.get('V');
    if (v instanceof PdfRef && v.num === sig.objectNumber) {
      return field.name;
    }
  }
  return `Chữ ký ${index + 1}`;
}

function who(sig: SignatureReport): string {
  const name = sig.signer.commonName === '' ? 'người ký không xác định' : sig.signer.commonName;
  return sig.kind === 'document-timestamp'
    ? `Dấu thời gian của ${sig.timestampAuthority ?? name}`
    : `Chữ ký của ${name}`;
}

/** The Vietnamese reasons: the verdict first, then each signature's problems, ready for "trả lại". */
function reasonsOf(verdict: VerifyReport['verdict'], signatures: readonly SignatureReport[]): string[] {
  if (signatures.length === 0) {
    return [problem('NO_SIGNATURES').message];
  }
  const head = {
    valid: `Văn bản hợp lệ: ${signatures.length} chữ ký số đều hợp lệ và văn bản toàn vẹn.`,
    invalid: 'Văn bản KHÔNG hợp lệ, cần trả lại nơi gửi.',
    indeterminate: 'Chưa đủ căn cứ kết luận chữ ký số hợp lệ; cần kiểm tra thêm.',
  }[verdict];
  const lines = [head];
  for (const sig of signatures) {
    for (const p of sig.problems) {
      if (p.severity !== 'info' || verdict !== 'valid') {
        lines.push(`${who(sig)} (trường "${sig.field}"): ${p.message}`);
      }
    }
  }
  return lines;
}

/**
 * Verify every signature of a PDF held in memory. Malformed input gives PDF_MALFORMED, never a
 * crash: the signature scan works on raw bytes, and the object model is only needed for names
 * and for what changed after each signature.
 */
export async function verifyPdfBytes(bytes: Uint8Array, file: string, options: VerifyOptions): Promise<VerifyOutcome> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw malformed('no %PDF- header');
  }
  const sigs = locateSignatures(bytes);
  // Read lazily: only the objects the verdict needs are parsed, once for all revisions.
  const pdf = new PdfFile(bytes);
  const models = new Map<number, PdfModel>();
  const revision = (end: number): PdfModel => {
    let model = models.get(end);
    if (model === undefined) {
      try {
        model = describeRevision(pdf.revision(end));
      } catch (cause) {
        throw malformed(end === bytes.length ? 'object model unreadable' : 'signed revision unreadable', cause);
      }
      models.set(end, model);
    }
    return model;
  };
  const current = revision(bytes.length);
  const digests = new RangeDigests(bytes);
  const memo = new CertificateMemo();
  const now = options.now ?? new Date();
  const signatures: SignatureReport[] = [];
  const material: SignatureMaterial[] = [];
  for (const [index, sig] of sigs.entries()) {
    const result = await verifySignature({
      sig,
      field: fieldNameOf(current, sig, index),
      bytes,
      digests,
      memo,
      current,
      revision,
      anchors: options.anchors,
      extraCertificates: options.proof?.certificates ?? [],
      revocation: {
        offline: options.offline,
        cache: options.cache,
        timeoutMs: options.timeoutMs ?? 5000,
        now,
        ...(options.proof === undefined ? {} : { proof: { entries: options.proof.revocation } }),
      },
    });
    signatures.push(result.report);
    material.push(result.material);
  }
  const verdict = combineVerdicts(signatures.map((s) => s.verdict));
  return {
    report: {
      file,
      sha256: options.sha256 ?? digests.digest('sha256', [[0, bytes.length]]).toString('hex'),
      verifiedAt: now.toISOString(),
      verdict,
      reasons: reasonsOf(verdict, signatures),
      signatures,
    },
    material,
    model: current,
  };
}
