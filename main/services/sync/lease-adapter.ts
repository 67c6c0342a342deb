import type { RegisterService } from '../registers/register-service.ts';
import type { LeaseNeed, LeaseSink } from './ports.ts';

export interface LeasePolicy {
  /** Ask for a new block when fewer numbers than this remain offline. */
  readonly lowWater: number;
  readonly blockSize: number;
}

export const DEFAULT_LEASE_POLICY: LeasePolicy = { lowWater: 10, blockSize: 50 };

/**
 * Leases for the registers this workstation uses, kept by the register service. The request
 * key counts the leases already stored, so a request lost in a crash is repeated with the same
 * key and the server returns the same block instead of burning a second one.
 */
export function createRegisterLeaseSink(
  registers: RegisterService,
  registerIds: () => readonly string[],
  workstationId: string,
  policy: LeasePolicy = DEFAULT_LEASE_POLICY,
): LeaseSink {
  return {
    needs() {
      const needs: LeaseNeed[] = [];
      for (const registerId of registerIds()) {
        const register = registers.get(registerId);
        if (register === undefined || registers.remaining(registerId) >= policy.lowWater) {
          continue;
        }
        needs.push({
          registerId,
          kind: register.kind,
          year: register.year,
          count: policy.blockSize,
          requestKey: `lease:${workstationId}:${registerId}:${registers.leases(registerId).length + 1}`,
        });
      }
      return needs;
    },
    add(registerId, lease) {
      registers.addLease(registerId, lease);
    },
  };
}
