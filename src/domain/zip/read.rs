//! Reading a ZIP archive from its bytes, defensively: a bundle comes from another
//! person's computer and may have been made by any tool, damaged on the way, or crafted.
//!
//! What is read: the central directory (APPNOTE 4.3.12), stored (method 0) and deflated
//! (method 8) entries, data descriptors (the sizes are taken from the central directory),
//! names flagged UTF-8 (bit 11) or, unflagged, in code page 437 as Windows' "Send to
//! compressed folder" and old tools write them. Every entry's CRC-32 is checked.
//!
//! What is refused, each with its own [`ZipError`]: not a zip or cut off; split
//! (multi-disk) and ZIP64 archives (bundles stay far below 4 GB; refusing is simpler and
//! safer than a second size format); encrypted entries; methods other than store and
//! deflate; names that could write outside a folder (`../`, absolute, backslashes, drive
//! letters, NUL) or appear twice; and the shapes of a zip bomb — more entries, a larger
//! entry, a larger total or a higher compression ratio than [`Limits`] allow. The sizes
//! checked up front are the declared ones; inflating stops at the declared size, so a
//! lying header cannot expand further.

use super::inflate::{inflate, InflateError};
use super::Crc32;
use crate::domain::exchange::megabytes;
use crate::domain::text::{Lang, Text};
use std::borrow::Cow;

/// How much an archive may hold before it is refused as hostile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the central directory.
    pub entries: usize,
    /// Expanded size of one entry, in bytes.
    pub entry_bytes: u64,
    /// Expanded size of all entries together.
    pub total_bytes: u64,
    /// Expanded ÷ compressed, checked for entries above 1 MB (PDFs and images barely
    /// compress; text compresses perhaps 10×; a bomb a thousandfold).
    pub ratio: u64,
}

impl Limits {
    /// The limits for a bundle (a unit's answers and documents): up to 1,000 files,
    /// 100 MB each, 400 MB in all.
    pub const BUNDLE: Limits = Limits {
        entries: 1000,
        entry_bytes: 100 * 1024 * 1024,
        total_bytes: 400 * 1024 * 1024,
        ratio: 100,
    };
}

/// Below this, an entry's compression ratio is not checked.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// Why an archive or one of its entries was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// No end-of-central-directory record: not a zip, or cut off at the end.
    NotZip,
    /// A record runs past the end of the data.
    Truncated,
    /// Part of a split archive (several disks).
    MultiDisk,
    /// ZIP64 (archives past 4 GB or 65,535 entries).
    Zip64,
    TooManyEntries {
        count: usize,
        max: usize,
    },
    EntryTooLarge {
        name: String,
        size: u64,
        max: u64,
    },
    TotalTooLarge {
        size: u64,
        max: u64,
    },
    /// Expands far more than real documents do.
    Bomb {
        name: String,
        ratio: u64,
    },
    /// A name that could write outside the folder it is unpacked into.
    UnsafeName {
        name: String,
    },
    /// A name flagged UTF-8 that is not.
    BadName,
    Duplicate {
        name: String,
    },
    Encrypted {
        name: String,
    },
    Method {
        name: String,
        method: u16,
    },
    /// The entry's data cannot be read (bad local header, broken deflate stream, sizes
    /// that disagree).
    Damaged {
        name: String,
    },
    /// The data read does not match its CRC-32.
    Checksum {
        name: String,
    },
}

