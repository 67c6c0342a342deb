import type { ArrivalCheck, ArrivalFinding } from '../../../preload/contract/arrival-check.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { signatureLooks } from '../../domain/nd30/signature-look.ts';
import type { VerifyService } from '../pdf/verify/verify-service.ts';
import { readStoredOrPlain } from '../cipher/read-stored.ts';
import { findActiveContent } from './active-content.ts';
import { readSignatureLooks } from './signature-appearance.ts';
import { checkedSignatures, signatureFindings } from './signature-findings.ts';

export interface InspectRequest {
  /** The stored file (content store path). */
  readonly path: string;
  /** The issuing organization named in the metadata, compared with the one that sealed it. */
  readonly coQuanBanHanh: string;
}

/** What reading the file found: everything of the arrival check but the malware scan. */
export interface Inspection {
  readonly signatures: ArrivalCheck['signatures'];
  readonly findings: ArrivalFinding[];
  readonly report: VerifyReport | null;
}

/**
 * The CPU-bound part of the arrival check, run where the caller chooses (the app: a worker
 * thread, `inspect-worker.ts`; tests and the CLI: in process). Port, so the checker does not
 * care which.
 */
export type Inspector = (request: InspectRequest) => Promise<Inspection>;

/** The verifier, each signature's kind (certificate and NĐ 30 appearance) and active content. */
export async function inspectFile(
  verify: VerifyService,
  request: InspectRequest,
  trustPaths: readonly string[] = [],
): Promise<Inspection> {
  const findings: ArrivalFinding[] = [];
  let report: VerifyReport | null = null;
  let signatures: ArrivalCheck['signatures'] = [];
  let bytes: Uint8Array | null = null;
  try {
    bytes = await readStoredOrPlain(request.path);
  } catch {
    // Said below by the verifier, which reads the same path and names what is wrong.
  }
  try {
    const { evidencePath: _kept, ...verified } = await verify.verify({
      path: request.path,
      trustPaths,
      offline: false,
    });
    report = verified;
    let looks: ReturnType<typeof signatureLooks> = [];
    try {
      looks = bytes === null ? [] : signatureLooks(readSignatureLooks(bytes));
    } catch {
      // A form the reader cannot walk: the certificate profile alone decides, as before.
    }
    signatures = checkedSignatures(verified, looks);
    findings.push(...signatureFindings(verified, signatures, request.coQuanBanHanh));
  } catch (error) {
    findings.push({
      code: 'UNREADABLE',
      severity: 'invalid',
      message: `Không đọc được tệp văn bản (${(error as Error).message}).`,
      where: [],
    });
  }
  try {
    if (bytes !== null) {
      findings.push(...findActiveContent(bytes));
    }
  } catch {
    // An unreadable file is already said above; the malware scan still runs on its bytes.
  }
  return { signatures, findings, report };
}

/** The inspection on the calling thread (tests, the CLI). */
export function inProcessInspector(verify: VerifyService): Inspector {
  return (request) => inspectFile(verify, request);
}
