/** What a desktop notification says, and which document a click on it opens. */
export interface DesktopNotice {
  readonly title: string;
  readonly body: string;
  /** The document the notice is about; a click brings the window forward on it. */
  readonly documentId?: string;
  /** Urgent notices (hỏa tốc, thượng khẩn) stay until dismissed where the platform allows. */
  readonly urgent?: boolean;
}

/**
 * Desktop notifications behind an interface: Electron's `Notification` in the desktop app; the
 * browser shell forwards notices to the page (which uses the Web Notification API); tests use a
 * recording fake.
 */
export interface Notifier {
  notify(notice: DesktopNotice): void;
}
