/**
 * Import boundaries of Văn thư số (architecture.md), enforced in `npm run lint`.
 * Paths may carry the prefix of the boundary test's fixture tree, so the same rules are
 * exercised by tests/unit/boundaries against deliberate violations.
 */
const at = (path) => `^(?:tests/fixtures/boundaries/)?${path}`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-contract',
      comment: 'The renderer talks to window.vanthu only: never to main, native, server or Node.',
      severity: 'error',
      from: { path: at('renderer/') },
      to: { path: [at('(main|native|server)/'), at('preload/index')] },
    },
    {
      name: 'renderer-not-wire',
      comment:
        'The provincial API (preload/contract/wire) is spoken by main and the reference server; the renderer talks only to window.vanthu.',
      severity: 'error',
      from: { path: at('renderer/') },
      to: { path: at('preload/contract/wire/') },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs sandboxed in Chromium: no Node built-ins, no electron.',
      severity: 'error',
      from: { path: at('renderer/') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: at('renderer/') },
      to: { path: 'node_modules/electron/' },
    },
    {
      name: 'renderer-features-apart',
      comment:
        'A renderer feature shares with another only through renderer/shared/ (the signing dialogs, the verdict and thể thức panels, the phụ lục table and viewer, dates).',
      severity: 'error',
      from: { path: at('renderer/features/([^/]+)/') },
      to: { path: at('renderer/features/'), pathNot: at('renderer/features/$1/') },
    },
    {
      name: 'contract-only-zod',
      comment: 'The contract is imported by every process: pure TypeScript plus zod.',
      severity: 'error',
      from: { path: at('preload/contract/') },
      to: { pathNot: [at('preload/contract/'), 'node_modules/zod/'] },
    },
    {
      name: 'domain-no-io',
      comment: 'main/domain holds pure rules: no Node built-ins, no services, no native code.',
      severity: 'error',
      from: { path: at('main/domain/') },
      to: {
        pathNot: [at('main/domain/'), at('preload/contract/'), 'node_modules/zod/'],
      },
    },
    {
      name: 'pdf-never-tokens',
      comment: 'The PDF code depends on the Signer port, never on the token implementation.',
      severity: 'error',
      from: { path: at('main/services/pdf/') },
      to: { path: [at('main/services/tokens/'), at('native/')] },
    },
    {
      name: 'only-native-loads-pkcs11js',
      severity: 'error',
      from: { pathNot: at('native/') },
      to: { path: 'node_modules/pkcs11js/' },
    },
    {
      name: 'migrations-isolated',
      comment: 'A migration must keep working forever: it copies constants instead of importing app code.',
      severity: 'error',
      from: { path: at('main/services/store/migrations/') },
      to: { pathNot: [at('main/services/store/migrations/'), 'node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'server-separate',
      comment: 'The reference server is a separate program; the app never imports it and it imports only the contract.',
      severity: 'error',
      from: { path: at('(main|native|renderer|preload)/') },
      to: { path: at('server/') },
    },
    {
      name: 'services-not-up',
      comment: 'Services sit below the shells: they never import the composition root, the IPC handlers or the CLI.',
      severity: 'error',
      from: { path: at('main/services/') },
      to: { path: at('main/(app|ipc|cli)/') },
    },
    {
      name: 'services-not-platform',
      comment:
        "platform/ holds the Electron adapters of the services' ports, above services/: a port lives with the service that needs it (vault/keystore.ts, notices/notifier.ts, disk/profile-paths.ts).",
      severity: 'error',
      from: { path: at('main/services/') },
      to: { path: at('main/platform/') },
    },
    {
      name: 'ipc-not-app',
      comment:
        'Handlers are registered by the composition root; they never import it (the Services type lives in services/).',
      severity: 'error',
      from: { path: at('main/ipc/') },
      to: { path: at('main/app/') },
    },
    {
      name: 'native-not-main',
      comment: 'native/ is the lowest layer (the PKCS#11 facade and workers): it never imports main/.',
      severity: 'error',
      from: { path: at('native/') },
      to: { path: at('main/') },
    },
    {
      name: 'main-no-folder-cycles',
      comment: 'Two folders of main/ never import each other, directly or round a longer loop.',
      severity: 'error',
      scope: 'folder',
      from: { path: at('main/') },
      to: { circular: true },
    },
    {
      name: 'renderer-no-folder-cycles',
      comment:
        'Two folders of renderer/ never import each other: the screens table (renderer/App.tsx) sits above the features, the features above renderer/shared and renderer/app (the frame, IPC, feedback and forms they use).',
      severity: 'error',
      scope: 'folder',
      from: { path: at('renderer/') },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      comment: 'No module imports one that imports it back, type imports included, anywhere in the sources.',
      severity: 'error',
      from: { path: at('(main|renderer|preload|native|server)/') },
      to: { circular: true },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      from: { path: '^(main|native|renderer|preload|server)/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: ['node_modules', '^dist/', '^\\.tools/'] },
  },
};
