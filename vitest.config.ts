import { defineConfig } from 'vitest/config';

/**
 * Test tiers, all run by `npm test`:
 * - unit: pure code and fakes at ports, no external programs;
 * - renderer: the renderer's view-models (form validation, header-field reading, filters, list
 *   presets, signer choice) and the contract checks of its screens — plain functions, so the node
 *   environment; no DOM library is installed and none is needed;
 * - integration: real SQLite, real PDFs, external validators (pdfsig, mutool, qpdf, openssl);
 * - hsm: real PKCS#11 through SoftHSM2 tokens built from the declared test PKI;
 * - shell: the built Electron bundles (dist/electron, so after the build) run against the
 *   Electron double in tests/support/electron-double, with the real store and services.
 * The run's anchor — the instant every test treats as now — is chosen first (support/clock); the
 * test PKI and tokens are then built once per run around it.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/clock/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/clock/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/clock/global-setup.ts', 'tests/support/pki/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'hsm',
          include: ['tests/hsm/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/clock/global-setup.ts', 'tests/support/pki/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'shell',
          include: ['tests/shell/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/clock/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
