/**
 * The renderer's Content-Security-Policy, used by both shells: as a response header
 * in Electron's protocol handler and the browser host, and as a meta tag in index.html.
 * No inline scripts, no eval, no remote origins; blob: workers for pdf.js.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
