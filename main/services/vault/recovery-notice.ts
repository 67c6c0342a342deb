/** The recovery key as it is shown once: two lines of four groups, easy to copy by hand. */
export function recoveryKeyNotice(recoveryKey: string): string {
  const groups = recoveryKey.split('-');
  return [
    'KHÓA KHÔI PHỤC — chỉ hiện một lần. In ra hoặc chép tay, cất nơi an toàn, không lưu trên máy này:',
    '',
    `    ${groups.slice(0, 4).join('-')}`,
    `    ${groups.slice(4).join('-')}`,
    '',
    'Cần khóa này để mở hồ sơ trên máy khác hoặc khi mất khóa trên máy này (vanthu unlock),',
    'và để khôi phục bản sao lưu (vanthu restore).',
    '',
  ].join('\n');
}
