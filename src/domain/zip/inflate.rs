//! DEFLATE decompression (RFC 1951), for reading zips made by other tools.
//!
//! Hand-written rather than a crate: `miniz_oxide` or `flate2` would add tens of KB to a
//! wasm that ships to phones on slow links, and Swanilai only ever *reads* deflate (it
//! writes stored entries, see `super`). This is the canonical-Huffman decoder of Mark
//! Adler's `puff.c` (zlib's reference inflater): a code is decoded one bit at a time
//! against the count of codes of each length, which is small and exact rather than fast
//! (tens of MB/s in wasm; the documents in a bundle are mostly stored, not deflated).
//!
//! Every malformed input is an [`InflateError`], never a panic, and the output is capped:
//! a stream that expands past `max_out` bytes stops with [`InflateError::TooLarge`]
//! (a zip bomb is refused while it inflates, not after).

/// Why a deflate stream could not be decompressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The data ends inside a block.
    Truncated,
    /// Block type 3 (reserved).
    BadBlockType,
    /// A stored block whose length and its complement disagree.
    StoredLength,
    /// Huffman tables that are over-subscribed, incomplete or otherwise invalid, or a code
    /// that is not in them.
    BadCode,
    /// A back-reference before the start of the output.
    BadDistance,
    /// The output would pass the limit.
    TooLarge,
}

const MAX_BITS: usize = 15;

/// Base lengths and extra bits of length symbols 257..285 (RFC 1951, 3.2.5).
const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/// Base distances and extra bits of distance symbols 0..29.
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which code-length code lengths are sent (RFC 1951, 3.2.7).
const CLEN_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u32,
    count: u32,
}

impl Bits<'_> {
    /// The next `need` bits (≤ 16), least significant first.
    fn bits(&mut self, need: u32) -> Result<u32, InflateError> {
        while self.count < need {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Truncated)?;
            self.pos += 1;
            self.buf |= (byte as u32) << self.count;
            self.count += 8;
        }
        let v = self.buf & ((1u32 << need) - 1);
        self.buf >>= need;
        self.count -= need;
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    count: [u16; MAX_BITS + 1],
    symbol: [u16; 288],
}

impl Huffman {
    /// Builds the code from each symbol's length. Returns the code and how many codes are
    /// left unused (0 for a complete code); over-subscribed lengths are an error.
    fn new(lengths: &[u8]) -> Result<(Huffman, i32), InflateError> {
        let mut h = Huffman {
            count: [0; MAX_BITS + 1],
            symbol: [0; 288],
        };
        for &l in lengths {
            h.count[l as usize] += 1;
        }
        if h.count[0] as usize == lengths.len() {
            return Ok((h, 0)); // no codes: complete, but decoding anything fails
        }
        let mut left: i32 = 1;
        for len in 1..=MAX_BITS {
            left <<= 1;
            left -= h.count[len] as i32;
            if left < 0 {
                return Err(InflateError::BadCode);
            }
        }
        let mut offs = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offs[len + 1] = offs[len] + h.count[len];
        }
        for (sym, &l) in lengths.iter().enumerate() {
            if l != 0 {
                h.symbol[offs[l as usize] as usize] = sym as u16;
                offs[l as usize] += 1;
            }
        }
        Ok((h, left))
    }

    fn decode(&self, bits: &mut Bits) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= bits.bits(1)? as i32;
            let count = self.count[len] as i32;
            if code - count < first {
                return Ok(self.symbol[(index + (code - first)) as usize]);
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        Err(InflateError::BadCode)
    }
}

/// Decompresses a raw deflate stream (no zlib or gzip wrapper), refusing to produce more
/// than `max_out` bytes.
pub fn inflate(data: &[u8], max_out: usize) -> Result<Vec<u8>, InflateError> {
    let mut bits = Bits {
        data,
        pos: 0,
        buf: 0,
        count: 0,
    };
    let mut out = Vec::with_capacity(max_out.min(data.len().saturating_mul(4)));
    loop {
        let last = bits.bits(1)? == 1;
        match bits.bits(2)? {
            0 => stored(&mut bits, &mut out, max_out)?,
            1 => {
                let (lit, dist) = fixed_tables();
                codes(&mut bits, &mut out, &lit, &dist, max_out)?
            }
            2 => {
                let (lit, dist) = dynamic_tables(&mut bits)?;
                codes(&mut bits, &mut out, &lit, &dist, max_out)?
            }
            _ => return Err(InflateError::BadBlockType),
        }
        if last {
            return Ok(out);
        }
    }
}

fn stored(bits: &mut Bits, out: &mut Vec<u8>, max_out: usize) -> Result<(), InflateError> {
    // Skip to a byte boundary; the buffer holds fewer than 8 bits, all padding.
    bits.buf = 0;
    bits.count = 0;
    let d = bits.data;
    let header = d
        .get(bits.pos..bits.pos + 4)
        .ok_or(InflateError::Truncated)?;
    let len = u16::from_le_bytes([header[0], header[1]]);
    let nlen = u16::from_le_bytes([header[2], header[3]]);
    if len != !nlen {
        return Err(InflateError::StoredLength);
    }
    bits.pos += 4;
    let len = len as usize;
    let block = d
        .get(bits.pos..bits.pos + len)
        .ok_or(InflateError::Truncated)?;
    if out.len() + len > max_out {
        return Err(InflateError::TooLarge);
    }
    out.extend_from_slice(block);
    bits.pos += len;
    Ok(())
}

