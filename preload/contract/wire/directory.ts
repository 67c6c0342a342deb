import { z } from 'zod';

/** One organization of the directory (recipients are named by mã định danh). */
export const OrganizationSchema = z.looseObject({ maDinhDanh: z.string(), ten: z.string() });
export type DirectoryEntry = z.infer<typeof OrganizationSchema>;

/** `GET /v1/organizations`: changes after a cursor. */
export const OrganizationsPageSchema = z.looseObject({ items: z.array(OrganizationSchema), nextCursor: z.string() });

/**
 * `GET /v1/calendar`: the years' announced holiday arrangements. The items are checked by the
 * workstation's importer (preload/contract/calendar.ts), which refuses one year without failing the round.
 */
export const CalendarPageSchema = z.looseObject({ items: z.array(z.unknown()) });
