import { z } from 'zod';
import { channel } from './define.ts';
import { AppErrorSchema, ErrorCodeSchema } from './errors.ts';

/** Personal signature (lãnh đạo ký duyệt) or organization seal (văn thư đóng dấu), as in ND30. */
export const SignerRoleSchema = z.enum(['personal', 'organization']);
export type SignerRole = z.infer<typeof SignerRoleSchema>;

export const TokenSelectorSchema = z
  .object({ label: z.string().min(1).optional(), serial: z.string().min(1).optional() })
  .refine((s) => s.label !== undefined || s.serial !== undefined, { message: 'label or serial' });

/** CMND/CCCD/MST… as Vietnamese CAs put them in the subject UID ("CMND:012345678"). */
export const CertIdentifierSchema = z.object({
  kind: z.enum(['CMND', 'CCCD', 'MST', 'HC', 'KHAC']),
  /** The name shown to the user, e.g. "Căn cước công dân". */
  name: z.string(),
  value: z.string(),
});

export const CertificateInfoSchema = z.object({
  keyIdHex: z.string(),
  subject: z.string(),
  commonName: z.string(),
  organization: z.string().optional(),
  issuer: z.string(),
  issuerCommonName: z.string(),
  serialNumber: z.string(),
  identifiers: z.array(CertIdentifierSchema),
  notBefore: z.string(),
  notAfter: z.string(),
  keyUsage: z.array(z.string()),
  extKeyUsage: z.array(z.string()),
  keyAlgorithm: z.enum(['rsa', 'ec', 'other']),
  /** A key object with the same CKA_ID is visible without login (private keys often are not). */
  keyObjectFound: z.boolean(),
  /** The role used for pre-flight: guessed from the subject, or the user's override. */
  roleGuess: SignerRoleSchema,
  /** Whether `roleGuess` is the user's override (settings.tokens.roleOverrides) rather than a guess. */
  roleOverridden: z.boolean(),
  /** SHA-256 of the certificate's DER (lowercase hex): the key of role overrides. */
  sha256Hex: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfoSchema>;

export const TokenFlagsSchema = z.object({
  loginRequired: z.boolean(),
  userPinInitialized: z.boolean(),
  userPinCountLow: z.boolean(),
  userPinFinalTry: z.boolean(),
  userPinLocked: z.boolean(),
  userPinToBeChanged: z.boolean(),
  protectedAuthenticationPath: z.boolean(),
});

export const TokenSummarySchema = z.object({
  modulePath: z.string(),
  slotDescription: z.string(),
  label: z.string(),
  serial: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  flags: TokenFlagsSchema,
  minPinLen: z.number(),
  maxPinLen: z.number(),
  certificates: z.array(CertificateInfoSchema),
});
export type TokenSummary = z.infer<typeof TokenSummarySchema>;

export const ModuleReportSchema = z.object({
  path: z.string(),
  vendor: z.string().optional(),
  ok: z.boolean(),
  libraryDescription: z.string().optional(),
  error: AppErrorSchema.optional(),
});
export type ModuleReport = z.infer<typeof ModuleReportSchema>;

export const TokenListSchema = z.object({
  modules: z.array(ModuleReportSchema),
  tokens: z.array(TokenSummarySchema),
});
export type TokenList = z.infer<typeof TokenListSchema>;

export const PreflightRequestSchema = z.object({
  modulePath: z.string().min(1),
  token: TokenSelectorSchema,
  keyIdHex: z.string().regex(/^(?:[0-9a-fA-F]{2})+$/),
  role: SignerRoleSchema.optional(),
});
export type PreflightRequest = z.infer<typeof PreflightRequestSchema>;

export const PreflightCheckSchema = z.object({
  name: z.enum(['token', 'certificate', 'validity', 'expiry', 'key-usage', 'role', 'pin']),
  status: z.enum(['ok', 'warn', 'fail']),
  code: ErrorCodeSchema.optional(),
  message: z.string(),
});
export type PreflightCheck = z.infer<typeof PreflightCheckSchema>;

export const PreflightResultSchema = z.object({
  ok: z.boolean(),
  checks: z.array(PreflightCheckSchema),
  certificate: CertificateInfoSchema.optional(),
});
export type PreflightResult = z.infer<typeof PreflightResultSchema>;

export const SetRoleRequestSchema = z
  .object({
    certificateSha256Hex: z.string().regex(/^[0-9a-fA-F]{64}$/),
    /** null drops the override and goes back to the guess. */
    role: SignerRoleSchema.nullable(),
  })
  .strict();

export const tokensChannels = {
  'tokens.setRole': channel(SetRoleRequestSchema, z.object({ roleOverrides: z.record(z.string(), SignerRoleSchema) })),
  'tokens.list': channel(z.object({ modulePaths: z.array(z.string()).optional() }).strict(), TokenListSchema),
  'tokens.preflight': channel(PreflightRequestSchema, PreflightResultSchema),
};

/** main → renderer when a token is plugged in, pulled out or changes state. */
export const tokensEvents = {
  'tokens.changed': z.object({
    tokens: z.array(z.object({ modulePath: z.string(), label: z.string(), serial: z.string() })),
  }),
};
