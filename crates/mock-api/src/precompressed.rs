//! The catalog's cards (JSON list and lean text), compressed once instead of on every request:
//! 10 000 items are megabytes, and compressing them per visitor costs the server's CPU just when
//! the visitor's browser needs it (on one machine, as in development and the benchmarks). Brotli and gzip copies are
//! made once, in the background, when the first client that accepts them asks; until they are
//! ready the list goes out as before, compressed on the way by the compression layer. (Not at
//! start: tests build many short-lived apps and most never ask for a compressed list.)
//!
//! All encodings share the JSON's ETag, as they did when compressed on the way out: a browser
//! keeps the decoded body, so the tag names the content it holds.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

use crate::caching::{conditional, strong_etag};

/// Brotli quality for the once-made copy: 11 is the smallest and takes seconds for 10 000
/// items, paid once per server run, in the background.
const BROTLI_QUALITY: u32 = 11;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

#[derive(Debug)]
struct Copies {
    identity: Bytes,
    etag: HeaderValue,
    brotli: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
    /// The background copying has been started.
    copying: AtomicBool,
}

/// A body sent as is or as its brotli / gzip copy, whichever the client accepts.
#[derive(Debug, Clone)]
pub struct Precompressed {
    copies: Arc<Copies>,
    content_type: HeaderValue,
}

impl Precompressed {
    /// Keeps `bytes`; the compressed copies are made on a background thread when a client that
    /// accepts one first asks.
    pub fn new(bytes: impl Into<Bytes>, content_type: &'static str) -> Self {
        Self::with_copying(bytes, content_type, false)
    }

    /// Keeps `bytes`; the copies are made by [`Self::make_copies`] only (tests).
    pub fn without_copies(bytes: impl Into<Bytes>, content_type: &'static str) -> Self {
        Self::with_copying(bytes, content_type, true)
    }

    fn with_copying(bytes: impl Into<Bytes>, content_type: &'static str, started: bool) -> Self {
        let identity = bytes.into();
        let etag = strong_etag(&identity);
        Self {
            copies: Arc::new(Copies {
                identity,
                etag,
                brotli: OnceLock::new(),
                gzip: OnceLock::new(),
                copying: AtomicBool::new(started),
            }),
            content_type: HeaderValue::from_static(content_type),
        }
    }

    /// Makes both compressed copies (a no-op for one already made).
    pub fn make_copies(&self) {
        let copies = &self.copies;
        copies.brotli.get_or_init(|| {
            let mut out = Vec::new();
            {
                let mut writer =
                    brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, 22);
                writer
                    .write_all(&copies.identity)
                    .expect("writing to memory cannot fail");
            }
            out.into()
        });
        copies.gzip.get_or_init(|| {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder
                .write_all(&copies.identity)
                .expect("writing to memory cannot fail");
            encoder
                .finish()
                .expect("writing to memory cannot fail")
                .into()
        });
    }

    /// The copy that goes to a client with these request headers: the smallest it accepts
    /// among those made so far, else the JSON as is.
    pub fn respond(&self, request_headers: &HeaderMap) -> Response {
        self.start_copies_for(request_headers);
        let copies = &self.copies;
        let chosen = [
            (Encoding::Brotli, copies.brotli.get()),
            (Encoding::Gzip, copies.gzip.get()),
        ]
        .into_iter()
        .find_map(|(encoding, copy)| {
            copy.filter(|_| accepts(request_headers, encoding))
                .map(|copy| (encoding, copy))
        });
        let (bytes, encoding) = match chosen {
            Some((encoding, copy)) => (copy, Some(encoding.token())),
            None => (&copies.identity, None),
        };
        conditional(
            request_headers,
            &copies.etag,
            self.content_type.clone(),
            encoding,
            bytes.clone(),
        )
    }

    fn start_copies_for(&self, request_headers: &HeaderMap) {
        let wanted =
            accepts(request_headers, Encoding::Brotli) || accepts(request_headers, Encoding::Gzip);
        if wanted && !self.copies.copying.swap(true, Ordering::Relaxed) {
            let filler = self.clone();
            std::thread::spawn(move || filler.make_copies());
        }
    }
}

/// Whether `Accept-Encoding` names `encoding` (or `*`) with a non-zero quality.
pub fn accepts(request_headers: &HeaderMap, encoding: Encoding) -> bool {
    request_headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let name = parts.next()?.to_ascii_lowercase();
            let quality = parts
                .find_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
                .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
            Some((name, quality))
        })
        .any(|(name, quality)| (name == encoding.token() || name == "*") && quality > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    fn with(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        headers
    }

    fn body_of(response: Response) -> Vec<u8> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap()
                .to_vec()
        })
    }

    #[test]
    fn each_client_gets_the_smallest_copy_it_accepts_and_it_decodes_to_the_json() {
        let json = br#"[{"code":"1","name":"\u5c45\u6c11\u8eab\u4efd\u8bc1"}]"#.repeat(200);
        let list = Precompressed::without_copies(json.clone(), "application/json");

        // Before the copies are made: the JSON as is (the compression layer may still compress it).
        let early = list.respond(&with("gzip, br"));
        assert_eq!(early.headers().get(header::CONTENT_ENCODING), None);
        let etag = early.headers()[header::ETAG].clone();
        assert_eq!(body_of(early), json);

        list.make_copies();
        let br = list.respond(&with("gzip, deflate, br"));
        assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(br.headers()[header::ETAG], etag);
        let mut decoded = Vec::new();
        std::io::Read::read_to_end(
            &mut brotli::Decompressor::new(&body_of(br)[..], 4096),
            &mut decoded,
        )
        .unwrap();
        assert_eq!(decoded, json);

        let gz = list.respond(&with("gzip"));
        assert_eq!(gz.headers()[header::CONTENT_ENCODING], "gzip");
        let mut decoded = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&body_of(gz)[..]),
            &mut decoded,
        )
        .unwrap();
        assert_eq!(decoded, json);

        let plain = list.respond(&HeaderMap::new());
        assert_eq!(plain.headers().get(header::CONTENT_ENCODING), None);
        assert_eq!(body_of(plain), json);

        let mut revalidate = with("br");
        revalidate.insert(header::IF_NONE_MATCH, etag);
        let not_modified = list.respond(&revalidate);
        assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(not_modified.headers().get(header::CONTENT_ENCODING), None);
        assert!(body_of(not_modified).is_empty());
    }

    #[test]
    fn accept_encoding_is_read_with_its_qualities() {
        assert!(accepts(&with("gzip, deflate, br, zstd"), Encoding::Brotli));
        assert!(accepts(&with("gzip, deflate, br, zstd"), Encoding::Gzip));
        assert!(!accepts(&with("gzip"), Encoding::Brotli));
        assert!(!accepts(&with("br;q=0, gzip"), Encoding::Brotli));
        assert!(accepts(&with("br;q=0.5"), Encoding::Brotli));
        assert!(accepts(&with("*"), Encoding::Gzip));
        assert!(!accepts(&with("identity"), Encoding::Gzip));
        assert!(!accepts(&HeaderMap::new(), Encoding::Gzip));
    }
}