fn fixed_tables() -> (Huffman, Huffman) {
    let mut lengths = [0u8; 288];
    for (sym, l) in lengths.iter_mut().enumerate() {
        *l = match sym {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        };
    }
    // Both codes are complete, so building them cannot fail.
    let lit = Huffman::new(&lengths).map_or_else(|_| unreachable!(), |(h, _)| h);
    let dist = Huffman::new(&[5u8; 30]).map_or_else(|_| unreachable!(), |(h, _)| h);
    (lit, dist)
}

fn dynamic_tables(bits: &mut Bits) -> Result<(Huffman, Huffman), InflateError> {
    let nlen = bits.bits(5)? as usize + 257;
    let ndist = bits.bits(5)? as usize + 1;
    let ncode = bits.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::BadCode);
    }
    let mut lengths = [0u8; 316];
    for &i in &CLEN_ORDER[..ncode] {
        lengths[i] = bits.bits(3)? as u8;
    }
    let (lencode, left) = Huffman::new(&lengths[..19])?;
    if left != 0 {
        return Err(InflateError::BadCode); // the code-length code must be complete
    }
    let mut i = 0;
    while i < nlen + ndist {
        let sym = lencode.decode(bits)?;
        if sym < 16 {
            lengths[i] = sym as u8;
            i += 1;
            continue;
        }
        let (value, repeat) = match sym {
            16 => {
                if i == 0 {
                    return Err(InflateError::BadCode); // nothing to repeat
                }
                (lengths[i - 1], 3 + bits.bits(2)? as usize)
            }
            17 => (0, 3 + bits.bits(3)? as usize),
            _ => (0, 11 + bits.bits(7)? as usize),
        };
        if i + repeat > nlen + ndist {
            return Err(InflateError::BadCode);
        }
        lengths[i..i + repeat].fill(value);
        i += repeat;
    }
    if lengths[256] == 0 {
        return Err(InflateError::BadCode); // no end-of-block code
    }
    let (lit, left) = Huffman::new(&lengths[..nlen])?;
    // An incomplete code is only allowed when it is a single code of length one.
    if left > 0 && nlen - lit.count[0] as usize != 1 {
        return Err(InflateError::BadCode);
    }
    let (dist, left) = Huffman::new(&lengths[nlen..nlen + ndist])?;
    if left > 0 && ndist - dist.count[0] as usize != 1 {
        return Err(InflateError::BadCode);
    }
    Ok((lit, dist))
}

fn codes(
    bits: &mut Bits,
    out: &mut Vec<u8>,
    lit: &Huffman,
    dist: &Huffman,
    max_out: usize,
) -> Result<(), InflateError> {
    loop {
        let sym = lit.decode(bits)? as usize;
        if sym < 256 {
            if out.len() >= max_out {
                return Err(InflateError::TooLarge);
            }
            out.push(sym as u8);
            continue;
        }
        if sym == 256 {
            return Ok(());
        }
        let s = sym - 257;
        if s >= LEN_BASE.len() {
            return Err(InflateError::BadCode);
        }
        let len = LEN_BASE[s] as usize + bits.bits(LEN_EXTRA[s] as u32)? as usize;
        let d = dist.decode(bits)? as usize;
        if d >= DIST_BASE.len() {
            return Err(InflateError::BadCode);
        }
        let back = DIST_BASE[d] as usize + bits.bits(DIST_EXTRA[d] as u32)? as usize;
        if back > out.len() {
            return Err(InflateError::BadDistance);
        }
        if out.len() + len > max_out {
            return Err(InflateError::TooLarge);
        }
        let start = out.len() - back;
        // Overlapping copies repeat the bytes just written (a run), so copy byte by byte.
        for k in 0..len {
            let b = out[start + k];
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_block_kinds() {
        // Stored block "abc" (final, type 0).
        assert_eq!(
            inflate(&[0x01, 0x03, 0x00, 0xFC, 0xFF, b'a', b'b', b'c'], 10).unwrap(),
            b"abc"
        );
        // Fixed-Huffman "a" (zlib's output for "a", raw).
        assert_eq!(inflate(&[0x4b, 0x04, 0x00], 10).unwrap(), b"a");
        // An empty fixed block.
        assert_eq!(inflate(&[0x03, 0x00], 10).unwrap(), b"");
    }

    #[test]
    fn refuses_broken_streams_without_panicking() {
        assert_eq!(inflate(&[], 10), Err(InflateError::Truncated));
        assert_eq!(inflate(&[0x07], 10), Err(InflateError::BadBlockType));
        assert_eq!(
            inflate(&[0x01, 0x03, 0x00, 0x00, 0x00], 10),
            Err(InflateError::StoredLength)
        );
        assert_eq!(
            inflate(&[0x01, 0x03, 0x00, 0xFC, 0xFF, b'a', b'b', b'c'], 2),
            Err(InflateError::TooLarge)
        );
    }
}
