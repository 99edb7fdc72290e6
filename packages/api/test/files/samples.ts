import { crc32, deflateRawSync } from 'node:zlib';

/** Minimal but real file samples, built byte by byte (no binary fixtures in the repository). */

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const be32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function pdf(body = 'BT /F1 12 Tf (hello) Tj ET'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n` +
      `2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n` +
      `3 0 obj <</Length ${body.length}>> stream\n${body}\nendstream endobj\n` +
      `trailer <</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export function png(): Buffer {
  const ihdr = Buffer.concat([be32(1), be32(1), Buffer.from([8, 6, 0, 0, 0])]);
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    return Buffer.concat([be32(data.length), typed, be32(crc32(typed))]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function webp(): Buffer {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x88, 0x88, 0x08, 0x08]);
  const body = Buffer.concat([Buffer.from('WEBPVP8L', 'latin1'), u32(vp8l.length), vp8l]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32(body.length), body]);
}

/** An ISO-BMFF file starting with `ftyp <major> 0 <compatible…>`, then an empty `meta` box. */
export function isoBmff(major: string, compatible: string[]): Buffer {
  const brands = Buffer.from([major, '\0\0\0\0', ...compatible].join(''), 'latin1');
  const ftyp = Buffer.concat([be32(8 + brands.length), Buffer.from('ftyp', 'latin1'), brands]);
  return Buffer.concat([ftyp, be32(12), Buffer.from('meta', 'latin1'), be32(0)]);
}

/** An iPhone photo's header. */
export const heic = () => isoBmff('heic', ['mif1', 'heic']);

/** A real ZIP (deflated entries, CRCs, central directory) of the given entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content, 'utf8');
    const data = deflateRawSync(raw);
    const fileName = Buffer.from(name, 'utf8');
    const common = Buffer.concat([
      u16(20), // version needed
      u16(0x0800), // UTF-8 names
      u16(8), // deflate
      u16(0),
      u16(0x5b21), // time, date
      u32(crc32(raw)),
      u32(data.length),
      u32(raw.length),
      u16(fileName.length),
      u16(0), // extra
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, fileName, data]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20), // version made by
        common,
        u16(0), // comment
        u16(0), // disk
        u16(0), // internal attributes
        u32(0), // external attributes
        u32(offset),
        fileName,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const eocd = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(centrals.length),
    u16(centrals.length),
    u32(central.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, central, eocd]);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0"?><Relationships/>';

export function docx(extra: Record<string, string> = {}): Buffer {
  return zip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml':
      '<w:document><w:body><w:p><w:r><w:t>合同</w:t></w:r></w:p></w:body></w:document>',
    ...extra,
  });
}

export function xlsx(): Buffer {
  return zip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': '<worksheet/>',
  });
}

export function pptx(): Buffer {
  return zip({ '[Content_Types].xml': CONTENT_TYPES, 'ppt/presentation.xml': '<p/>' });
}

/** What a Windows program starts with: "MZ", the DOS stub, "PE\0\0". */
export function exe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export function html(): Buffer {
  return Buffer.from(
    '<!doctype html><html><body><script>alert(document.cookie)</script>%PDF-1.4</body></html>',
  );
}

/** A Word 97-2003 file (OLE2 compound document) header. */
export function legacyDoc(): Buffer {
  const b = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  return b;
}
