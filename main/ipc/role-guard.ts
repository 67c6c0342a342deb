import type { ChannelName, ParsedRequestOf } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import { incomingTransition, type WorkflowActionName } from '../../preload/contract/workflow.ts';
import { requireRole } from '../services/workflow/roles.ts';
import type { Handler, HandlerTable } from './dispatch.ts';

/** The table's action a request takes; null when the table has no such move (the store then refuses it). */
type Needs<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  services: Services,
) => Promise<WorkflowActionName | null>;

const fixed =
  <C extends ChannelName>(action: WorkflowActionName): Needs<C> =>
  () =>
    Promise.resolve(action);

/**
 * The workflow actions outside the issuing service and the table's action each takes
 * (preload/contract/workflow.ts, which names the roles):
 * checked in main before the handler runs, so a refused step changes nothing. The issuing
 * service (issuing.*) checks its own. Reading, listing and viewing need no role.
 */
const NEEDS: { readonly [C in ChannelName]?: Needs<C> } = {
  'outgoing.create': fixed('outgoing.draft'),
  'outgoing.submit': fixed('outgoing.submit'),
  'outgoing.return': fixed('outgoing.return'),
  'outgoing.recall': fixed('outgoing.recall'),
  'outgoing.addAppendix': fixed('outgoing.appendix'),
  'outgoing.removeAppendix': fixed('outgoing.appendix'),
  'incoming.add': fixed('incoming.register'),
  'incoming.assign': fixed('incoming.assign'),
  'incoming.transition': async ({ id, to }, services) =>
    incomingTransition((await services.store.call('incoming.get', id)).state, to)?.action ?? null,
};

/** The handler table with each workflow action refused (ROLE_NOT_ALLOWED) for a role that may not do it. */
export function guardRoles(services: Services, table: HandlerTable): HandlerTable {
  const guarded: Record<string, Handler<ChannelName>> = { ...table };
  for (const [name, needs] of Object.entries(NEEDS) as [ChannelName, Needs<ChannelName>][]) {
    const handler = table[name] as Handler<ChannelName>;
    guarded[name] = async (request, context) => {
      const action = await needs(request, services);
      if (action !== null) {
        await requireRole(services.store.call, action);
      }
      return handler(request, context);
    };
  }
  return guarded as unknown as HandlerTable;
}
