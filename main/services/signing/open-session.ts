import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { SignerRole } from '../../../preload/contract/tokens.ts';
import type { Logger } from '../log/logger.ts';
import type { Signer } from '../pdf/signer.ts';
import { openTokenSigner, type TokenSignerHandle } from '../tokens/open-signer.ts';
import type { TokenService } from '../tokens/token-service.ts';
import { buildSigningChain, trustStoreCertificates } from './chain.ts';

export interface TokenChoice {
  readonly modulePath: string;
  readonly token: { readonly label?: string | undefined; readonly serial?: string | undefined };
  readonly keyIdHex: string;
}

export interface SessionDeps {
  readonly tokens: Pick<TokenService, 'preflight'>;
  readonly log: Logger;
  readonly trustPaths: () => readonly string[];
}

/**
 * One login for one operation or batch. The pre-flight runs first, without the PIN, so an
 * expired certificate, one not meant for signing or a locked token is refused before the token
 * is asked anything that counts against its PIN tries. `pin` is handed to the login and not kept.
 */
export async function openSigningSession(
  deps: SessionDeps,
  choice: TokenChoice,
  role: SignerRole | undefined,
  pin: string | null,
): Promise<TokenSignerHandle> {
  const token = {
    ...(choice.token.label === undefined ? {} : { label: choice.token.label }),
    ...(choice.token.serial === undefined ? {} : { serial: choice.token.serial }),
  };
  const preflight = await deps.tokens.preflight({
    modulePath: choice.modulePath,
    token,
    keyIdHex: choice.keyIdHex,
    ...(role === undefined ? {} : { role }),
  });
  const failed = preflight.checks.find((c) => c.status === 'fail');
  if (failed !== undefined) {
    const code = failed.code ?? 'TOKEN_GENERAL_ERROR';
    deps.log.warn('signing.preflight_refused', { check: failed.name, code, keyIdHex: choice.keyIdHex });
    throw new VanthuError(code, failed.message, { details: { check: failed.name } });
  }
  // Loaded before the login so a broken trust store path fails without touching the token.
  const anchors = trustStoreCertificates(deps.trustPaths());
  const handle = await openTokenSigner({
    modulePath: choice.modulePath,
    token,
    keyIdHex: choice.keyIdHex,
    pin,
    log: deps.log,
  });
  try {
    const chain = buildSigningChain(handle.signer.certificate, handle.signer.chain, anchors);
    const signer: Signer = {
      certificate: handle.signer.certificate,
      chain,
      algorithm: handle.signer.algorithm,
      sign: (data) => handle.signer.sign(data),
    };
    return { signer, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error instanceof VanthuError
      ? error
      : new VanthuError('INTERNAL', errorMessageVi('INTERNAL'), { cause: error });
  }
}