impl ZipError {
    pub fn message(&self) -> Text {
        let mb = megabytes;
        match self {
            ZipError::NotZip => Text::new(
                "Berkas ini bukan arsip ZIP yang utuh (mungkin terpotong saat dikirim). Minta berkasnya dikirim ulang.",
                "This file is not a complete ZIP archive (it may have been cut off in transit). Ask for it to be sent again.",
            ),
            ZipError::Truncated => Text::new(
                "Arsip ZIP ini terpotong atau rusak: isinya berakhir sebelum waktunya. Minta berkasnya dikirim ulang.",
                "This ZIP archive is cut off or damaged: it ends too early. Ask for it to be sent again.",
            ),
            ZipError::MultiDisk => Text::new(
                "Arsip ZIP ini adalah bagian dari arsip terpecah (beberapa bagian). Gabungkan menjadi satu arsip terlebih dahulu.",
                "This ZIP archive is one part of a split archive. Join the parts into one archive first.",
            ),
            ZipError::Zip64 => Text::new(
                "Arsip ZIP ini memakai format ZIP64 (untuk arsip di atas 4 GB), yang tidak dibaca Swanilai. Buat ulang arsipnya dengan isi yang lebih kecil.",
                "This ZIP archive uses the ZIP64 format (for archives above 4 GB), which Swanilai does not read. Make the archive again with less in it.",
            ),
            ZipError::TooManyEntries { count, max } => Text::new(
                format!("Arsip ZIP ini berisi {count} berkas, lebih dari batas {max}. Arsip ini ditolak demi keamanan."),
                format!("This ZIP archive holds {count} files, more than the limit of {max}. It is refused for safety."),
            ),
            ZipError::EntryTooLarge { name, size, max } => Text::new(
                format!("Berkas \"{name}\" di dalam arsip berukuran {} setelah dibuka, melebihi batas {} per berkas.", mb(*size, Lang::Id), mb(*max, Lang::Id)),
                format!("The file \"{name}\" in the archive is {} unpacked, above the limit of {} per file.", mb(*size, Lang::En), mb(*max, Lang::En)),
            ),
            ZipError::TotalTooLarge { size, max } => Text::new(
                format!("Isi arsip ZIP ini berukuran {} setelah dibuka, melebihi batas {}. Kirim dokumennya dalam beberapa arsip.", mb(*size, Lang::Id), mb(*max, Lang::Id)),
                format!("This ZIP archive unpacks to {}, above the limit of {}. Send the documents in several archives.", mb(*size, Lang::En), mb(*max, Lang::En)),
            ),
            ZipError::Bomb { name, ratio } => Text::new(
                format!("Berkas \"{name}\" di dalam arsip mengembang {ratio} kali lipat saat dibuka, jauh lebih dari dokumen sungguhan (\"bom zip\"). Arsip ini ditolak demi keamanan."),
                format!("The file \"{name}\" in the archive expands {ratio}-fold when unpacked, far more than a real document (a \"zip bomb\"). The archive is refused for safety."),
            ),
            ZipError::UnsafeName { name } => Text::new(
                format!("Nama \"{name}\" di dalam arsip menunjuk ke luar foldernya (\"../\", jalur absolut, garis miring terbalik atau huruf drive). Arsip ini ditolak demi keamanan."),
                format!("The name \"{name}\" in the archive points outside its folder (\"../\", an absolute path, a backslash or a drive letter). The archive is refused for safety."),
            ),
            ZipError::BadName => Text::new(
                "Sebuah nama berkas di dalam arsip ditandai UTF-8 tetapi bukan teks UTF-8 yang sah. Arsipnya rusak.",
                "A file name in the archive is marked UTF-8 but is not valid UTF-8. The archive is damaged.",
            ),
            ZipError::Duplicate { name } => Text::new(
                format!("Nama \"{name}\" muncul dua kali di dalam arsip; tidak jelas mana yang dimaksud. Arsip ini ditolak."),
                format!("The name \"{name}\" appears twice in the archive; it is unclear which one is meant. The archive is refused."),
            ),
            ZipError::Encrypted { name } => Text::new(
                format!("Berkas \"{name}\" di dalam arsip dienkripsi (berkata sandi). Swanilai tidak membuka arsip berkata sandi: buat arsip tanpa kata sandi."),
                format!("The file \"{name}\" in the archive is encrypted (password-protected). Swanilai does not open password-protected archives: make one without a password."),
            ),
            ZipError::Method { name, method } => Text::new(
                format!("Berkas \"{name}\" di dalam arsip dimampatkan dengan metode {method}, yang tidak dibaca Swanilai (hanya \"store\" dan \"deflate\", yang dipakai Windows, macOS dan 7-Zip secara bawaan)."),
                format!("The file \"{name}\" in the archive is compressed with method {method}, which Swanilai does not read (only store and deflate, the default of Windows, macOS and 7-Zip)."),
            ),
            ZipError::Damaged { name } => Text::new(
                format!("Berkas \"{name}\" di dalam arsip rusak dan tidak dapat dibuka."),
                format!("The file \"{name}\" in the archive is damaged and cannot be unpacked."),
            ),
            ZipError::Checksum { name } => Text::new(
                format!("Berkas \"{name}\" di dalam arsip rusak: isinya tidak cocok dengan checksum CRC-32 arsip."),
                format!("The file \"{name}\" in the archive is damaged: its content does not match the archive's CRC-32 checksum."),
            ),
        }
    }
}

