import { existsSync } from 'node:fs';

/** The shipped CLI when built (as an administrator runs it), else its sources. */
export const CLI_ENTRY = existsSync('dist/cli/vanthu.mjs') ? 'dist/cli/vanthu.mjs' : 'main/cli/bin.ts';

/**
 * The arguments of `vanthu sign-batch` doing the leader's operation (personal signature, certify
 * P=2) on the given token key: the peer both UI benchmarks run beside the app.
 */
export function signBatchArgs(
  signer: { readonly modulePath: string; readonly token: { readonly label: string }; readonly keyIdHex: string },
  outDir: string,
  files: readonly string[],
): string[] {
  return [
    CLI_ENTRY,
    'sign-batch',
    '--module',
    signer.modulePath,
    '--token',
    signer.token.label,
    '--key-id',
    signer.keyIdHex,
    '--role',
    'personal',
    '--certify',
    '2',
    '--out-dir',
    outDir,
    ...files,
  ];
}
