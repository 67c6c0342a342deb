import type { CertificateInfo, SignerRole, TokenList, TokenSummary } from '../../../preload/contract/tokens.ts';

/** One certificate on one token, as the user picks it to sign. */
export interface SignerChoice {
  readonly modulePath: string;
  readonly token: TokenSummary;
  readonly certificate: CertificateInfo;
}

export function choiceKey(c: SignerChoice): string {
  return `${c.modulePath}|${c.token.serial}|${c.certificate.keyIdHex}`;
}

/** Every certificate with a key, the ones whose role guess matches listed first. */
export function choicesFrom(list: TokenList, role: SignerRole): SignerChoice[] {
  const all = list.tokens.flatMap((token) =>
    token.certificates.map((certificate) => ({ modulePath: token.modulePath, token, certificate })),
  );
  return [
    ...all.filter((c) => c.certificate.roleGuess === role),
    ...all.filter((c) => c.certificate.roleGuess !== role),
  ];
}