/// One file of an archive, as its central directory describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry {
    /// The path inside the archive, `/` between folders.
    pub name: String,
    /// Expanded size in bytes.
    pub size: u64,
    compressed: u64,
    method: u16,
    crc: u32,
    /// Offset of the local header.
    offset: u64,
}

/// An archive whose directory has been read and checked; entries are unpacked on demand.
pub struct ZipArchive<'a> {
    bytes: &'a [u8],
    entries: Vec<ZipEntry>,
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, ZipError> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or(ZipError::Truncated)
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, ZipError> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or(ZipError::Truncated)
}

const EOCD: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

/// Characters 128–255 of code page 437 (the original IBM PC set), which ZIP names use
/// when they are not flagged UTF-8 (APPNOTE appendix D).
const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

fn cp437(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b < 128 {
                b as char
            } else {
                CP437_HIGH.chars().nth(b as usize - 128).unwrap_or('?')
            }
        })
        .collect()
}

/// Whether a name stays inside the folder it is unpacked into.
pub(crate) fn is_safe(name: &str) -> bool {
    let bytes = name.as_bytes();
    let drive = bytes.len() >= 2 && bytes[1] == b':' && bytes[0].is_ascii_alphabetic();
    !(name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || drive
        || name.split('/').any(|part| part == ".."))
}

