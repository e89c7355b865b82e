//! The on-disk HTTP cache, keyed by URL. Each entry is a small JSON file (final status, redirect
//! location or validators and content type) beside the body it describes. Pages are revalidated
//! with `If-None-Match`/`If-Modified-Since`, so a second run transfers nothing that has not
//! changed; `--offline` serves from it alone. Failures are never cached.
//!
//! Layout: `DIR/<2 hex>/<16 hex>.json` and `.body.gz`, the name being a 64-bit FNV-1a hash of
//! the URL; the entry stores the URL, so a hash collision reads as a miss, never as another page.
//! Bodies are stored gzip-compressed (real article HTML takes a fifth of its size); the raw
//! `.body` files of caches written by earlier versions are still read.

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The gzip level of stored bodies. On the 181 real article pages (31.5 MB), level 1 keeps
/// 26.2% of the size at some 230 MB/s, level 2 21.8% at 200 MB/s, level 3 20.4% at 120 MB/s and
/// level 6 19.7% at 70 MB/s: past 2, each point saved costs much more time.
const BODY_LEVEL: u32 = 2;

/// The extension of a compressed body.
const BODY_GZ: &str = "body.gz";

/// The extension of a raw body, as earlier versions wrote them.
const BODY_RAW: &str = "body";

/// What the cache knows about one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Entry {
    /// The URL, to tell hash collisions from hits.
    pub url: String,
    /// Where the URL redirects to (then there is no body).
    pub location: Option<String>,
    /// The page's `Content-Type`.
    pub content_type: Option<String>,
    /// The page's `ETag`.
    pub etag: Option<String>,
    /// The page's `Last-Modified`.
    pub last_modified: Option<String>,
}

impl Entry {
    /// An entry for a redirect.
    pub fn redirect(url: &Url, location: &str) -> Entry {
        Entry {
            url: url.to_string(),
            location: Some(location.to_owned()),
            content_type: None,
            etag: None,
            last_modified: None,
        }
    }

    /// An entry for a page.
    pub fn page(
        url: &Url,
        content_type: &Option<String>,
        etag: &Option<String>,
        last_modified: &Option<String>,
    ) -> Entry {
        Entry {
            url: url.to_string(),
            location: None,
            content_type: content_type.clone(),
            etag: etag.clone(),
            last_modified: last_modified.clone(),
        }
    }
}

/// The cache folder.
pub(super) struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// Opens (creating) the cache folder.
    pub fn open(dir: &Path) -> io::Result<Cache> {
        std::fs::create_dir_all(dir)?;
        Ok(Cache { dir: dir.to_path_buf() })
    }

    fn path(&self, url: &Url, ext: &str) -> PathBuf {
        let key = format!("{:016x}", fnv1a(url.as_str().as_bytes()));
        self.dir.join(&key[..2]).join(format!("{key}.{ext}"))
    }

    /// The entry for a URL, if the cache holds one (unreadable entries are misses).
    pub fn get(&self, url: &Url) -> Option<Entry> {
        let bytes = std::fs::read(self.path(url, "json")).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        (entry.url == url.as_str()).then_some(entry)
    }

    /// The cached body of a page: the compressed one, else a raw one from an earlier version.
    pub fn body(&self, url: &Url) -> Result<Vec<u8>, BodyError> {
        match std::fs::read(self.path(url, BODY_GZ)) {
            Ok(packed) => gunzip(&packed).map_err(BodyError::Damaged),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::read(self.path(url, BODY_RAW)).map_err(BodyError::Unreadable)
            }
            Err(e) => Err(BodyError::Unreadable(e)),
        }
    }

    /// Stores an entry and its body (compressed). The body is written first and each file is
    /// renamed into place, so a run stopped midway never leaves an entry without its body. A
    /// body of an earlier version (or of a page that became a redirect) is removed.
    pub fn put(&self, url: &Url, entry: &Entry, body: Option<&[u8]>) -> Result<(), StoreError> {
        let meta_path = self.path(url, "json");
        if let Some(parent) = meta_path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::at(parent, e))?;
        }
        match body {
            Some(body) => {
                let gz_path = self.path(url, BODY_GZ);
                let packed = gzip(body).map_err(|e| StoreError::at(&gz_path, e))?;
                write_atomically(&gz_path, &packed)?;
                remove_if_present(&self.path(url, BODY_RAW))?;
            }
            None => {
                remove_if_present(&self.path(url, BODY_GZ))?;
                remove_if_present(&self.path(url, BODY_RAW))?;
            }
        }
        let meta = serde_json::to_vec(entry).map_err(|e| StoreError::at(&meta_path, io::Error::other(e)))?;
        write_atomically(&meta_path, &meta)
    }
}

/// Why a cached body could not be read.
#[derive(Debug, thiserror::Error)]
pub(super) enum BodyError {
    /// The file is missing or cannot be opened.
    #[error("the stored copy cannot be read ({0})")]
    Unreadable(io::Error),
    /// The compressed file does not decode: cut short (a disk that filled, a run killed) or
    /// altered.
    #[error("the stored copy is damaged ({0})")]
    Damaged(io::Error),
}

