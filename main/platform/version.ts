import packageJson from '../../package.json' with { type: 'json' };

/** The app's version, from package.json so there is a single source. */
export const appVersion: string = packageJson.version;
