/** Where a file main produced was saved: the name the person chose, never the path. */
export interface SavedFile {
  readonly name: string;
}

/**
 * The native "save as" dialog behind an interface: Electron's in the desktop app. The browser
 * shell and the CLI have none; there the page downloads the bytes itself (the browser asks where).
 * Whatever path the dialog returns stays inside main.
 */
export interface SaveChooser {
  /** True where a native dialog exists; false means "hand the bytes to the page". */
  readonly native: boolean;
  /** Ask where to save and write the bytes there; null when the person cancels. */
  save(suggestedName: string, bytes: Uint8Array): Promise<SavedFile | null>;
}

/** The browser shell's and the CLI's: no dialog, the page downloads. */
export const noNativeSave: SaveChooser = {
  native: false,
  save: () => Promise.resolve(null),
};
