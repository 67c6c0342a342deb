import { z } from 'zod';

/** `POST /v1/auth/login` */
export const LoginRequestSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

/** `POST /v1/auth/refresh`: a refresh token works once. */
export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(1) });

/** The answer to both: a session whose access token lasts `expiresIn` seconds. */
export const SessionSchema = z.looseObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  maDinhDanh: z.string(),
});
