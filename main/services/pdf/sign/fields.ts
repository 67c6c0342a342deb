/** Names of the fields the issuing flow creates in its prepare revision (glossary spellings). */
export const FIELD_SO_KY_HIEU = 'SoKyHieu';
export const FIELD_NGAY_BAN_HANH = 'NgayBanHanh';
