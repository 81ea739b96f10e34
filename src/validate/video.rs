//! What a video file's header says, read without decoding it: the container, and for MP4 and
//! QuickTime files the duration (`mvhd`) and the picture size (`tkhd` of the video track, turned
//! when the track is rotated, as phones record portrait videos).
//!
//! Only box headers and two small boxes are read; everything else is skipped by seeking, and a
//! file can make trame visit at most [`MAX_BOXES`] boxes. (The `mp4` crate would read every
//! sample table of the file into memory: too much for a check that wants two numbers from a
//! file that may come from anywhere.)

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

/// The most boxes read from one file (a real file has a few dozen).
const MAX_BOXES: usize = 4096;
/// How deep boxes are opened: `moov` / `trak` / `tkhd`.
const MAX_DEPTH: usize = 3;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VideoInfo {
    /// `mp4`, `mov`, `webm`, `mkv`, `avi`.
    pub format: &'static str,
    pub seconds: Option<f64>,
    /// The picture as shown (0 when the header does not say).
    pub width: usize,
    pub height: usize,
}

/// The container, from the first bytes of the file.
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    let at = |i: usize, n: usize| head.get(i..i + n);
    if at(4, 4) == Some(b"ftyp") {
        return Some(if at(8, 4) == Some(b"qt  ") {
            "mov"
        } else {
            "mp4"
        });
    }
    // QuickTime files older than `ftyp` start with one of these boxes.
    if matches!(
        at(4, 4),
        Some(b"moov" | b"mdat" | b"wide" | b"free" | b"skip")
    ) {
        return Some("mov");
    }
    if at(0, 4) == Some(&[0x1a, 0x45, 0xdf, 0xa3]) {
        let webm = head.windows(4).any(|w| w == b"webm");
        return Some(if webm { "webm" } else { "mkv" });
    }
    if at(0, 4) == Some(b"RIFF") && at(8, 4) == Some(b"AVI ") {
        return Some("avi");
    }
    None
}

/// Reads what the header of an MP4/QuickTime file tells; other containers give their format only.
pub fn read(file: &mut File, format: &'static str) -> VideoInfo {
    let mut info = VideoInfo {
        format,
        ..VideoInfo::default()
    };
    if matches!(format, "mp4" | "mov")
        && let Ok(len) = file.metadata().map(|m| m.len())
    {
        let mut walk = Walk {
            file,
            boxes: 0,
            info: &mut info,
        };
        walk.boxes(0, len, 0);
    }
    info
}

struct Walk<'a> {
    file: &'a mut File,
    boxes: usize,
    info: &'a mut VideoInfo,
}

impl Walk<'_> {
    fn read_at(&mut self, at: u64, buf: &mut [u8]) -> Option<usize> {
        self.file.seek(SeekFrom::Start(at)).ok()?;
        let mut n = 0;
        while n < buf.len() {
            match self.file.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(_) => return None,
            }
        }
        Some(n)
    }

    /// The boxes between `start` and `end`; a malformed size stops the walk, never the check.
    fn boxes(&mut self, start: u64, end: u64, depth: usize) {
        let mut pos = start;
        while pos + 8 <= end && self.boxes < MAX_BOXES {
            self.boxes += 1;
            let mut head = [0u8; 16];
            let Some(n) = self.read_at(pos, &mut head) else {
                return;
            };
            if n < 8 {
                return;
            }
            let size32 = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
            let kind = [head[4], head[5], head[6], head[7]];
            let (size, header) = match size32 {
                0 => (end - pos, 8),
                1 if n == 16 => (
                    u64::from_be_bytes([
                        head[8], head[9], head[10], head[11], head[12], head[13], head[14],
                        head[15],
                    ]),
                    16,
                ),
                1 => return,
                s => (s, 8),
            };
            if size < header || size > end - pos {
                return;
            }
            let body = pos + header;
            match &kind {
                b"moov" | b"trak" if depth < MAX_DEPTH => self.boxes(body, pos + size, depth + 1),
                b"mvhd" => self.mvhd(body),
                b"tkhd" => self.tkhd(body),
                _ => {}
            }
            pos += size;
        }
    }

    fn mvhd(&mut self, at: u64) {
        let mut b = [0u8; 32];
        if self.read_at(at, &mut b) != Some(32) {
            return;
        }
        let (scale, duration) = if b[0] == 1 {
            (be32(&b[20..24]), be64(&b[24..32]))
        } else {
            (be32(&b[12..16]), be32(&b[16..20]))
        };
        if scale > 0 && duration > 0 && duration != u64::from(u32::MAX) && duration != u64::MAX {
            self.info.seconds = Some(duration as f64 / scale as f64);
        }
    }

    fn tkhd(&mut self, at: u64) {
        if self.info.width > 0 {
            return;
        }
        let mut b = [0u8; 96];
        let Some(n) = self.read_at(at, &mut b) else {
            return;
        };
        // Version 1 has 64-bit times: every field after them is 12 bytes further.
        let shift = if b[0] == 1 { 12 } else { 0 };
        if n < 84 + shift {
            return;
        }
        let matrix = 40 + shift;
        let (a, d) = (
            be32(&b[matrix..matrix + 4]),
            be32(&b[matrix + 16..matrix + 20]),
        );
        // Widths are 16.16 fixed point; audio tracks have none.
        let w = (be32(&b[76 + shift..80 + shift]) >> 16) as usize;
        let h = (be32(&b[80 + shift..84 + shift]) >> 16) as usize;
        if w == 0 || h == 0 {
            return;
        }
        // A quarter turn has zeros where the identity matrix has ones.
        let turned = a == 0 && d == 0;
        (self.info.width, self.info.height) = if turned { (h, w) } else { (w, h) };
    }
}

