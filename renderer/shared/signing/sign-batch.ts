import type { IssuingSignResult, Result, SignerChoice as ContractSigner } from '../../../preload/contract/index.ts';
import { call } from '../../app/ipc/call.ts';
import type { SignerChoice } from './signer-choice.ts';

/** The token and key the person picked, as the contract names them. */
export function signerOf(choice: SignerChoice): ContractSigner {
  return {
    modulePath: choice.modulePath,
    token: choice.token.serial === '' ? { label: choice.token.label } : { serial: choice.token.serial },
    keyIdHex: choice.certificate.keyIdHex,
  };
}

/**
 * Ký duyệt of many documents: ONE call; main signs each stored draft after one token login,
 * records each signed file as it goes, and answers with a result per document. The PIN is a
 * parameter only: it crosses the bridge once and is not kept after the call.
 */
export function signDocuments(
  ids: readonly string[],
  choice: SignerChoice,
  pin: string,
  batchId: string,
): Promise<Result<IssuingSignResult>> {
  return call('issuing.sign', { ids: [...ids], signer: signerOf(choice), pin, batchId });
}

/** Refusals a new PIN cannot change (role, chain, state): the PIN dialog closes on them. */
export function closesPinDialog(code: string): boolean {
  return code === 'ROLE_NOT_ALLOWED' || code === 'ISSUING_CHAIN_BROKEN' || code === 'STATE_TRANSITION_INVALID';
}
