// Reads a .docx (a zip) without trusting it: entry count and sizes are checked in the central directory first, every
// entry is inflated under a running byte count that stops at the limit (a directory that lies about sizes is caught
// while inflating), and what passed is handed on as an uncompressed zip, so the Word reader inflates nothing itself.
import JSZip from 'jszip';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '@/lib/shared/errors';
import { limit, overLimit } from '@/lib/shared/limits';

const BROKEN = '无法读取这个 Word 文件，它可能已损坏。请在 Word 或 WPS 中打开并另存为 .docx 后重试。';

/** Parts a text import never reads (pictures, fonts, embedded files): skipped without being inflated. */
function skipped(name: string): boolean {
  return /^word\/(media|embeddings|fonts)\//i.test(name) || /\.(png|jpe?g|gif|bmp|emf|wmf|tiff?|bin|odttf|ttf)$/i.test(name);
}

function open(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err) : resolve(zip),
    ),
  );
}

function readEntry(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(overLimit('uploadInflatedBytes'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Bytes an author name may take as written (entities and three-byte characters included) before it is cut here. */
const AUTHOR_BYTES_PER_CHAR = 36;

// An author attribute (w:author="…" or '…', whatever its namespace prefix), matched over the bytes read as latin1,
// which keeps each byte one character, so the XML is neither decoded nor re-encoded.
// XML's own white space only (\s would also take byte 0xA0, a UTF-8 continuation byte, for a space).
const AUTHOR_ATTR = /([ \t\r\n](?:[A-Za-z_][\w.-]*:)?author[ \t\r\n]*=[ \t\r\n]*)(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * An XML part with every author name longer than `maxBytes` cut to about that (never inside a UTF-8 character or an
 * entity): names of 120,000 characters would otherwise be copied by every later step (the stored zip, its reading,
 * the decoded text, the parsed tree). The readers then cut (import) or refuse (a returned file) what is still longer
 * than revisionAuthorChars. The part comes back as it was when no name was that long.
 */
export function cutLongAuthors(xml: Buffer, maxBytes: number): Buffer {
  const bytes = xml.toString('latin1');
  let changed = false;
  AUTHOR_ATTR.lastIndex = 0;
  const out = bytes.replace(AUTHOR_ATTR, (whole: string, head: string, dq: string | undefined, sq: string | undefined) => {
    const value = dq ?? sq ?? '';
    if (value.length <= maxBytes) return whole;
    changed = true;
    let end = maxBytes;
    // Back to the first byte of the character the cut falls in (continuation bytes are 10xxxxxx).
    while (end > 0 && (value.charCodeAt(end) & 0xc0) === 0x80) end--;
    const q = dq === undefined ? "'" : '"';
    return `${head}${q}${value.slice(0, end).replace(/&[^;]*$/, '')}${q}`;
  });
  return changed ? Buffer.from(out, 'latin1') : xml;
}

/** The .docx rebuilt from its checked text parts, stored without compression; a 4xx AppError for anything else. */
export async function inflateDocxSafely(buf: Buffer): Promise<Buffer> {
  let zip: ZipFile;
  try {
    zip = await open(buf);
  } catch {
    throw new AppError('bad_request', BROKEN);
  }
  if (zip.entryCount > limit('uploadEntries')) {
    zip.close();
    throw overLimit('uploadEntries');
  }
  const out = new JSZip();
  const budget = { left: limit('uploadInflatedBytes') };
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/') || skipped(entry.fileName)) return zip.readEntry();
        declared += entry.uncompressedSize;
        if (declared > limit('uploadInflatedBytes')) return reject(overLimit('uploadInflatedBytes'));
        readEntry(zip, entry, budget).then((data) => {
          out.file(entry.fileName, /\.xml$/i.test(entry.fileName) ? cutLongAuthors(data, AUTHOR_BYTES_PER_CHAR * limit('revisionAuthorChars')) : data);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    if (e instanceof AppError) throw e;
    throw new AppError('bad_request', BROKEN);
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/**
 * A part of the (checked) .docx as text, or null when it is missing: decoded by Node's native UTF-8 decoder, which
 * for a document.xml of several megabytes is much faster and leaves less garbage than JSZip's own string decoding.
 */
export async function xmlOf(zip: JSZip, name: string): Promise<string | null> {
  const entry = zip.file(name);
  return entry ? (await entry.async('nodebuffer')).toString('utf8') : null;
}
