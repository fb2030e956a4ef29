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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-lo-'));
  const conf = path.join(dir, 'fonts.conf');
  fs.writeFileSync(conf, FONTS_CONF);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
    { env: { ...process.env, FONTCONFIG_FILE: conf, HOME: dir }, stdio: 'pipe', timeout: 120_000 },
  );
  const pdf = path.join(dir, path.basename(docx).replace(/\.docx$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  return pdf;
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
