import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { formatSoKyHieu } from '../../domain/so-ky-hieu.ts';
import type { StoreContext } from './store-context.ts';

/** The server learns a registration (provisional → final there) through the outbox, like any change. */
export function enqueueRegistration(
  ctx: StoreContext,
  document: IncomingDocument,
  registerId: string,
  now: Date,
): void {
  ctx.outbox.enqueue(
    {
      kind: 'incoming.register',
      key: document.id,
      payload: {
        documentId: document.id,
        registerId,
        soDen: document.soDen,
        soDenTam: document.soDenTam,
        ngayDen: document.ngayDen,
        maDinhDanhVanBan: document.maDinhDanhVanBan,
        soKyHieu: formatSoKyHieu(document.so, document.kyHieu),
        coQuanBanHanh: document.coQuanBanHanh,
        trichYeu: document.trichYeu,
        fileSha256: document.fileSha256,
        source: document.source,
        metadata: {
          tenLoai: document.tenLoai,
          ngayBanHanh: document.ngayBanHanh,
          maCoQuanBanHanh: document.maCoQuanBanHanh,
          nguoiKy: document.nguoiKy,
          chucVu: document.chucVu,
          doKhan: document.doKhan,
          doMat: document.doMat,
          soTrang: document.soTrang,
        },
      },
    },
    now,
  );
}
