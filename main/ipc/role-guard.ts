import type { ChannelName, ParsedRequestOf } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import { incomingStepAction } from '../domain/role-steps.ts';
import type { RoleAction } from '../domain/user-role.ts';
import { requireRole } from '../services/workflow/roles.ts';
import type { Handler, HandlerTable } from './dispatch.ts';

type Needs<C extends ChannelName> = (request: ParsedRequestOf<C>, services: Services) => Promise<RoleAction>;

const fixed =
  <C extends ChannelName>(action: RoleAction): Needs<C> =>
  () =>
    Promise.resolve(action);

/**
 * The workflow actions outside the issuing service and the role each needs (domain/user-role.ts):
 * checked in main before the handler runs, so a refused step changes nothing. The issuing
 * service (issuing.*) checks its own. Reading, listing and viewing need no role.
 */
const NEEDS: { readonly [C in ChannelName]?: Needs<C> } = {
  'outgoing.create': fixed('outgoing.draft'),
  'outgoing.submit': fixed('outgoing.draft'),
  'outgoing.return': fixed('outgoing.sign'),
  'outgoing.recall': fixed('outgoing.recall'),
  // Appendices carry the organization's signature: the văn thư's, like the seal.
  'outgoing.addAppendix': fixed('outgoing.seal'),
  'outgoing.removeAppendix': fixed('outgoing.seal'),
  'incoming.add': fixed('incoming.register'),
  'incoming.assign': fixed('incoming.assign'),
  'incoming.transition': async ({ id, to }, services) =>
    incomingStepAction((await services.store.call('incoming.get', id)).state, to),
};

/** The handler table with each workflow action refused (ROLE_NOT_ALLOWED) for a role that may not do it. */
export function guardRoles(services: Services, table: HandlerTable): HandlerTable {
  const guarded: Record<string, Handler<ChannelName>> = { ...table };
  for (const [name, needs] of Object.entries(NEEDS) as [ChannelName, Needs<ChannelName>][]) {
    const handler = table[name] as Handler<ChannelName>;
    guarded[name] = async (request, context) => {
      await requireRole(services.store.call, await needs(request, services));
      return handler(request, context);
    };
  }
  return guarded as unknown as HandlerTable;
}
