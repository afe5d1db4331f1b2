//! ZIP archives: a minimal writer (stored entries, no compression) for downloads made of
//! several files — the coordinator's assignment files, the parts of an .xlsx workbook, a
//! unit's .zip bundle and the coordinator's evidence package — and a reader ([`read`])
//! for bundles, including zips made by other tools (deflate, data descriptors, CP437
//! names), that refuses hostile archives cleanly.
//!
//! The writer stores and does not compress: the files inside are small JSON/XML or
//! documents that are already compressed (PDF, JPEG/PNG, Office files are zips
//! themselves), where deflate would gain a few percent for a compressor's weight in the
//! wasm and its time on a phone. Every reader (Windows Explorer, Excel, LibreOffice,
//! unzip) accepts stored entries. Format: PKWARE APPNOTE 6.3.x, sections 4.3.7 (local
//! header), 4.3.12 (central directory) and 4.3.16 (end of central directory).

mod inflate;
pub mod read;

pub use inflate::{inflate, InflateError};
pub use read::{Limits, ZipArchive, ZipEntry, ZipError};

/// The CRC-32 table (IEEE 802.3, reflected polynomial 0xEDB88320), built at compile time:
/// a byte at a time is about eight times faster than a bit at a time, which matters for
/// hundreds of MB of documents.
const CRC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// CRC-32 fed in pieces (large documents are checked a slice at a time).
#[derive(Clone, Copy)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Crc32 {
        Crc32(0xFFFF_FFFF)
    }
}

impl Crc32 {
    pub fn update(&mut self, data: &[u8]) {
        let mut c = self.0;
        for &b in data {
            c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }

    pub fn finish(self) -> u32 {
        !self.0
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP requires.
pub fn crc32(data: &[u8]) -> u32 {
    let mut c = Crc32::default();
    c.update(data);
    c.finish()
}

/// A ZIP archive written as a stream of pieces: a local header per entry (the caller
/// sends the entry's bytes right after it), then the central directory. The pieces can
/// be joined in a browser `Blob` without ever copying large documents into one buffer.
#[derive(Default)]
pub struct ZipStream {
    offset: u64,
    central: Vec<u8>,
    count: u16,
}

/// Why an archive cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteError {
    /// Past 4 GB or 65,535 entries, which need ZIP64 (not written, see [`read`]).
    TooLarge,
}

impl ZipStream {
    /// The local header of the next entry, whose data (`size` bytes with CRC `crc`)
    /// follows it. `name` uses `/` for folders; UTF-8 names are flagged as such.
    pub fn entry(&mut self, name: &str, crc: u32, size: u64) -> Result<Vec<u8>, WriteError> {
        let offset = u32::try_from(self.offset).map_err(|_| WriteError::TooLarge)?;
        let size = u32::try_from(size).map_err(|_| WriteError::TooLarge)?;
        let count = self.count.checked_add(1).ok_or(WriteError::TooLarge)?;
        let name_bytes = name.as_bytes();
        // Fixed DOS date 2026-01-01 00:00: the archive is reproducible byte for byte.
        let (time, date) = (0u16, ((2026 - 1980) << 9 | 1 << 5 | 1) as u16);
        let flags: u16 = 1 << 11; // names are UTF-8

        let mut local = Vec::with_capacity(30 + name_bytes.len());
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        local.extend_from_slice(&20u16.to_le_bytes()); // version needed
        local.extend_from_slice(&flags.to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes()); // stored
        local.extend_from_slice(&time.to_le_bytes());
        local.extend_from_slice(&date.to_le_bytes());
        local.extend_from_slice(&crc.to_le_bytes());
        local.extend_from_slice(&size.to_le_bytes()); // compressed
        local.extend_from_slice(&size.to_le_bytes()); // uncompressed
        local.extend_from_slice(&(name_bytes.len() as u16).to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes()); // extra length
        local.extend_from_slice(name_bytes);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes()); // version made by
        c.extend_from_slice(&20u16.to_le_bytes()); // version needed
        c.extend_from_slice(&flags.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes());
        c.extend_from_slice(&time.to_le_bytes());
        c.extend_from_slice(&date.to_le_bytes());
        c.extend_from_slice(&crc.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&size.to_le_bytes());
        c.extend_from_slice(&(name_bytes.len() as u16).to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes()); // extra
        c.extend_from_slice(&0u16.to_le_bytes()); // comment
        c.extend_from_slice(&0u16.to_le_bytes()); // disk
        c.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        c.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name_bytes);
        self.count = count;
        self.offset += local.len() as u64 + size as u64;
        Ok(local)
    }

    /// The central directory and its end record: the archive's last piece.
    pub fn finish(self) -> Result<Vec<u8>, WriteError> {
        let cd_offset = u32::try_from(self.offset).map_err(|_| WriteError::TooLarge)?;
        let cd_size = self.central.len() as u32;
        let mut out = self.central;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // this disk
        out.extend_from_slice(&0u16.to_le_bytes()); // disk with the directory
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&cd_size.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        Ok(out)
    }
}

/// Builds a small ZIP archive in memory (assignment files, xlsx parts, tests).
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    stream: ZipStream,
}

impl ZipWriter {
    pub fn new() -> ZipWriter {
        ZipWriter::default()
    }

    /// Adds a file. `name` uses `/` for folders; UTF-8 names are flagged as such. Entries
    /// past the ZIP limits (4 GB, 65,535 entries) are left out: what this writer is used
    /// for stays far below them.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        if let Ok(header) = self.stream.entry(name, crc32(data), data.len() as u64) {
            self.out.extend_from_slice(&header);
            self.out.extend_from_slice(data);
        }
    }

    /// The finished archive.
    pub fn finish(mut self) -> Vec<u8> {
        if let Ok(tail) = self.stream.finish() {
            self.out.extend_from_slice(&tail);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The CRC-32 check value of "123456789" is 0xCBF43926 (every CRC catalogue lists it).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        let mut c = Crc32::default();
        c.update(b"1234");
        c.update(b"56789");
        assert_eq!(c.finish(), 0xCBF4_3926, "in pieces as at once");
    }

    #[test]
    fn archive_has_headers_entries_and_directory() {
        let mut z = ZipWriter::new();
        z.add("a.json", b"{}");
        z.add("folder/b.txt", "héllo".as_bytes());
        let bytes = z.finish();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        let eocd = &bytes[bytes.len() - 22..];
        assert_eq!(&eocd[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([eocd[10], eocd[11]]), 2, "two entries");
        let cd_offset = u32::from_le_bytes([eocd[16], eocd[17], eocd[18], eocd[19]]) as usize;
        assert_eq!(&bytes[cd_offset..cd_offset + 4], b"PK\x01\x02");
        // The first entry's data follows its 30-byte header and name.
        assert_eq!(&bytes[30 + 6..30 + 6 + 2], b"{}");
    }
}
