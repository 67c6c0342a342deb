import { defineConfig } from 'vitest/config';

/**
 * Test tiers, all run by `npm test`:
 * - unit: pure code and fakes at ports, no external programs;
 * - integration: real SQLite, real PDFs, external validators (pdfsig, mutool, qpdf, openssl);
 * - hsm: real PKCS#11 through SoftHSM2 tokens built from the declared test PKI.
 * The test PKI and tokens are built once per run by the global setup.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/pki/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'hsm',
          include: ['tests/hsm/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/pki/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
