// Builds a .docx whose headings are numbered by Word's automatic numbering (numbering.xml: 一、 （一） 1.), as Word and
// WPS write it: the numbers are not in the paragraphs' text. Each line is plain text, or [level, text] for a numbered one.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

export type DocxLine = string | [0 | 1 | 2, string];

export async function numberedDocx(lines: DocxLine[]): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: lines.map((l) =>
          typeof l === 'string'
            ? new Paragraph({ children: [new TextRun(l)] })
            : new Paragraph({ numbering: { reference: 'report', level: l[0] }, children: [new TextRun(l[1])] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
