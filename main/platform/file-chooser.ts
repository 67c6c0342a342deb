import { errorMessageVi, VanthuError, type FilePurpose } from '../../preload/contract/index.ts';

/** A file the person picked in a native dialog: its name and bytes, read by main. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The native "open file" dialog behind an interface: Electron's in the desktop app; none in the
 * browser shell and the CLI, where the renderer's `<input type=file>` streams the file instead.
 * Whatever path the dialog returns stays inside main.
 */
export interface FileChooser {
  choose(purpose: FilePurpose): Promise<PickedFile | null>;
}

/** The browser shell's and the CLI's chooser: the renderer must send the bytes itself. */
export const noNativeChooser: FileChooser = {
  choose: () =>
    Promise.reject(
      new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Không có hộp thoại chọn tệp ở đây.'), {
        details: { reason: 'NO_NATIVE_CHOOSER' },
      }),
    ),
};
