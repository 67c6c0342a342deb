import { join } from 'node:path';
import { createVerifyService, type VerifyService } from '../services/pdf/verify/verify-service.ts';
import type { BaseServices } from './compose-base.ts';

/**
 * The verifier as the app builds it, apart so that `vanthu verify` composes only this: it reads
 * the same revocation cache and keeps its evidence in the same profile folder as the app.
 */
export function composeVerify({ profile, settings, log }: BaseServices): VerifyService {
  return createVerifyService({
    settings,
    log,
    cacheDir: profile.cache,
    evidenceDir: join(profile.files, 'verifications'),
  });
}
