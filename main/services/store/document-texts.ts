import type { StoreContext } from './store-context.ts';

/** Text read from a stored file (today: OCR of a scan), for search and for reading back. */
export interface DocumentText {
  readonly sha256: string;
  readonly source: 'ocr';
  readonly text: string;
  readonly pages: number;
  /** Mean OCR word confidence, 0–100. */
  readonly confidence: number;
}

/**
 * Keeps the text beside the file it was read from; reading the same file again replaces it.
 * The search index follows through the triggers of migration 016.
 */
export function saveDocumentText(ctx: StoreContext, text: DocumentText): void {
  ctx.db
    .prepare(
      `INSERT INTO document_texts (sha256, source, text, pages, confidence, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET source = excluded.source, text = excluded.text, pages = excluded.pages,
         confidence = excluded.confidence, created_at = excluded.created_at`,
    )
    .run(text.sha256, text.source, text.text, text.pages, text.confidence, ctx.clock().toISOString());
}

export function documentText(ctx: StoreContext, sha256: string): DocumentText | null {
  const row = ctx.db
    .prepare(`SELECT sha256, source, text, pages, confidence FROM document_texts WHERE sha256 = ?`)
    .get(sha256) as DocumentText | undefined;
  return row ?? null;
}
