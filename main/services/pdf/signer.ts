/**
 * The Signer port: the only thing the PDF code knows about keys. Tokens (PKCS#11) implement
 * it in main/services/tokens; tests and development may use a software signer built from
 * the test PKI. The PDF code never imports tokens/.
 */
export type SignatureAlgorithm = 'rsa-pkcs1-sha256' | 'ecdsa-sha256';

export interface Signer {
  /** The signer's certificate, DER. */
  readonly certificate: Uint8Array;
  /** Issuer certificates (without the signer's), DER, nearest issuer first; embedded in the CMS. */
  readonly chain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
  /**
   * Sign `data` (the DER of the CMS signed attributes, re-tagged as a SET) with SHA-256.
   * RSA returns the PKCS#1 v1.5 signature; ECDSA returns a DER `Ecdsa-Sig-Value`.
   * Asynchronous: a USB token may take hundreds of milliseconds or wait for a PIN pad.
   */
  sign(data: Uint8Array): Promise<Uint8Array>;
}
