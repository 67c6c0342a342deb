import { z } from 'zod';
import { RegisterKindSchema, RegisterYearSchema } from './common.ts';

/** `POST /v1/leases`: the next block of a register, for numbering offline. */
export const LeaseRequestSchema = z.object({
  registerKind: RegisterKindSchema,
  year: RegisterYearSchema,
  count: z.number().int().min(1).max(1000),
  workstationId: z.string().min(1).max(100),
});

export const LeaseGrantSchema = z.looseObject({
  leaseId: z.string(),
  registerKind: RegisterKindSchema,
  year: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
});

/** `POST /v1/numbers`: the register's next number now (online numbering, API 1.4.0). */
export const NumberRequestSchema = z.object({
  registerKind: RegisterKindSchema,
  year: RegisterYearSchema,
  documentId: z.string().min(1).max(100).optional(),
});

export const AllocatedNumberSchema = z.looseObject({
  registerKind: RegisterKindSchema,
  year: z.number().int(),
  number: z.number().int().positive(),
});

/** `POST /v1/leases/{id}/return`: the block is cut at `from`, the rest goes back. */
export const LeaseReturnRequestSchema = z.object({ from: z.number().int().positive() });

export const LeaseReturnedSchema = z.looseObject({
  leaseId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  returned: z.number().int(),
});
