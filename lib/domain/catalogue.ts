// The 政府信息公开目录's classification of a township's annual report, as county sites file it: the values a county
// uses unless it sets its own (on the admin page), and the record's fixed values.

/** 主题分类 county sites give these reports (公安、安全、司法、法制), unless the county sets its own. */
export const DEFAULT_TOPIC_CATEGORY = '公安、安全、司法、法制';
/** 体裁分类 of an annual report, unless the county sets its own. */
export const DEFAULT_GENRE_CATEGORY = '工作报告';
/** 关键词 of every record: what a reader searches the county site for. */
export const RECORD_KEYWORDS = ['法治政府建设', '年度报告'];
