import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer into dist/renderer; both shells serve that folder. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // pdf.js alone is ~1 MB; the app is loaded from disk, so one large chunk costs nothing.
    chunkSizeWarningLimit: 2500,
  },
});
