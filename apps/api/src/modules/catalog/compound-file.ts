/**
 * What a Compound File Binary container (MS-CFB) holds, read from the start of the file: Word,
 * Excel and PowerPoint 97-2003 files are such containers, and so are Windows Installer packages
 * (.msi, .msp, .mst), which must not pass for a course document.
 */

/** The streams that make a file a Word, Excel (Workbook, or Book for Excel 5) or PowerPoint document. */
const OFFICE_STREAMS = new Set(['WordDocument', 'Workbook', 'Book', 'PowerPoint Document']);

/** Windows Installer's class ids on the root entry: 000C1084 a package, 000C1086 a patch, 000C1082 a transform. */
const INSTALLER_CLSID = /^000c108[0-9a-f]-0000-0000-c000-000000000046$/;

const LAST_REGULAR_SECTOR = 0xfffffff9;
const ENTRY_SIZE = 128;
/** Bounds the walk of a crafted file whose directory chain loops or never ends. */
const MAX_DIRECTORY_SECTORS = 64;

export type CompoundFileKind = 'office' | 'installer' | 'other';

interface DirectoryEntry {
  name: string;
  type: number;
  clsid: string;
}

function clsidAt(bytes: Buffer, offset: number): string {
  const hex = (start: number, end: number) => bytes.subarray(offset + start, offset + end).toString('hex');
  return [
    bytes.readUInt32LE(offset).toString(16).padStart(8, '0'),
    bytes
      .readUInt16LE(offset + 4)
      .toString(16)
      .padStart(4, '0'),
    bytes
      .readUInt16LE(offset + 6)
      .toString(16)
      .padStart(4, '0'),
    hex(8, 10),
    hex(10, 16),
  ].join('-');
}

/**
 * The directory entries found within `head` (the root entry first), following the directory's
 * sector chain through the FAT sectors the header lists; those past `head` are not read.
 */
function directoryEntries(head: Buffer): DirectoryEntry[] {
  if (head.length < 512) return [];
  const shift = head.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = head.readUInt32LE(0x4c + 4 * i);
    if (sector > LAST_REGULAR_SECTOR) break;
    fatSectors.push(sector);
  }
  const nextSector = (sector: number): number | null => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) return null;
    const offset = offsetOf(fatSector) + (sector % perSector) * 4;
    return offset + 4 <= head.length ? head.readUInt32LE(offset) : null;
  };

  const entries: DirectoryEntry[] = [];
  const visited = new Set<number>();
  let sector: number | null = head.readUInt32LE(0x30);
  while (sector !== null && sector <= LAST_REGULAR_SECTOR && !visited.has(sector)) {
    if (visited.size >= MAX_DIRECTORY_SECTORS) break;
    visited.add(sector);
    const start = offsetOf(sector);
    if (start + sectorSize > head.length) break;
    for (let offset = start; offset < start + sectorSize; offset += ENTRY_SIZE) {
      const type = head[offset + 0x42];
      if (type === 0) continue;
      const nameBytes = Math.min(64, head.readUInt16LE(offset + 0x40));
      entries.push({
        name: head.toString('utf16le', offset, offset + Math.max(0, nameBytes - 2)),
        type,
        clsid: clsidAt(head, offset + 0x50),
      });
    }
    sector = nextSector(sector);
  }
  return entries;
}

/**
 * An installer when the root entry says so; an Office document when it holds a Word, Excel or
 * PowerPoint stream; anything else (other containers, or a directory past the bytes read) is other.
 */
export function compoundFileKind(head: Buffer): CompoundFileKind {
  const entries = directoryEntries(head);
  const root = entries.find((entry) => entry.type === 5);
  if (root && INSTALLER_CLSID.test(root.clsid)) return 'installer';
  return entries.some((entry) => entry.type === 2 && OFFICE_STREAMS.has(entry.name)) ? 'office' : 'other';
}
