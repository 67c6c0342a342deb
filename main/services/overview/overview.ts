import type { Overview } from '../../../preload/contract/overview.ts';
import { QUEUE_SCOPE, ROLE_QUEUES } from '../../domain/queues.ts';
import type { StoreCall } from '../store/store-client.ts';
import { currentRole } from './current-role.ts';

/** Tổng quan: the person's queues with their counts (one store call) and where each click goes. */
export async function loadOverview(store: StoreCall, now: Date): Promise<Overview> {
  const [role, counted] = await Promise.all([currentRole(store), store('overview.counts')]);
  return {
    role,
    queues: ROLE_QUEUES[role].map((queue) => {
      const scope = QUEUE_SCOPE[queue];
      const list: 'incoming' | 'outgoing' =
        scope.entity === 'outgoing' ||
        (scope.entity === 'both' && counted.overdue.incoming === 0 && counted.overdue.outgoing > 0)
          ? 'outgoing'
          : 'incoming';
      return {
        queue,
        count: counted.counts[queue],
        list,
        states: scope.entity === 'both' ? [] : [...scope.states],
        overdue: scope.entity === 'both',
      };
    }),
    overdue: counted.overdue,
    countedAt: now.toISOString(),
  };
}
