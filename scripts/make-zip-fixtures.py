#!/usr/bin/env python3
"""Makes the zip fixtures of tests/fixtures/zip/ with tools other than Swanilai.

The Rust tests (tests/bundle.rs) read these archives with Swanilai's own zip reader and
compare what comes out with `manifest.json`, written here from Python's hashlib: the
reader and the SHA-256 are both checked against independent implementations.

    python3 scripts/make-zip-fixtures.py      # needs python3; `zip` (Info-ZIP) if present

Archives:
  python-stored.zip    Python zipfile, ZIP_STORED
  python-deflated.zip  Python zipfile, ZIP_DEFLATED (level 9)
  zip-9.zip            Info-ZIP `zip -9` (skipped with a note if the CLI is missing)
  windows.zip          like Windows "Send to compressed folder": deflate, data descriptors
                       (flag bit 3, sizes only after the data), a folder entry, names in
                       code page 437 without the UTF-8 flag, "made by" MS-DOS
  hostile-*.zip        what must be refused: a deflate bomb, ZIP64, encrypted (zip -P)
  bundle-python.zip    a Swanilai bundle written by Python (deflated): the BKPSDM submission
                       with documents listed on evidence of indicators 25 and 36
                       (its JSON is also tests/fixtures/exchange/
                       submission-bkpsdm-documents-spbe-2020.json)
  bundle-damaged.zip   the same bundle with one document altered (same size, other bytes) and
                       one listed document left out
"""
import hashlib
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'tests', 'fixtures', 'zip')

# A few kilobytes that look like a PDF and a text that compresses well.
PDF = b'%PDF-1.4\n' + bytes((i * 7 + 3) % 251 for i in range(6000)) + b'\n%%EOF\n'
TEXT = ('Fakta: Perbup 12/2024 tentang SIMPEG, Pasal 4.\n' * 200).encode()
FILES = {
    'dokumen/36/perbup-12-2024.pdf': PDF,
    'dokumen/45/catatan.txt': TEXT,
}


def python_zip(name, method):
    with zipfile.ZipFile(os.path.join(OUT, name), 'w', compression=method, compresslevel=9) as z:
        for path, data in FILES.items():
            z.writestr(path, data)


def info_zip(name):
    if shutil.which('zip') is None:
        print(f'{name}: the `zip` command is not installed; kept the committed copy')
        return
    with tempfile.TemporaryDirectory() as tmp:
        for path, data in FILES.items():
            os.makedirs(os.path.join(tmp, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(tmp, path), 'wb') as f:
                f.write(data)
        target = os.path.abspath(os.path.join(OUT, name))
        if os.path.exists(target):
            os.remove(target)
        # -X: no extra attributes; -D: no folder entries; -r: the tree.
        subprocess.run(['zip', '-9', '-X', '-D', '-q', '-r', target, 'dokumen'], cwd=tmp, check=True)


def windows_zip(name):
    """Deflate with data descriptors and CP437 names, written by hand."""
    entries = [('Bukti/', b''), ('Bukti/Café ñ.pdf', PDF), ('Bukti/catatan.txt', TEXT)]
    out, central = bytearray(), bytearray()
    for path, data in entries:
        raw_name = path.encode('cp437')
        folder = path.endswith('/')
        comp = b'' if folder else (lambda c: c.compress(data) + c.flush())(zlib.compressobj(6, zlib.DEFLATED, -15))
        crc = zlib.crc32(data)
        flags = 0 if folder else 0x0008  # sizes in a data descriptor; no UTF-8 flag
        method = 0 if folder else 8
        offset = len(out)
        # Local header with zero CRC and sizes, as a streaming writer does.
        out += struct.pack('<IHHHHHIIIHH', 0x04034B50, 20, flags, method, 0x6000, 0x5A21, 0, 0, 0, len(raw_name), 0)
        out += raw_name + comp
        if not folder:
            out += struct.pack('<IIII', 0x08074B50, crc, len(comp), len(data))
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 20, 20, flags, method, 0x6000, 0x5A21,
                               crc, len(comp), len(data), len(raw_name), 0, 0, 0, 0,
                               0x10 if folder else 0x20, offset)
        central += raw_name
    eocd = struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(bytes(out + central + eocd))


