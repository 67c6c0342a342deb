import { errorMessageVi, VanthuError } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

type SigningChannels =
  | 'signing.prepare'
  | 'signing.sign'
  | 'signing.writeNumber'
  | 'signing.seal'
  | 'signing.appendix'
  | 'signing.copy'
  | 'signing.batch';

/**
 * Loading a PKCS#11 module runs its code in main, so (as for tokens.*) the renderer may only
 * name modules the user added in settings or the driver catalog lists.
 */
export function requireKnownModule(services: Services, modulePath: string): void {
  if (!services.tokens.isKnownModule(modulePath)) {
    throw new VanthuError(
      'IPC_FORBIDDEN',
      errorMessageVi('IPC_FORBIDDEN', 'Trình điều khiển này chưa được thêm trong Cài đặt > Thiết bị ký số.'),
      { details: { modulePath } },
    );
  }
}

/** The issuing flow; each request that names a token carries its PIN to the login only. */
export function signingHandlers(services: Services): Pick<HandlerTable, SigningChannels> {
  const { signing } = services;
  return {
    'signing.prepare': (request) => signing.prepare(request),
    'signing.writeNumber': (request) => signing.writeNumber(request),
    'signing.sign': (request) => {
      requireKnownModule(services, request.modulePath);
      return signing.sign(request);
    },
    'signing.seal': (request) => {
      requireKnownModule(services, request.modulePath);
      return signing.seal(request);
    },
    'signing.appendix': (request) => {
      requireKnownModule(services, request.modulePath);
      return signing.appendix(request);
    },
    'signing.copy': (request) => {
      requireKnownModule(services, request.modulePath);
      return signing.copy(request);
    },
    'signing.batch': (request) => {
      requireKnownModule(services, request.modulePath);
      return signing.batch(request);
    },
  };
}
