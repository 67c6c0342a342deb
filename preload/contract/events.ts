import { z } from 'zod';
import { CheckVerdictSchema } from './arrival-check.ts';
import { issuingEvents } from './issuing.ts';
import { lockEvents } from './lock.ts';
import { ocrEvents } from './ocr.ts';
import { overviewEvents } from './overview.ts';
import { profileStartEvents } from './profile-start.ts';
import { registersEvents } from './registers.ts';
import { signingEvents } from './signing.ts';
import { syncEventSchemas } from './sync.ts';
import { tokensEvents } from './tokens.ts';

/**
 * Events main pushes to the renderer (no reply). Each feature adds its own entries here
 * next to its channels; payloads are validated in the renderer-facing bridge.
 */
export const eventSchemas = {
  'app.notice': z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** A desktop notification about this document was clicked: the renderer opens it. */
  'app.openDocument': z.object({ documentId: z.string().min(1) }),
  /** An arriving document was checked in the background; the incoming list shows the verdict. */
  'incoming.checked': z.object({ id: z.string(), verdict: CheckVerdictSchema }),
  ...tokensEvents,
  ...syncEventSchemas,
  ...signingEvents,
  ...issuingEvents,
  ...lockEvents,
  ...registersEvents,
  ...overviewEvents,
  ...ocrEvents,
  ...profileStartEvents,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
