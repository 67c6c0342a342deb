import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { vi } from '../../i18n/vi.ts';
import { soKyHieu } from './incoming-filters.ts';
import { dateVi } from '../../shared/dates.ts';

/** The registered Phụ lục VI fields, as the register's row would show them. */
export function IncomingFacts({ document: d }: { document: IncomingDocument }) {
  const f = vi.incoming.fields;
  const rows: [string, string][] = [
    [f.soDen, d.soDenHienThi],
    [f.ngayDen, dateVi(d.ngayDen)],
    [vi.incoming.columns.state, vi.incoming.states[d.state]],
    [f.tenLoai, d.tenLoai],
    [vi.incoming.columns.soKyHieu, soKyHieu(d)],
    [f.ngayBanHanh, dateVi(d.ngayBanHanh)],
    [f.coQuanBanHanh, d.coQuanBanHanh],
    [f.nguoiKy, [d.chucVu, d.nguoiKy].filter(Boolean).join(' ')],
    [f.doKhan, vi.incoming.doKhan[d.doKhan] ?? String(d.doKhan)],
    [f.doMat, vi.incoming.doMat[d.doMat] ?? String(d.doMat)],
    [f.hanXuLy, dateVi(d.hanXuLy)],
    [f.noiNhan, d.noiNhan],
    [f.source, vi.incoming.sources[d.source]],
    [f.file, d.fileName ?? ''],
    [f.soTrang, d.soTrang === null ? '' : String(d.soTrang)],
    [f.maDinhDanhVanBan, d.maDinhDanhVanBan ?? ''],
    [f.ghiChu, d.ghiChu],
    [f.yKien, d.yKien],
  ];
  return (
    <section aria-labelledby="facts-title">
      <h3 id="facts-title">{vi.incoming.detail.facts}</h3>
      <dl className="facts">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
