import { errorMessageVi, VanthuError } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import { withRoleOverride } from '../services/tokens/role-override.ts';
import type { HandlerTable } from './dispatch.ts';

/**
 * Loading a PKCS#11 module runs its code in main, so the renderer may only name modules the user
 * added in settings or the driver catalog lists; any other path is refused. (The CLI has no such
 * limit: whoever runs it already runs code on this machine.)
 */
function requireKnownModules(services: Services, paths: readonly string[]): void {
  const unknown = paths.filter((path) => !services.tokens.isKnownModule(path));
  if (unknown.length > 0) {
    throw new VanthuError(
      'IPC_FORBIDDEN',
      errorMessageVi('IPC_FORBIDDEN', 'Trình điều khiển này chưa được thêm trong Cài đặt > Thiết bị ký số.'),
      { details: { modulePaths: unknown } },
    );
  }
}

/**
 * Token discovery and pre-flight; neither takes a PIN (signing does, through the sign flow).
 * tokens.setRole keeps the user's answer where the guessed role (personal / organization) was wrong.
 */
export function tokensHandlers(
  services: Services,
): Pick<HandlerTable, 'tokens.list' | 'tokens.preflight' | 'tokens.setRole'> {
  return {
    'tokens.setRole': (request) => {
      const current = services.settings.get().tokens.roleOverrides;
      const roleOverrides = withRoleOverride(current, request.certificateSha256Hex, request.role);
      services.settings.update({ tokens: { roleOverrides: { ...roleOverrides } } });
      return { roleOverrides: { ...roleOverrides } };
    },
    'tokens.list': (request) => {
      requireKnownModules(services, request.modulePaths ?? []);
      return services.tokens.list(request.modulePaths);
    },
    'tokens.preflight': (request) => {
      requireKnownModules(services, [request.modulePath]);
      return services.tokens.preflight(request);
    },
  };
}
