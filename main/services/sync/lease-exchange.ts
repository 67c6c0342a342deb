import {
  LeaseGrantSchema,
  type LeaseRequestSchema,
  type LeaseReturnRequestSchema,
} from '../../../preload/contract/wire/numbers.ts';
import type { WireBody } from '../../../preload/contract/wire/endpoints.ts';
import { parseAnswer } from './api-client.ts';
import type { SyncEngineDeps } from './engine-deps.ts';
import type { ServerLink } from './server-link.ts';

type LeaseDeps = Pick<SyncEngineDeps, 'api' | 'leases'>;

/** Lease a fresh block of numbers for each register that is running low. */
export async function refillLeases(deps: LeaseDeps, link: ServerLink): Promise<void> {
  const leases = deps.leases;
  if (leases === undefined) {
    return;
  }
  for (const need of await leases.needs()) {
    const granted = parseAnswer(
      LeaseGrantSchema,
      await deps.api.mutate('/v1/leases', need.requestKey, {
        registerKind: need.kind,
        year: need.year,
        count: need.count,
        workstationId: need.workstationId,
      } satisfies WireBody<typeof LeaseRequestSchema>),
      'khối số',
    );
    await leases.add(need.registerId, { id: granted.leaseId, firstNumber: granted.from, lastNumber: granted.to });
    link.succeeded();
  }
}

/**
 * Give back the unused numbers of blocks used offline (API 1.4.0), then lease fresh ones. Only
 * after the server answered this round, so a workstation never cuts its reserve on its way offline.
 */
export async function returnLeases(deps: LeaseDeps, link: ServerLink): Promise<void> {
  const leases = deps.leases;
  if (leases?.returns === undefined || !link.answered || link.halted) {
    return;
  }
  const cuts = await leases.returns();
  for (const cut of cuts) {
    // One key per block: a repeat after a lost answer is answered with the first return.
    await deps.api.mutate(`/v1/leases/${encodeURIComponent(cut.leaseId)}/return`, `lease-return:${cut.leaseId}`, {
      from: cut.from,
    } satisfies WireBody<typeof LeaseReturnRequestSchema>);
    await leases.returned?.(cut.leaseId);
    link.succeeded();
  }
  if (cuts.length > 0) {
    await refillLeases(deps, link);
  }
}
