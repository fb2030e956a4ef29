// The documents these reports cite most, with their exact titles, as data: a citation whose key words match one of
// them but whose title or years differ is flagged by the wrong-document-name check.
export type CitedDocument = { title: string; keys: string[] };

export const CITED_DOCUMENTS: CitedDocument[] = [
  { title: '法治政府建设实施纲要（2021—2025年）', keys: ['法治政府建设实施纲要'] },
  { title: '法治中国建设规划（2020—2025年）', keys: ['法治中国建设规划'] },
  { title: '法治社会建设实施纲要（2020—2025年）', keys: ['法治社会建设实施纲要'] },
  { title: '党政主要负责人履行推进法治建设第一责任人职责规定', keys: ['推进法治建设第一责任人职责'] },
  { title: '法治政府建设与责任落实督察工作规定', keys: ['法治政府建设', '督察工作规定'] },
  { title: '重大行政决策程序暂行条例', keys: ['重大行政决策程序'] },
];
