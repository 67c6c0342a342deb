import { viOffice } from '../../i18n/vi-office.ts';
import { vi } from '../../i18n/vi.ts';

export const SECTION_IDS = [
  'home',
  'incoming',
  'outgoing',
  'signing',
  'registers',
  'sync',
  'settings',
  'queue',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface Section {
  readonly id: SectionId;
  /** The address fragment a user can bookmark or type, Vietnamese without diacritics. */
  readonly slug: string;
  readonly label: string;
  /** Alt + this digit opens the section from anywhere. */
  readonly key: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'home', slug: '', label: vi.nav.home, key: '0' },
  { id: 'incoming', slug: 'van-ban-den', label: vi.nav.incoming, key: '1' },
  { id: 'outgoing', slug: 'van-ban-di', label: vi.nav.outgoing, key: '2' },
  { id: 'signing', slug: 'ky-duyet', label: vi.nav.signing, key: '3' },
  { id: 'registers', slug: 'so-dang-ky', label: vi.nav.registers, key: '4' },
  { id: 'sync', slug: 'dong-bo', label: vi.nav.sync, key: '5' },
  { id: 'settings', slug: 'cai-dat', label: vi.nav.settings, key: '6' },
  { id: 'queue', slug: 'hang-doi', label: viOffice.nav, key: '7' },
];

export interface Route {
  readonly section: SectionId;
  /** What follows the section in the address, e.g. a document id or `moi` for a new one. */
  readonly rest: readonly string[];
}

/** `#/van-ban-den/0192…` → { section: 'incoming', rest: ['0192…'] }; anything unknown is home. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const section = SECTIONS.find((s) => s.slug !== '' && s.slug === parts[0]);
  return section === undefined ? { section: 'home', rest: [] } : { section: section.id, rest: parts.slice(1) };
}

export function hrefOf(section: SectionId, ...rest: readonly string[]): string {
  const slug = SECTIONS.find((s) => s.id === section)?.slug ?? '';
  return `#/${[slug, ...rest.map(encodeURIComponent)].filter(Boolean).join('/')}`;
}