fn be32(b: &[u8]) -> u64 {
    b.iter().take(4).fold(0, |n, x| (n << 8) | u64::from(*x))
}

fn be64(b: &[u8]) -> u64 {
    b.iter().take(8).fold(0, |n, x| (n << 8) | u64::from(*x))
}

/// Builds MP4 headers for tests, the end-to-end ones too (no samples: trame never reads them).
#[doc(hidden)]
pub mod sample {
    fn boxed(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut v = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        v.extend_from_slice(kind);
        v.extend_from_slice(body);
        v
    }

    /// An MP4 of `seconds`, `w`×`h`, turned a quarter when `turned`, with an audio track first.
    pub fn mp4(seconds: u32, w: u32, h: u32, turned: bool) -> Vec<u8> {
        let mut mvhd = vec![0u8; 100];
        mvhd[12..16].copy_from_slice(&1000u32.to_be_bytes());
        mvhd[16..20].copy_from_slice(&(seconds * 1000).to_be_bytes());
        let tkhd = |w: u32, h: u32| {
            let mut t = vec![0u8; 84];
            let one = 0x0001_0000u32.to_be_bytes();
            let (a, bb, c, d) = if turned {
                ([0; 4], one, (0xffff_0000u32).to_be_bytes(), [0; 4])
            } else {
                (one, [0; 4], [0; 4], one)
            };
            t[40..44].copy_from_slice(&a);
            t[44..48].copy_from_slice(&bb);
            t[52..56].copy_from_slice(&c);
            t[56..60].copy_from_slice(&d);
            t[76..80].copy_from_slice(&(w << 16).to_be_bytes());
            t[80..84].copy_from_slice(&(h << 16).to_be_bytes());
            boxed(b"tkhd", &t)
        };
        let mut moov = boxed(b"mvhd", &mvhd);
        moov.extend(boxed(b"trak", &tkhd(0, 0)));
        moov.extend(boxed(b"trak", &tkhd(w, h)));
        let mut file = boxed(b"ftyp", b"isom\0\0\x02\0isomiso2avc1mp41");
        file.extend(boxed(b"mdat", &[0u8; 64]));
        file.extend(boxed(b"moov", &moov));
        file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(bytes: &[u8]) -> VideoInfo {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.mp4");
        std::fs::write(&path, bytes).unwrap();
        let mut f = File::open(&path).unwrap();
        let format = sniff(bytes).unwrap();
        read(&mut f, format)
    }

    #[test]
    fn duration_and_size_from_the_header() {
        let v = probe(&sample::mp4(42, 1920, 1080, false));
        assert_eq!(v.format, "mp4");
        assert_eq!(v.seconds, Some(42.0));
        assert_eq!((v.width, v.height), (1920, 1080));
    }

    #[test]
    fn a_portrait_phone_video_is_portrait() {
        let v = probe(&sample::mp4(15, 1920, 1080, true));
        assert_eq!((v.width, v.height), (1080, 1920));
    }

    #[test]
    fn containers_are_told_apart() {
        assert_eq!(sniff(b"\0\0\0\x14ftypqt  \0\0\0\0"), Some("mov"));
        assert_eq!(
            sniff(&[
                0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, b'w', b'e', b'b', b'm'
            ]),
            Some("webm")
        );
        assert_eq!(sniff(b"RIFF\0\0\0\0AVI LIST"), Some("avi"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), None);
    }

    /// Sizes that lie (bigger than the file, smaller than a header, a loop of empty boxes)
    /// end the walk without a panic and without reading the file again and again.
    #[test]
    fn hostile_headers_end_the_walk() {
        let mut lying = sample::mp4(10, 640, 360, false);
        lying[3] = 0xff; // ftyp claims 255 bytes.
        lying[2] = 0xff;
        let v = probe(&lying);
        assert_eq!(v.seconds, None);
        let mut tiny = b"\0\0\0\x10ftypisom\0\0\0\0".to_vec();
        tiny.extend_from_slice(&[0, 0, 0, 4, b'm', b'o', b'o', b'v']);
        assert_eq!(probe(&tiny).seconds, None);
        let mut many = b"\0\0\0\x10ftypisom\0\0\0\0".to_vec();
        for _ in 0..10_000 {
            many.extend_from_slice(&[0, 0, 0, 8, b'f', b'r', b'e', b'e']);
        }
        assert_eq!(probe(&many).width, 0);
    }
}
