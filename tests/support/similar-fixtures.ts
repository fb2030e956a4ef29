// Invented parts for the similarity tests: two townships share a paragraph of about 150 characters in part 一 with
// the figures changed and two characters altered; the third township writes its own.
export const SHARED_A =
  '我镇全年组织开展法律进村入户活动16场次，发放宣传资料3200余份，举办领导干部学法讲座4期，邀请县司法局业务骨干围绕行政复议、行政诉讼和信访法治化等内容进行专题辅导，参训干部210人次，干部职工依法行政意识和能力明显增强，基层矛盾纠纷化解率达到98%以上，群众满意度稳步提升，乡村依法治理水平持续提高。';
// The same paragraph with every figure changed and two characters altered (组织 → 积织, 明显 → 显显).
export const SHARED_B =
  '我镇全年积织开展法律进村入户活动9场次，发放宣传资料1500余份，举办领导干部学法讲座2期，邀请县司法局业务骨干围绕行政复议、行政诉讼和信访法治化等内容进行专题辅导，参训干部96人次，干部职工依法行政意识和能力显显增强，基层矛盾纠纷化解率达到95%以上，群众满意度稳步提升，乡村依法治理水平持续提高。';

export const OWN_A = '桃源镇深化“枫桥经验”，在集镇设立矛盾纠纷多元化解中心，整合派出所、司法所和人民调解委员会力量，实行一站式受理。';
export const OWN_B = '柳岸乡以“法治乡村”示范创建为抓手，推动村规民约修订完善，指导各行政村建立红白理事会和村民议事会，引导群众自我管理。';
export const DISTINCT_C =
  '石桥街道聚焦城市管理领域执法规范化，全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，对占道经营、违规广告等问题开展联合整治，整治期间共清理占道摊点312处，规范户外广告牌匾86块，处理投诉举报47件，办结率100%，辖区市容环境明显改观。同时推行柔性执法，对初次轻微违法行为依法不予处罚并加强教育引导。';

/** Part 一 of each township: its own sentence, then (for the two) the shared paragraph. */
export const PART_A = `${OWN_A}\n${SHARED_A}`;
export const PART_B = `${OWN_B}\n${SHARED_B}`;
export const PART_C = DISTINCT_C;
