// The documents these reports cite most, with their exact titles, as data. A citation is wrong only in a way listed
// here: one of a document's known wrong forms (督查 for 督察, a missing 暂行…), or its name with years no edition has.
// Anything else — a province's or a city's own 规定, 办法 or 条例, a document not listed — is left alone.
export type CitedDocument = {
  title: string;
  /** Wrong forms drafters write, compared as citationKey() reads them (no brackets, no spaces). */
  wrongForms?: string[];
  /** A document whose title ends in its years: the name before them and the editions that exist ('2021—2025'). */
  editions?: { name: string; years: string[] };
};

export const CITED_DOCUMENTS: CitedDocument[] = [
  { title: '法治政府建设实施纲要（2021—2025年）', editions: { name: '法治政府建设实施纲要', years: ['2015—2020', '2021—2025'] } },
  { title: '法治中国建设规划（2020—2025年）', editions: { name: '法治中国建设规划', years: ['2020—2025'] } },
  { title: '法治社会建设实施纲要（2020—2025年）', editions: { name: '法治社会建设实施纲要', years: ['2020—2025'] } },
  {
    title: '党政主要负责人履行推进法治建设第一责任人职责规定',
    wrongForms: [
      '党政主要负责人履行推进法治建设第一责任人职责的规定',
      '党政主要负责人推进法治建设第一责任人职责规定',
      '党政主要负责人履行法治建设第一责任人职责规定',
      '党政主要负责人履行推进法治建设第一责任人职责规定试行',
    ],
  },
  {
    title: '法治政府建设与责任落实督察工作规定',
    wrongForms: ['法治政府建设与责任落实督查工作规定', '法治政府建设与责任落实督察规定', '法治政府建设和责任落实督察工作规定', '法治政府建设与落实责任督察工作规定'],
  },
  { title: '重大行政决策程序暂行条例', wrongForms: ['重大行政决策程序条例', '重大行政决策暂行条例', '重大行政决策程序暂行规定'] },
];

/** A citation as compared: no brackets or spaces, dashes and tildes as —, "2021年—2025年" as "2021—2025年". */
export function citationKey(cited: string): string {
  return cited
    .replace(/[()（）\s\u3000]/g, '')
    .replace(/[-－–—~～]+/g, '—')
    .replace(/年—/g, '—');
}

const TITLE_KEYS = CITED_DOCUMENTS.map((doc) => citationKey(doc.title));

/** The exact title a citation should have been, or null when it is right or not known to be wrong. */
export function correctTitle(cited: string): string | null {
  const key = citationKey(cited);
  for (const [i, doc] of CITED_DOCUMENTS.entries()) {
    if (key === TITLE_KEYS[i]) return null;
    if (doc.wrongForms?.includes(key)) return doc.title;
    if (doc.editions && key.startsWith(doc.editions.name)) {
      const years = /^(\d{4})—(\d{4})年?$/.exec(key.slice(doc.editions.name.length));
      if (!years) continue;
      const span = `${years[1]}—${years[2]}`;
      if (doc.editions.years.includes(span)) return null;
      const edition = doc.editions.years.find((y) => y.endsWith(years[2]!)) ?? doc.editions.years[doc.editions.years.length - 1]!;
      return `${doc.editions.name}（${edition}年）`;
    }
  }
  return null;
}
