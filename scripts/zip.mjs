// A small ZIP writer for the release copy (swanilai-<version>.zip): deflate from node's
// zlib, CRC-32 from zlib.crc32, no dependency and no `zip` binary needed on the build
// machine. Entries get a fixed date (1 January 2026), so the same dist/ gives the same
// zip bytes. Checked against Python's zipfile and Info-ZIP's unzip in
// tests/zip.test.mjs.
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

// MS-DOS date and time of 2026-01-01 00:00:00.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** The zip of `entries` ({ name, data: Buffer }) as one Buffer. */
export function zipBytes(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    // Store what deflate would not shrink (PNG icons, the .gz and .br copies).
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const common = (h, at) => {
      h.writeUInt16LE(20, at); // version needed to extract: 2.0
      h.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
      h.writeUInt16LE(stored ? 0 : 8, at + 4); // method: stored or deflate
      h.writeUInt16LE(DOS_TIME, at + 6);
      h.writeUInt16LE(DOS_DATE, at + 8);
      h.writeUInt32LE(crc, at + 10);
      h.writeUInt32LE(body.length, at + 14);
      h.writeUInt32LE(data.length, at + 18);
      h.writeUInt16LE(nameBytes.length, at + 22);
      h.writeUInt16LE(0, at + 24); // extra field length
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0 (so the mode below counts)
    common(central, 6);
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  if (entries.length > 0xffff || offset + centralSize > 0xffffffff) throw new Error('zip too large for this writer (no ZIP64)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export function writeZip(path, entries) {
  writeFileSync(path, zipBytes(entries));
}
