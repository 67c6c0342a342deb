import type { SignerRole, TokenSummary } from '../../../preload/contract/tokens.ts';

/** Certificate SHA-256 (lowercase hex) → the role the user chose; from settings.tokens.roleOverrides. */
export type RoleOverrides = Readonly<Record<string, SignerRole>>;

/**
 * The token with the user's overrides in place of the guessed roles. The guess reads the
 * subject (UID MST, CN = O) and some CAs issue organization certificates that look personal.
 */
export function applyRoleOverrides(token: TokenSummary, overrides: RoleOverrides): TokenSummary {
  return {
    ...token,
    certificates: token.certificates.map((certificate) => {
      const role = overrides[certificate.sha256Hex];
      return role === undefined ? certificate : { ...certificate, roleGuess: role, roleOverridden: true };
    }),
  };
}

/** The overrides after setting (or, with null, dropping) one certificate's role. */
export function withRoleOverride(current: RoleOverrides, sha256Hex: string, role: SignerRole | null): RoleOverrides {
  const key = sha256Hex.toLowerCase();
  const next: Record<string, SignerRole> = { ...current };
  if (role === null) {
    delete next[key];
  } else {
    next[key] = role;
  }
  return next;
}
