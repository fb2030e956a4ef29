// The ten items a reviewer planted in a 公开稿 that the 公开前检查 let through (a line each, the kind it must be
// reported as, and the words it must name): invented numbers and names, shared by the unit and integration tests.
const FULL_WIDTH_ID = '１１０１０５１９４９１２３１００２Ｘ';
export const PLANTED: Array<[string, string, string]> = [
  ['联系电话138 1234 5678，请群众监督。', 'mobile', '138 1234 5678'],
  ['举报电话138-1234-5678。', 'mobile', '138-1234-5678'],
  [`申请人身份证号${FULL_WIDTH_ID}。`, 'id-number', FULL_WIDTH_ID],
  ['补偿款打入6222 0212 3456 7890 123。', 'bank-card', '6222 0212 3456 7890 123'],
  ['本案当事人为李明华，已依法作出处罚决定。', 'party-name', '李明华'],
  ['该户家住青山镇人民路28号3栋201室。', 'address', '青山镇人民路28号3栋201室'],
  ['秘密★1年', 'secret-marker', '秘密'],
  ['本报告附件为内部材料，请勿外传。', 'secret-marker', '内部材料'],
  ['青山镇人民政府（联系电话13912345678）', 'mobile', '13912345678'],
  ['一、2025年度法治政府建设工作（联系人王芳，电话13700001111）', 'party-name', '王芳'],
];
