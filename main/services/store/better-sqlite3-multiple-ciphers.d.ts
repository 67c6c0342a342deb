// The package ships typings its `exports` map does not expose under `nodenext`; it is a fork of
// better-sqlite3 with the same API, so it is typed as better-sqlite3.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  // eslint-disable-next-line no-restricted-syntax -- describes the package's own default export
  export default Database;
}
