import { CATALOG } from '../catalog.ts';
import type { DocumentSpec } from '../spec.ts';

const pick = (id: string): DocumentSpec => {
  const spec = CATALOG.find((s) => s.id === id);
  if (spec === undefined) {
    throw new Error(`no catalog spec ${id}`);
  }
  return spec;
};

/** The documents made with LibreOffice (.docx → .pdf): one of each kind, one joint. */
export const LIBREOFFICE_SPECS: readonly DocumentSpec[] = [
  pick('qd-kt-1'),
  pick('cv-kt-1'),
  pick('tt-tm-1'),
  pick('tb-tl-1'),
  pick('gm-lien-2'),
];
