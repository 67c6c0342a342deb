import { vi } from '../../i18n/vi.ts';
import { hrefOf, type SectionId } from '../frame/routes.ts';
import type { ListPreset } from './list-preset.ts';

/** Says the list is filtered from Tổng quan, with the way back to the whole list. */
export function PresetNotice({ preset, section }: { preset: ListPreset | undefined; section: SectionId }) {
  if (preset === undefined) {
    return null;
  }
  return (
    <p className="notice" role="status" data-testid="preset-notice">
      {vi.work.due.filtered} <a href={hrefOf(section)}>{vi.work.due.showAll}</a>
    </p>
  );
}
