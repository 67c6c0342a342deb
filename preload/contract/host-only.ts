import type { ChannelName } from './channels.ts';

/**
 * Channels that read or write files named by a file-system path (issue #15): the engines under the
 * issuing journey (`signing.*`), the verifier of any PDF on disk (`documents.verify`) and the layout
 * proposal for a PDF on disk (`layout.propose`). They stay in the contract for the headless tools
 * and their tests, which run on the workstation with the rights of the person at the shell, and
 * name files that person chose on the command line. No screen needs them: the renderer's journey
 * goes through `issuing.*` with document ids, files enter as handles (`files.*`), incoming PDFs are
 * checked through `files.verify` and `incoming.*`, and placement previews read the stored file
 * (`issuing.placement`). A renderer that could name paths could make main sign, overwrite or read
 * any file the user can, so `dispatch` refuses these channels from both shells (Electron and the
 * browser host) and only a caller that declares itself the command line gets through.
 */
export const HOST_ONLY_CHANNELS = [
  'signing.prepare',
  'signing.sign',
  'signing.writeNumber',
  'signing.seal',
  'signing.appendix',
  'signing.copy',
  'signing.batch',
  'documents.verify',
  'layout.propose',
] as const satisfies readonly ChannelName[];

export type HostOnlyChannel = (typeof HOST_ONLY_CHANNELS)[number];
/** What `window.vanthu.invoke` may name: a screen that names a host-only channel does not compile. */
export type RendererChannelName = Exclude<ChannelName, HostOnlyChannel>;

const hostOnly: ReadonlySet<string> = new Set(HOST_ONLY_CHANNELS);

export function isHostOnlyChannel(name: string): name is HostOnlyChannel {
  return hostOnly.has(name);
}