impl<'a> ZipArchive<'a> {
    /// Reads and checks the central directory of `bytes` against `limits`.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<ZipArchive<'a>, ZipError> {
        let eocd = find_eocd(bytes)?;
        let (disk, cd_disk) = (u16_at(bytes, eocd + 4)?, u16_at(bytes, eocd + 6)?);
        let (here, total) = (u16_at(bytes, eocd + 8)?, u16_at(bytes, eocd + 10)?);
        let cd_size = u32_at(bytes, eocd + 12)?;
        let cd_offset = u32_at(bytes, eocd + 16)?;
        if (eocd >= 20 && u32_at(bytes, eocd - 20)? == ZIP64_LOCATOR)
            || total == 0xFFFF
            || cd_offset == 0xFFFF_FFFF
            || cd_size == 0xFFFF_FFFF
        {
            return Err(ZipError::Zip64);
        }
        if disk != 0 || cd_disk != 0 || here != total {
            return Err(ZipError::MultiDisk);
        }
        let count = total as usize;
        if count > limits.entries {
            return Err(ZipError::TooManyEntries {
                count,
                max: limits.entries,
            });
        }
        let mut at = cd_offset as usize;
        if at
            .checked_add(cd_size as usize)
            .is_none_or(|end| end > eocd)
        {
            return Err(ZipError::Truncated);
        }
        let mut entries: Vec<ZipEntry> = Vec::with_capacity(count);
        let mut total_bytes = 0u64;
        for _ in 0..count {
            if u32_at(bytes, at)? != CENTRAL {
                return Err(ZipError::Truncated);
            }
            let flags = u16_at(bytes, at + 8)?;
            let method = u16_at(bytes, at + 10)?;
            let crc = u32_at(bytes, at + 16)?;
            let compressed = u32_at(bytes, at + 20)?;
            let size = u32_at(bytes, at + 24)?;
            let name_len = u16_at(bytes, at + 28)? as usize;
            let extra_len = u16_at(bytes, at + 30)? as usize;
            let comment_len = u16_at(bytes, at + 32)? as usize;
            let offset = u32_at(bytes, at + 42)?;
            let raw = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or(ZipError::Truncated)?;
            at += 46 + name_len + extra_len + comment_len;
            let name = if flags & (1 << 11) != 0 {
                String::from_utf8(raw.to_vec()).map_err(|_| ZipError::BadName)?
            } else {
                cp437(raw)
            };
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                return Err(ZipError::Zip64);
            }
            if !is_safe(&name) {
                return Err(ZipError::UnsafeName { name });
            }
            // Bit 0: encrypted; bit 6: strong encryption; method 99: WinZip AES.
            if flags & 1 != 0 || flags & (1 << 6) != 0 || method == 99 {
                return Err(ZipError::Encrypted { name });
            }
            if name.ends_with('/') && size == 0 {
                continue; // a folder
            }
            if method != 0 && method != 8 {
                return Err(ZipError::Method { name, method });
            }
            let (size, compressed) = (size as u64, compressed as u64);
            if size > limits.entry_bytes {
                let max = limits.entry_bytes;
                return Err(ZipError::EntryTooLarge { name, size, max });
            }
            if size > RATIO_FLOOR && size > compressed.saturating_mul(limits.ratio) {
                let ratio = size / compressed.max(1);
                return Err(ZipError::Bomb { name, ratio });
            }
            total_bytes += size;
            if total_bytes > limits.total_bytes {
                let max = limits.total_bytes;
                return Err(ZipError::TotalTooLarge {
                    size: total_bytes,
                    max,
                });
            }
            if entries.iter().any(|e| e.name == name) {
                return Err(ZipError::Duplicate { name });
            }
            entries.push(ZipEntry {
                name,
                size,
                compressed,
                method,
                crc,
                offset: offset as u64,
            });
        }
        Ok(ZipArchive { bytes, entries })
    }

    /// The files, in the order of the central directory (folders left out).
    pub fn entries(&self) -> &[ZipEntry] {
        &self.entries
    }

    /// The entry named exactly `name`.
    pub fn find(&self, name: &str) -> Option<&ZipEntry> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// Unpacks one entry and checks its CRC-32. A stored entry is borrowed, not copied.
    pub fn read(&self, entry: &ZipEntry) -> Result<Cow<'a, [u8]>, ZipError> {
        let damaged = || ZipError::Damaged {
            name: entry.name.clone(),
        };
        let at = entry.offset as usize;
        if u32_at(self.bytes, at).map_err(|_| damaged())? != LOCAL {
            return Err(damaged());
        }
        // The local name and extra field may differ in length from the central ones.
        let name_len = u16_at(self.bytes, at + 26).map_err(|_| damaged())? as usize;
        let extra_len = u16_at(self.bytes, at + 28).map_err(|_| damaged())? as usize;
        let start = at + 30 + name_len + extra_len;
        let data = self
            .bytes
            .get(start..start + entry.compressed as usize)
            .ok_or_else(damaged)?;
        let out: Cow<'a, [u8]> = match entry.method {
            0 if entry.compressed == entry.size => Cow::Borrowed(data),
            8 => Cow::Owned(inflate(data, entry.size as usize).map_err(|e| match e {
                InflateError::TooLarge => ZipError::Bomb {
                    name: entry.name.clone(),
                    ratio: 0,
                },
                _ => damaged(),
            })?),
            _ => return Err(damaged()),
        };
        if out.len() as u64 != entry.size {
            return Err(damaged());
        }
        let mut crc = Crc32::default();
        crc.update(&out);
        if crc.finish() != entry.crc {
            return Err(ZipError::Checksum {
                name: entry.name.clone(),
            });
        }
        Ok(out)
    }
}

/// The end-of-central-directory record: the last one whose comment ends the data.
fn find_eocd(bytes: &[u8]) -> Result<usize, ZipError> {
    if bytes.len() < 22 {
        return Err(ZipError::NotZip);
    }
    let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
    (lowest..=bytes.len() - 22)
        .rev()
        .find(|&i| {
            u32_at(bytes, i).ok() == Some(EOCD)
                && u16_at(bytes, i + 20).is_ok_and(|c| i + 22 + c as usize == bytes.len())
        })
        .ok_or(ZipError::NotZip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_their_folder_are_unsafe() {
        for bad in [
            "../x.pdf",
            "a/../../x.pdf",
            "/etc/passwd",
            "a\\b.pdf",
            "C:/x.pdf",
            "c:x",
            "",
            "a\0b",
        ] {
            assert!(!is_safe(bad), "{bad}");
        }
        for good in ["x.pdf", "dokumen/36/a..b.pdf", "a/b/c.pdf", "..x/y"] {
            assert!(is_safe(good), "{good}");
        }
    }

    #[test]
    fn cp437_names_decode_as_windows_wrote_them() {
        assert_eq!(CP437_HIGH.chars().count(), 128);
        // "Café ñ" in code page 437: é = 0x82, ñ = 0xA4.
        assert_eq!(cp437(b"Caf\x82 \xa4.pdf"), "Café ñ.pdf");
    }
}
