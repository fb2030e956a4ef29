// Zip files written by hand for the zip-bomb tests: zlib's native deflate builds a 2 GB bomb in a moment, and the
// declared uncompressed size can be set lower than the real one, as a hostile file would.
import zlib from 'node:zlib';

function header(length: number, fields: Array<[offset: number, width: 2 | 4, value: number]>): Buffer {
  const b = Buffer.alloc(length);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/**
 * A .docx-shaped zip written by hand (zlib's native deflate, so building a 200 MB bomb takes a moment), optionally
 * declaring a smaller uncompressed size than the data really inflates to, as a hostile file would.
 */
export function zipOf(entries: Array<{ name: string; data: Buffer; declare?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = zlib.deflateRawSync(e.data, { level: 1 });
    const crc = zlib.crc32(e.data);
    const size = e.declare ?? e.data.length;
    // Local file header and central directory entry: [offset, byte width, value] per field (APPNOTE 4.3.7, 4.3.12).
    const local = header(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], [14, 4, crc], [18, 4, packed.length], [22, 4, size], [26, 2, name.length]]);
    const central = header(46, [
      [0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], [16, 4, crc], [20, 4, packed.length], [24, 4, size], [28, 2, name.length], [42, 4, offset],
    ]);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export function bombDocx(inflated: number, declare?: number): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'word/document.xml', data: Buffer.alloc(inflated, 0x20), declare },
  ]);
}