def zip64(target):
    """A ZIP64 archive as big-archive writers make it: sizes and offset 0xFFFFFFFF with the
    real ones in a zip64 extra field, a zip64 end record and its locator (APPNOTE 4.3.14,
    4.3.15, 4.5.3). Python's zipfile only writes these past 4 GB, so it is written here."""
    name = b'besar.pdf'
    crc = zlib.crc32(PDF)
    n = len(PDF)
    local_extra = struct.pack('<HHQQ', 1, 16, n, n)
    out = struct.pack('<IHHHHHIIIHH', 0x04034B50, 45, 0, 0, 0, 0x5A21, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(name), len(local_extra))
    out += name + local_extra + PDF
    central_extra = struct.pack('<HHQQQ', 1, 24, n, n, 0)
    central = struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 45, 45, 0, 0, 0, 0x5A21, crc,
                          0xFFFFFFFF, 0xFFFFFFFF, len(name), len(central_extra), 0, 0, 0, 0, 0xFFFFFFFF)
    central += name + central_extra
    cd_offset = len(out)
    out += central
    eocd64_offset = len(out)
    out += struct.pack('<IQHHIIQQQQ', 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), cd_offset)
    out += struct.pack('<IIQI', 0x07064B50, 0, eocd64_offset, 1)
    out += struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    with open(target, 'wb') as f:
        f.write(out)


def hostile():
    # 20 MB of zeros deflate to ~20 KB: a thousandfold, the shape of a zip bomb.
    with zipfile.ZipFile(os.path.join(OUT, 'hostile-bomb.zip'), 'w', compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('dokumen/1/nol.pdf', bytes(20 * 1024 * 1024))
    zip64(os.path.join(OUT, 'hostile-zip64.zip'))
    if shutil.which('zip') is None:
        print('hostile-encrypted.zip: the `zip` command is not installed; kept the committed copy')
        return
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'rahasia.pdf'), 'wb') as f:
            f.write(PDF)
        target = os.path.abspath(os.path.join(OUT, 'hostile-encrypted.zip'))
        if os.path.exists(target):
            os.remove(target)
        subprocess.run(['zip', '-q', '-X', '-P', 'sandi', target, 'rahasia.pdf'], cwd=tmp, check=True)


def bundle():
    src = os.path.join(HERE, '..', 'tests', 'fixtures', 'exchange', 'submission-bkpsdm-spbe-2020.json')
    with open(src, encoding='utf-8') as f:
        sub = json.load(f)
    docs = {
        ('25', 1): ('Rekap sertifikat 2025.pdf', 'application/pdf', PDF),
        ('36', 0): ('Perbup 12-2024.pdf', 'application/pdf', PDF[::-1]),
        ('36', 2): ('catatan rapat.txt', 'text/plain', TEXT),
    }
    contents = {}
    for (ind, ev), (name, mime, data) in docs.items():
        path = f'dokumen/{ind}/{name}'
        sub['answers'][ind]['evidence'][ev]['documents'] = [{
            'name': name, 'type': mime, 'size': len(data),
            'sha256': hashlib.sha256(data).hexdigest(), 'path': path,
        }]
        contents[path] = data
    text = json.dumps(sub, ensure_ascii=False, indent=2).encode()
    # The same file as a valid example of the format (documents listed with their paths).
    with open(os.path.join(HERE, '..', 'tests', 'fixtures', 'exchange', 'submission-bkpsdm-documents-spbe-2020.json'), 'wb') as f:
        f.write(text + b'\n')
    json_name = 'swanilai-jawaban-bkpsdm-spbe-2020-2026-20261128-1630.json'
    with zipfile.ZipFile(os.path.join(OUT, 'bundle-python.zip'), 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(json_name, text)
        for path, data in contents.items():
            z.writestr(path, data)
    with zipfile.ZipFile(os.path.join(OUT, 'bundle-damaged.zip'), 'w', compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(json_name, text)
        for path, data in contents.items():
            if path.endswith('.txt'):
                continue  # listed, not sent
            if path.startswith('dokumen/36/'):
                data = data[:-1] + b'X'  # altered: same size, other content
            z.writestr(path, data)


def main():
    os.makedirs(OUT, exist_ok=True)
    python_zip('python-stored.zip', zipfile.ZIP_STORED)
    python_zip('python-deflated.zip', zipfile.ZIP_DEFLATED)
    info_zip('zip-9.zip')
    windows_zip('windows.zip')
    hostile()
    bundle()
    manifest = {
        'files': {path: {'size': len(data), 'sha256': hashlib.sha256(data).hexdigest()} for path, data in FILES.items()},
        'windows': {
            'Bukti/Café ñ.pdf': {'size': len(PDF), 'sha256': hashlib.sha256(PDF).hexdigest()},
            'Bukti/catatan.txt': {'size': len(TEXT), 'sha256': hashlib.sha256(TEXT).hexdigest()},
        },
    }
    with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
