import { randomUUID } from 'node:crypto';
import { errorMessageVi, VanthuError, type ChosenFile, type FilePurpose } from '../../../preload/contract/index.ts';
import { MAX_ATTACHMENT_BYTES, writeAttachmentFile } from '../store/attachments.ts';
import type { StoredInput } from '../store/issuing.ts';
import { mediaTypeOf } from './file-kinds.ts';

/** A chosen file held by handle: its bytes are in the content store under `sha256`. */
export interface HeldFile extends StoredInput {
  readonly purpose: FilePurpose;
}

export interface FileIntake {
  /** A file main read itself (the native dialog's choice). */
  accept(purpose: FilePurpose, name: string, bytes: Uint8Array): ChosenFile;
  begin(purpose: FilePurpose, name: string, size: number): { handle: string };
  append(handle: string, offset: number, chunk: Uint8Array): { received: number };
  finish(handle: string): ChosenFile;
  /** The file behind a handle, refused when it was chosen for another purpose or has expired. */
  get(handle: string, purpose: FilePurpose): HeldFile;
  release(handle: string): void;
}

interface Upload {
  readonly purpose: FilePurpose;
  readonly name: string;
  readonly size: number;
  readonly chunks: Uint8Array[];
  received: number;
}

/** Handles live as long as the app runs; a person chooses a few files at a time, not thousands. */
const MAX_HANDLES = 200;

function expired(): VanthuError {
  return new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', 'Tệp đã chọn không còn; chọn lại tệp.'), {
    details: { reason: 'HANDLE_UNKNOWN' },
  });
}

/**
 * Where chosen files enter the app (issue #15): bytes in, handle out. A finished file goes
 * straight into the content-addressed store (fsync + rename), so a step that names the handle
 * reads the stored bytes and nothing a path could change underneath. A file no document took is
 * an unreferenced file in the store: harmless, like an upload a crash interrupted.
 */
export function createFileIntake(filesDir: string): FileIntake {
  const uploads = new Map<string, Upload>();
  const held = new Map<string, HeldFile>();

  const keep = (file: HeldFile): ChosenFile => {
    const handle = randomUUID();
    held.set(handle, file);
    // Oldest first out: Map keeps insertion order.
    while (held.size > MAX_HANDLES) {
      held.delete(held.keys().next().value as string);
    }
    return { handle, name: file.name, size: file.size, sha256: file.sha256, purpose: file.purpose };
  };

  const accept = (purpose: FilePurpose, name: string, bytes: Uint8Array): ChosenFile => {
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'), { details: { name } });
    }
    const mediaType = mediaTypeOf(purpose, name, bytes);
    const sha256 = writeAttachmentFile(filesDir, bytes);
    return keep({ purpose, name, size: bytes.byteLength, sha256, mediaType });
  };

  return {
    accept,
    begin(purpose, name, size) {
      if (size > MAX_ATTACHMENT_BYTES) {
        throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'), { details: { name, size } });
      }
      const handle = randomUUID();
      uploads.set(handle, { purpose, name, size, chunks: [], received: 0 });
      return { handle };
    },
    append(handle, offset, chunk) {
      const upload = uploads.get(handle);
      if (upload === undefined) {
        throw expired();
      }
      if (offset !== upload.received || upload.received + chunk.byteLength > upload.size) {
        // Chunks arrive in order over one connection; anything else is a broken upload.
        uploads.delete(handle);
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Tải tệp bị gián đoạn; chọn lại tệp.'), {
          details: { reason: 'UPLOAD_OUT_OF_ORDER', offset, received: upload.received },
        });
      }
      upload.chunks.push(chunk);
      upload.received += chunk.byteLength;
      return { received: upload.received };
    },
    finish(handle) {
      const upload = uploads.get(handle);
      uploads.delete(handle);
      if (upload === undefined) {
        throw expired();
      }
      if (upload.received !== upload.size) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Tệp tải lên chưa đủ; chọn lại tệp.'), {
          details: { reason: 'UPLOAD_INCOMPLETE', size: upload.size, received: upload.received },
        });
      }
      return accept(upload.purpose, upload.name, Buffer.concat(upload.chunks));
    },
    get(handle, purpose) {
      const file = held.get(handle);
      if (file === undefined) {
        throw expired();
      }
      if (file.purpose !== purpose) {
        throw new VanthuError(
          'INVALID_INPUT',
          errorMessageVi('INVALID_INPUT', `Tệp "${file.name}" được chọn cho việc khác.`),
          {
            details: { reason: 'HANDLE_PURPOSE', expected: purpose, got: file.purpose },
          },
        );
      }
      return file;
    },
    release(handle) {
      held.delete(handle);
    },
  };
}
