import { z } from 'zod';
import { channel, IsoDateSchema } from './define.ts';

export const RegisterKindSchema = z.enum(['den', 'di']);

export const RegisterSchema = z.object({
  id: z.string(),
  maDinhDanh: z.string(),
  kind: RegisterKindSchema,
  series: z.string(),
  year: z.number().int(),
  quyenSo: z.number().int(),
});

export const NumberLeaseSchema = z.object({
  id: z.string(),
  registerId: z.string(),
  firstNumber: z.number().int(),
  lastNumber: z.number().int().nullable(),
  nextNumber: z.number().int(),
  grantedAt: z.string(),
});

export const RegisterStatusSchema = RegisterSchema.extend({
  leases: z.array(NumberLeaseSchema),
  /** Numbers left offline; null for an open lease (no limit). */
  remaining: z.number().int().nonnegative().nullable(),
});

/**
 * A printed register: main lays it out, keeps it in the content store and, where the shell has a
 * native save dialog, writes it where the person chose (`savedAs`: the name only). Without one
 * (browser shell), `base64` carries the bytes and the page downloads them. No path crosses.
 */
export const PrintedRegisterSchema = z.object({
  rows: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  /** The file name chosen in the save dialog; null when cancelled or when the page downloads. */
  savedAs: z.string().nullable(),
  base64: z.string().nullable(),
});
export type PrintedRegister = z.infer<typeof PrintedRegisterSchema>;

/** Progress of a register being printed (rows laid out of the total), once per page. */
export const registersEvents = {
  'registers.printProgress': z.object({
    fileName: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
};

export const registersChannels = {
  'registers.list': channel(z.object({}).strict(), z.array(RegisterStatusSchema)),
  'registers.print': channel(
    z
      .object({
        kind: RegisterKindSchema,
        year: z.number().int().min(2000).max(2100),
        fromDate: IsoDateSchema.optional(),
        toDate: IsoDateSchema.optional(),
        fromSo: z.number().int().positive().optional(),
        toSo: z.number().int().positive().optional(),
      })
      .strict(),
    PrintedRegisterSchema,
  ),
  /**
   * "Sao lưu ngay": into the profile's backups folder, dated. No path crosses the bridge (the
   * CLI's `vanthu backup` writes where its user says).
   */
  'backup.create': channel(z.object({}).strict(), z.object({ path: z.string(), bytes: z.number() })),
  /**
   * Days since the last backup (null: never). `reminder`: over a day old (provinces ask for daily
   * backups); `backupOverdue`: never, or more than 7 days old, the stronger warning.
   */
  'backup.status': channel(
    z.object({}).strict(),
    z.object({
      lastBackupAt: z.string().nullable(),
      ageDays: z.number().nullable(),
      reminder: z.boolean(),
      backupOverdue: z.boolean(),
    }),
  ),
  'audit.verify': channel(
    z.object({}).strict(),
    z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      brokenAt: z.number().int().optional(),
      reason: z.enum(['edited', 'missing']).optional(),
    }),
  ),
};
