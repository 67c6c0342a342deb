import type { ApiClient } from './api-client.ts';
import type { Awaitable, FileSink, RegisterFeedFile } from './ports.ts';
import { downloadFile } from './transfer.ts';

/** The store's side: a replica's files by hash, and recording them once their bytes are here. */
export interface ReplicaFileStore {
  replicaFiles(documentId: string): Awaitable<readonly RegisterFeedFile[]>;
  keepReplicaFiles(documentId: string): Awaitable<string | null>;
}

/**
 * Files on demand: the registers feed brings another workstation's documents as metadata and
 * hashes only; when someone opens one, its files are downloaded (resumable, checked by hash) into
 * the content store and recorded. Returns the document's file hash, null if it has none.
 */
export async function fetchReplicaFiles(
  api: ApiClient,
  store: ReplicaFileStore,
  sink: FileSink,
  documentId: string,
): Promise<string | null> {
  for (const file of await store.replicaFiles(documentId)) {
    await downloadFile(api, { sha256: file.sha256, name: file.sha256, size: file.size }, sink, () => undefined);
  }
  return store.keepReplicaFiles(documentId);
}
