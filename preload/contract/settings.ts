import { z } from 'zod';
import { FileHandleSchema } from './files.ts';
import { channel } from './define.ts';
import { SignerRoleSchema } from './tokens.ts';

export const SettingsSchema = z.object({
  server: z
    .object({
      url: z.string(),
      username: z.string(),
      /** This installation, stable across runs (generated on first use); sent with number-lease requests. */
      workstationId: z.string().default(''),
      /** Sync runs by itself (default); off, it runs only when "Đồng bộ ngay" is pressed. */
      autoSync: z.boolean().default(true),
    })
    .default({ url: '', username: '', workstationId: '', autoSync: true }),
  tokens: z
    .object({
      /** PKCS#11 modules the user added by path, tried before the driver catalog. */
      modulePaths: z.array(z.string()).default([]),
      /** The user's answer where the role guessed from a certificate's subject was wrong, by certificate SHA-256 (hex). */
      roleOverrides: z.record(z.string().regex(/^[0-9a-f]{64}$/), SignerRoleSchema).default({}),
    })
    .default({ modulePaths: [], roleOverrides: {} }),
  images: z
    .object({
      signaturePng: z.string().default(''),
      sealPng: z.string().default(''),
      sealDiameterMm: z.number().positive().max(80).default(36),
    })
    .default({ signaturePng: '', sealPng: '', sealDiameterMm: 36 }),
  verify: z
    .object({
      trustPaths: z.array(z.string()).default([]),
    })
    .default({ trustPaths: [] }),
  organization: z
    .object({
      name: z.string().default(''),
      maDinhDanh: z.string().default(''),
      /** ND30 allows the seal alone; some provinces also print name and time beside it. */
      houseStyle: z.enum(['seal-only', 'seal-with-text']).default('seal-only'),
    })
    .default({ name: '', maDinhDanh: '', houseStyle: 'seal-only' }),
  preferences: z
    .object({
      lastBackupAt: z.string().nullable().default(null),
    })
    .default({ lastBackupAt: null }),
  lock: z
    .object({
      /** Minutes without use before the window locks itself (issue #19); 0 = never. */
      idleMinutes: z.number().int().min(0).max(240).default(10),
    })
    .default({ idleMinutes: 10 }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: any top-level section may be given, and inside it any field. */
export const SettingsPatchSchema = z
  .object({
    server: SettingsSchema.shape.server.unwrap().partial(),
    tokens: SettingsSchema.shape.tokens.unwrap().partial(),
    images: SettingsSchema.shape.images.unwrap().partial(),
    verify: SettingsSchema.shape.verify.unwrap().partial(),
    organization: SettingsSchema.shape.organization.unwrap().partial(),
    preferences: SettingsSchema.shape.preferences.unwrap().partial(),
    lock: SettingsSchema.shape.lock.unwrap().partial(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const settingsChannels = {
  'settings.get': channel(z.object({}).strict(), SettingsSchema),
  'settings.update': channel(SettingsPatchSchema, SettingsSchema),
  /**
   * A chosen file (by handle) becomes the signature image, the seal image or one more trust root:
   * main copies it into the profile and points the setting at the copy (#15: chooser, not a path).
   */
  'settings.useFile': channel(
    z.object({ use: z.enum(['signaturePng', 'sealPng', 'trustRoot']), handle: FileHandleSchema }).strict(),
    SettingsSchema,
  ),
};
