import { z } from 'zod';
import { issuingEvents } from './issuing.ts';
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
  ...tokensEvents,
  ...syncEventSchemas,
  ...signingEvents,
  ...issuingEvents,
  ...registersEvents,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
