import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';

const SHA256 = '2.16.840.1.101.3.4.2.1';

export interface TsaClientOptions {
  readonly url: string;
  readonly timeoutMs?: number;
}

function failure(detail: string, retryable = true): VanthuError {
  return new VanthuError('TSA_FAILED', errorMessageVi('TSA_FAILED', detail), { retryable });
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * RFC 3161 client: asks the TSA to time-stamp `data` (for PAdES B-T, the CMS signature value)
 * and returns the TimeStampToken (a CMS ContentInfo, DER) after checking that it answers this
 * request (same imprint, same nonce).
 */
export async function requestTimestamp(data: Uint8Array, options: TsaClientOptions): Promise<Uint8Array> {
  const digest = createHash('sha256').update(data).digest();
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] ?? 0) & 0x7f; // a positive INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  let body: Uint8Array;
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query' },
      body: new Uint8Array(request.toSchema().toBER(false)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (!response.ok) {
      throw failure(`Máy chủ dấu thời gian trả về HTTP ${response.status}.`);
    }
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof VanthuError) {
      throw error;
    }
    throw failure(`Không kết nối được ${options.url}.`);
  }

  let token: pkijs.ContentInfo;
  try {
    const response = pkijs.TimeStampResp.fromBER(toArrayBuffer(body));
    const status = response.status.status;
    if ((status !== 0 && status !== 1) || response.timeStampToken === undefined) {
      throw failure(`Máy chủ từ chối yêu cầu (trạng thái ${status}).`, false);
    }
    token = response.timeStampToken;
    const signed = new pkijs.SignedData({ schema: token.content });
    const eContent = signed.encapContentInfo.eContent;
    if (eContent === undefined) {
      throw failure('Dấu thời gian không có nội dung.', false);
    }
    const info = pkijs.TSTInfo.fromBER(eContent.getValue());
    const imprint = new Uint8Array(info.messageImprint.hashedMessage.getValue());
    const echoed = info.nonce === undefined ? undefined : new Uint8Array(info.nonce.valueBlock.valueHexView);
    if (!Buffer.from(imprint).equals(digest) || echoed === undefined || !Buffer.from(echoed).equals(nonce)) {
      throw failure('Dấu thời gian không khớp với yêu cầu.', false);
    }
  } catch (error) {
    if (error instanceof VanthuError) {
      throw error;
    }
    throw failure('Phản hồi của máy chủ dấu thời gian không đọc được.', false);
  }
  return new Uint8Array(token.toSchema().toBER(false));
}

/** A TimestampSource for the sign engine, bound to one TSA. */
export function tsaTimestampSource(options: TsaClientOptions): (signatureValue: Uint8Array) => Promise<Uint8Array> {
  return (signatureValue) => requestTimestamp(signatureValue, options);
}
