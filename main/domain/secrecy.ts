/**
 * Độ mật of a document (ND30 Phụ lục VI: 0 thường, 1 Mật, 2 Tối mật, 3 Tuyệt mật). A document
 * that carries state secrets is kept out of the provincial system: it is registered and kept on
 * this workstation only, never uploaded, never sent through the Trục, never synced (S-TN26 Điều 1;
 * S-NB22 Điều 1 k2; S-SL25 Điều 1 k2; S-TN24 Điều 3 k5, Điều 6 k1; Luật Bảo vệ bí mật nhà nước).
 */
export function staysOnWorkstation(doMat: number): boolean {
  return doMat > 0;
}
