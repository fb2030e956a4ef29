// Document tooling for the tests: LibreOffice with the official fonts aliased to Noto CJK, and poppler.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// The official fonts are licensed and not in Debian; Noto CJK stands in for them when rendering.
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体', '宋体']
    .map((f) => `<alias binding="same"><family>${f}</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>`)
    .join('\n  ')}
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
`;

/** Converts a .docx to PDF with LibreOffice; returns the PDF's path. */
export function docxToPdf(docx: string): string {
  return docxToPdfs([docx])[0]!;
}

/** Converts .docx files (of different names) to PDF with one start of LibreOffice; returns the PDFs' paths in order. */
export function docxToPdfs(docxs: string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lo-'));
  const conf = path.join(dir, 'fonts.conf');
  fs.writeFileSync(conf, FONTS_CONF);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docxs],
    { env: { ...process.env, FONTCONFIG_FILE: conf, HOME: dir }, stdio: 'pipe', timeout: 60_000 + 10_000 * docxs.length },
  );
  return docxs.map((docx) => {
    const pdf = path.join(dir, path.basename(docx).replace(/\.docx$/, '.pdf'));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
    return pdf;
  });
}

export function pdfInfo(pdf: string): { pages: number; pageSize: string } {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), pageSize: /Page size:\s+(.+)/.exec(out)?.[1]?.trim() ?? '' };
}

export function pdfPageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
}

/** Renders one page to PNG for looking at; returns the PNG path. */
export function pdfPageToPng(pdf: string, page: number, outBase: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
  return `${outBase}.png`;
}

/** A word poppler found on a page, with its box in points from the page's top left. */
export type PdfWord = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** The words of one page with their boxes (pdftotext -bbox), in reading order. */
export function pdfPageWords(pdf: string, page: number): PdfWord[] {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  }));
}

/** One page as grey pixels (0 black … 255 white), `dpi` pixels an inch, row by row. */
export function pdfPageGray(pdf: string, page: number, dpi: number): { width: number; height: number; pixels: Buffer } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf], { maxBuffer: 256 * 1024 * 1024 });
  // Binary PGM (P5): magic, width, height, maxval separated by white space, then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: pgm.subarray(header[0].length, header[0].length + width * height) };
}
