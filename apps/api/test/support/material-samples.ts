import { crc32 } from 'node:zlib';

/** A ZIP archive with its entries stored uncompressed: enough for a content sniffer to read. */
export function storedZip(entries: [name: string, text: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const hex = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');

function oggPage(payload: Buffer): Buffer {
  const header = Buffer.alloc(27);
  header.write('OggS', 0);
  header[5] = 2;
  header[26] = 1;
  return Buffer.concat([header, Buffer.from([payload.length]), payload]);
}

/** A small PDF that readers open (one empty page). */
export function samplePdf(text = 'MRE Academy'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** The start of a file of each material type, with the MIME type its content shows. */
export const MATERIAL_SAMPLES: { name: string; bytes: Buffer; contentType: string }[] = [
  { name: 'guide.pdf', bytes: samplePdf(), contentType: 'application/pdf' },
  {
    name: 'schéma.png',
    bytes: hex('89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489'),
    contentType: 'image/png',
  },
  {
    name: 'photo.jpg',
    bytes: hex('FFD8FFE000104A46494600010100000100010000FFD9'),
    contentType: 'image/jpeg',
  },
  {
    name: 'fiche.docx',
    bytes: storedZip([
      [
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ],
      ['word/document.xml', '<w:document/>'],
    ]),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    name: 'fiche.odt',
    bytes: storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<x/>'],
    ]),
    contentType: 'application/vnd.oasis.opendocument.text',
  },
  {
    name: 'cours.mp4',
    bytes: hex('000000186674797069736F6D0000020069736F6D69736F32'),
    contentType: 'video/mp4',
  },
  {
    name: 'cours.webm',
    bytes: hex('1A45DFA39F4286810142F7810142F2810442F381084282847765626D4287810442858102'),
    contentType: 'video/webm',
  },
  {
    name: 'podcast.mp3',
    bytes: Buffer.concat([hex('49443304000000000000'), hex('FFFB9000'), Buffer.alloc(400)]),
    contentType: 'audio/mpeg',
  },
  {
    name: 'podcast.m4a',
    bytes: hex('00000018667479704D344120000000004D34412069736F6D'),
    contentType: 'audio/x-m4a',
  },
  {
    name: 'podcast.ogg',
    bytes: oggPage(Buffer.concat([Buffer.from('\x01vorbis'), Buffer.alloc(23)])),
    contentType: 'audio/ogg',
  },
  { name: 'exercices.zip', bytes: storedZip([['notes.txt', 'bonjour']]), contentType: 'application/zip' },
];

/** A Linux program and a Windows one, to be sent under a document's name. */
export const EXECUTABLES = {
  elf: Buffer.concat([hex('7F454C46020101000000000000000000'), Buffer.alloc(64)]),
  windows: Buffer.concat([
    Buffer.from('MZ'),
    Buffer.alloc(0x3a),
    hex('80000000'),
    Buffer.alloc(0x40),
    Buffer.from('PE\0\0'),
    Buffer.alloc(200),
  ]),
};

const WORD_CLSID = '00020906-0000-0000-c000-000000000046';
const MSI_CLSID = '000c1084-0000-0000-c000-000000000046';

function clsidBytes(clsid: string): Buffer {
  const [d1, d2, d3, d4, d5] = clsid.split('-');
  const bytes = Buffer.alloc(16);
  bytes.writeUInt32LE(parseInt(d1, 16), 0);
  bytes.writeUInt16LE(parseInt(d2, 16), 4);
  bytes.writeUInt16LE(parseInt(d3, 16), 6);
  Buffer.from(d4 + d5, 'hex').copy(bytes, 8);
  return bytes;
}

/**
 * A Compound File Binary container (version 3, 512-byte sectors): its header, one FAT sector and one
 * directory sector with the root entry (of class `rootClsid`) and up to three empty streams.
 */
export function compoundFile(rootClsid: string, streams: string[]): Buffer {
  const header = Buffer.alloc(512, 0xff);
  hex('D0CF11E0A1B11AE1').copy(header, 0);
  header.fill(0, 8, 0x4c);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector…
  header.writeUInt32LE(1, 0x30); // …and the directory in sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, index) => {
    const entry = directory.subarray(index * 128, (index + 1) * 128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 0x40);
    entry[0x42] = index === 0 ? 5 : 2;
    entry[0x43] = 1;
    entry.writeUInt32LE(0xffffffff, 0x44);
    entry.writeUInt32LE(index < streams.length ? index + 1 : 0xffffffff, 0x48);
    entry.writeUInt32LE(index === 0 && streams.length ? 1 : 0xffffffff, 0x4c);
    if (index === 0) clsidBytes(rootClsid).copy(entry, 0x50);
    entry.writeUInt32LE(0xfffffffe, 0x74);
  });
  return Buffer.concat([header, fat, directory]);
}

/** A Word 97-2003 document, and a Windows Installer package: both Compound File Binary containers. */
export const COMPOUND_FILES = {
  word: compoundFile(WORD_CLSID, ['WordDocument', '\u0001CompObj', '1Table']),
  installer: compoundFile(MSI_CLSID, ['\u0005SummaryInformation', '\u4840\u3f3f\u4577\u6c3f']),
  /** An installer that also carries a stream named like Word's: its root class still gives it away. */
  installerWithWordStream: compoundFile(MSI_CLSID, ['WordDocument']),
};
