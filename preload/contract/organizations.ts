import { z } from 'zod';
import { channel } from './define.ts';

/** Mã định danh in either form: QCVN 102 (`000.00.12.H55`) or QĐ 20/2020 (≤ 35, A–Z 0–9 and dots). */
export const MaDinhDanhSchema = z
  .string()
  .regex(/^(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|(?=.{1,35}$)[A-Z0-9]+(?:\.[A-Z0-9]+)*)$/, 'Mã định danh không đúng dạng');

export const OrganizationSchema = z.object({
  maDinhDanh: z.string(),
  ten: z.string(),
  coQuanChuQuan: z.string(),
  form: z.enum(['qcvn102', 'qd20']),
  /** 'local': the organization this workstation belongs to; 'directory': filled by sync. */
  nguon: z.enum(['local', 'directory']),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const UserRoleSchema = z.enum(['van-thu', 'lanh-dao', 'chuyen-vien']);

export const UserProfileSchema = z.object({
  hoTen: z.string(),
  chucVu: z.string(),
  role: UserRoleSchema,
  maDinhDanh: z.string(),
  /** Actions the role performs here (the workflow table, workflow.ts), for the UI to offer. */
  actions: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type UserProfile = z.infer<typeof UserProfileSchema>;

export const UserProfilePatchSchema = z
  .object({
    hoTen: z.string().trim().min(1).max(50),
    chucVu: z.string().trim().max(100),
    role: UserRoleSchema,
  })
  .partial()
  .strict();
export type UserProfilePatch = z.infer<typeof UserProfilePatchSchema>;

export const organizationsChannels = {
  'organizations.list': channel(
    z
      .object({
        limit: z.number().int().positive().max(1000).default(200),
        offset: z.number().int().nonnegative().default(0),
      })
      .strict(),
    z.object({ items: z.array(OrganizationSchema), total: z.number().int() }),
  ),
  /** For choosing recipients: folded name or code, every word must match. */
  'organizations.search': channel(
    z.object({ text: z.string().max(200), limit: z.number().int().positive().max(100).default(20) }).strict(),
    z.array(OrganizationSchema),
  ),
  'profile.get': channel(z.object({}).strict(), UserProfileSchema),
  'profile.update': channel(UserProfilePatchSchema, UserProfileSchema),
};
