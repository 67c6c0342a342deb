import { errorMessageVi, VanthuError, type FilePurpose } from '../../../preload/contract/index.ts';

/** The first bytes of each kind of file a person may choose, and the media type it is kept as. */
const PDF = '%PDF-';
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const SOURCE_TYPES: Readonly<Record<string, { magic: number[]; mediaType: string }>> = {
  docx: { magic: ZIP, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  odt: { magic: ZIP, mediaType: 'application/vnd.oasis.opendocument.text' },
  doc: { magic: OLE, mediaType: 'application/msword' },
};

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function refuse(what: string, name: string): VanthuError {
  return new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', `Tệp "${name}" không phải ${what}.`), {
    details: { reason: 'FILE_KIND', name },
  });
}

/** The extensions offered by the native dialog for each purpose. */
export const PURPOSE_EXTENSIONS: Readonly<Record<FilePurpose, readonly string[]>> = {
  pdf: ['pdf'],
  nguon: ['docx', 'odt', 'doc'],
  anh: ['png'],
  'chung-thu': ['pem', 'crt', 'cer', 'der'],
  'lich-nghi': ['json'],
};

/**
 * Checks the chosen bytes are what the purpose needs, by content (and for the editable source
 * also by extension: a .docx and an .odt are both zip files), and gives the media type to keep.
 */
export function mediaTypeOf(purpose: FilePurpose, name: string, bytes: Uint8Array): string {
  if (purpose === 'pdf') {
    if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes(PDF)) {
      throw refuse('tệp PDF', name);
    }
    return 'application/pdf';
  }
  if (purpose === 'nguon') {
    const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
    const type = SOURCE_TYPES[ext];
    if (type === undefined || !startsWith(bytes, type.magic)) {
      throw refuse('tệp Word/LibreOffice (.docx, .odt, .doc)', name);
    }
    return type.mediaType;
  }
  if (purpose === 'anh') {
    if (!startsWith(bytes, PNG)) {
      throw refuse('ảnh PNG', name);
    }
    return 'image/png';
  }
  if (purpose === 'lich-nghi') {
    // The year's holiday arrangement: parsed and validated by its importer; here only "JSON text".
    if (!/^\s*[[{]/.test(Buffer.from(bytes.subarray(0, 64)).toString('utf8'))) {
      throw refuse('tệp JSON lịch nghỉ', name);
    }
    return 'application/json';
  }
  const text = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (!text.includes('-----BEGIN CERTIFICATE-----') && bytes[0] !== 0x30) {
    throw refuse('chứng thư số (PEM/DER)', name);
  }
  return 'application/pkix-cert';
}
