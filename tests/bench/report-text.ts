// The invented report text the benchmarks measure on (tests/bench/run.ts and the rows that also run alone).

export const PARAGRAPH =
  '全年围绕法治政府建设目标任务，健全重大行政决策程序，开展行政执法案卷评查，推进“谁执法谁普法”责任制落实，组织干部学法用法，化解矛盾纠纷，法治化营商环境持续改善。';

/** An invented report of about `chars` characters in the official four-part structure. */
export function generatedReportText(chars: number): string {
  const parts = [
    '一、2025年度推进法治政府建设的主要举措和成效',
    '二、2025年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
    '三、2025年度推进法治政府建设存在的不足和原因',
    '四、2026年度推进法治政府建设的主要安排',
  ];
  const numerals = '一二三四五六七八九十';
  const head = ['关于基准镇2025年度法治政府建设情况的报告', '', '基准县人民政府：', '    2025年，基准镇坚持依法行政。现将有关情况报告如下：'];
  const perPart = Math.ceil(chars / parts.length / PARAGRAPH.length);
  const body: string[] = [];
  parts.forEach((p) => {
    body.push(p);
    for (let i = 0; i < perPart; i++) {
      if (i % 3 === 0) body.push(`（${numerals[Math.floor(i / 3) % 10]}）第${i / 3 + 1}项工作`);
      body.push(`    ${i + 1}. ${PARAGRAPH}`);
    }
  });
  return [...head, ...body, '', '中共基准镇委员会', '基准镇人民政府', '2026年1月20日'].join('\n');
}