/// Why an entry could not be stored: the file and the system's reason (no space left...).
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub(super) struct StoreError {
    path: PathBuf,
    source: io::Error,
}

impl StoreError {
    fn at(path: &Path, source: io::Error) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn gzip(body: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(body.len() / 4), Compression::new(BODY_LEVEL));
    encoder.write_all(body)?;
    encoder.finish()
}

/// Decodes a whole gzip file; one cut anywhere (even before its trailer) is an error.
fn gunzip(packed: &[u8]) -> io::Result<Vec<u8>> {
    let mut body = Vec::with_capacity(packed.len() * 4);
    GzDecoder::new(packed).read_to_end(&mut body)?;
    Ok(body)
}

/// Writes a file under a temporary name, then renames it into place; a failed write leaves no
/// temporary file behind (on a full disk it would hold the space the next write needs).
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    // Unique to the write: two threads may store the same URL (two redirects to one page).
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        StoreError::at(path, e)
    })
}

fn remove_if_present(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StoreError::at(path, e)),
        _ => Ok(()),
    }
}

/// The 64-bit FNV-1a hash: stable across runs and Rust versions, unlike `DefaultHasher`.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_and_bodies_round_trip_and_other_urls_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let url = Url::parse("https://news.test/a").unwrap();
        let entry = Entry::page(&url, &Some("text/html".into()), &Some("\"v1\"".into()), &None);
        cache.put(&url, &entry, Some(b"<p>hi</p>")).unwrap();
        assert_eq!(cache.get(&url), Some(entry));
        assert_eq!(cache.body(&url).unwrap(), b"<p>hi</p>");
        assert_eq!(cache.get(&Url::parse("https://news.test/b").unwrap()), None);
    }

    fn page_entry(url: &Url) -> Entry {
        Entry::page(url, &Some("text/html".into()), &None, &None)
    }

    #[test]
    fn bodies_are_stored_compressed() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let url = Url::parse("https://news.test/a").unwrap();
        let body = "<p>Google received 31,698 requests.</p>\n".repeat(1000);
        cache.put(&url, &page_entry(&url), Some(body.as_bytes())).unwrap();
        let stored = std::fs::read(cache.path(&url, BODY_GZ)).unwrap();
        assert!(stored.len() < body.len() / 20, "{} bytes stored", stored.len());
        assert!(!cache.path(&url, BODY_RAW).exists());
        assert_eq!(cache.body(&url).unwrap(), body.as_bytes());
    }

    #[test]
    fn raw_bodies_of_earlier_versions_are_read_and_replaced_when_stored_again() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let url = Url::parse("https://news.test/old").unwrap();
        let raw = cache.path(&url, BODY_RAW);
        std::fs::create_dir_all(raw.parent().unwrap()).unwrap();
        std::fs::write(&raw, b"<p>old</p>").unwrap();
        assert_eq!(cache.body(&url).unwrap(), b"<p>old</p>");
        cache.put(&url, &page_entry(&url), Some(b"<p>new</p>")).unwrap();
        assert!(!raw.exists());
        assert_eq!(cache.body(&url).unwrap(), b"<p>new</p>");
    }

    #[test]
    fn a_page_that_becomes_a_redirect_loses_its_body() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let url = Url::parse("https://news.test/moved").unwrap();
        cache.put(&url, &page_entry(&url), Some(b"<p>here</p>")).unwrap();
        cache.put(&url, &Entry::redirect(&url, "/there"), None).unwrap();
        assert!(!cache.path(&url, BODY_GZ).exists());
        assert!(matches!(cache.body(&url), Err(BodyError::Unreadable(_))));
    }

    #[test]
    fn a_compressed_body_cut_anywhere_is_damaged_never_short() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let url = Url::parse("https://news.test/cut").unwrap();
        let body = "<p>It listed 240 cases in 12 courts.</p>".repeat(200);
        cache.put(&url, &page_entry(&url), Some(body.as_bytes())).unwrap();
        let path = cache.path(&url, BODY_GZ);
        let whole = std::fs::read(&path).unwrap();
        for cut in [0, 1, 10, whole.len() / 2, whole.len() - 8, whole.len() - 1] {
            std::fs::write(&path, &whole[..cut]).unwrap();
            assert!(
                matches!(cache.body(&url), Err(BodyError::Damaged(_))),
                "cut at {cut} of {}",
                whole.len()
            );
        }
    }

    #[test]
    fn a_failed_store_names_the_path_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let url = Url::parse("https://news.test/a").unwrap();
        let shard = cache.path(&url, "json").parent().unwrap().to_path_buf();
        std::fs::write(&shard, b"not a folder").unwrap();
        let err = cache.put(&url, &page_entry(&url), Some(b"<p>hi</p>")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("cannot write {}: ", shard.display())),
            "{err}"
        );
        std::fs::remove_file(&shard).unwrap();
        // The folder exists, but the body's name is taken by a folder: the rename fails.
        std::fs::create_dir_all(cache.path(&url, BODY_GZ)).unwrap();
        assert!(cache.put(&url, &page_entry(&url), Some(b"<p>hi</p>")).is_err());
        let left: Vec<_> = std::fs::read_dir(&shard)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }
}
