import type { LeaseReturn, RegisterService } from '../store/register-service.ts';
import type { Awaitable, LeaseNeed, LeaseSink } from './ports.ts';

/** The register calls leases need, direct on a connection or through the store worker. */
export type LeaseRegisters = {
  readonly [M in 'get' | 'remaining' | 'leases' | 'addLease' | 'cutUsedLeases' | 'confirmReturn']: (
    ...args: Parameters<RegisterService[M]>
  ) => Awaitable<ReturnType<RegisterService[M]>>;
};

export interface LeasePolicy {
  /** Ask for a new block when fewer numbers than this remain offline. */
  readonly lowWater: number;
  readonly blockSize: number;
}

export const DEFAULT_LEASE_POLICY: LeasePolicy = { lowWater: 10, blockSize: 50 };

/**
 * Leases for the registers this workstation uses, kept by the register service. A block serves
 * offline work only (online numbers come from the server in order of receipt); once it was used
 * offline and the workstation is online again, it is cut and its unused numbers go back. The request
 * key counts the leases already stored, so a request lost in a crash is repeated with the same
 * key and the server returns the same block instead of burning a second one.
 */
export function createRegisterLeaseSink(
  registers: LeaseRegisters,
  registerIds: () => Awaitable<readonly string[]>,
  workstationId: string,
  policy: LeasePolicy = DEFAULT_LEASE_POLICY,
): LeaseSink {
  return {
    async needs() {
      const needs: LeaseNeed[] = [];
      for (const registerId of await registerIds()) {
        const register = await registers.get(registerId);
        if (register === undefined || (await registers.remaining(registerId)) >= policy.lowWater) {
          continue;
        }
        needs.push({
          registerId,
          kind: register.kind,
          year: register.year,
          count: policy.blockSize,
          workstationId,
          requestKey: `lease:${workstationId}:${registerId}:${(await registers.leases(registerId)).length + 1}`,
        });
      }
      return needs;
    },
    async add(registerId, lease) {
      await registers.addLease(registerId, lease);
    },
    async returns() {
      const cuts: LeaseReturn[] = [];
      for (const registerId of await registerIds()) {
        cuts.push(...(await registers.cutUsedLeases(registerId)));
      }
      return cuts;
    },
    async returned(leaseId) {
      await registers.confirmReturn(leaseId);
    },
  };
}
