//! The on-disk HTTP cache, keyed by URL. Each entry is a small JSON file (final status, redirect
//! location or validators and content type) beside the body it describes. Pages are revalidated
//! with `If-None-Match`/`If-Modified-Since`, so a second run transfers nothing that has not
//! changed; `--offline` serves from it alone. Failures are never cached.
//!
//! Layout: `DIR/<2 hex>/<16 hex>.json` and `.body`, the name being a 64-bit FNV-1a hash of the
//! URL; the entry stores the URL, so a hash collision reads as a miss, never as another page.

use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

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

    /// The cached body of a page.
    pub fn body(&self, url: &Url) -> io::Result<Vec<u8>> {
        std::fs::read(self.path(url, "body"))
    }

    /// Stores an entry and its body. The body is written first and each file is renamed into
    /// place, so a run stopped midway never leaves an entry without its body.
    pub fn put(&self, url: &Url, entry: &Entry, body: Option<&[u8]>) -> io::Result<()> {
        let meta_path = self.path(url, "json");
        if let Some(parent) = meta_path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if let Some(body) = body {
            write_atomically(&self.path(url, "body"), body)?;
        }
        let meta = serde_json::to_vec(entry).map_err(io::Error::other)?;
        write_atomically(&meta_path, &meta)
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
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

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }
}
