//! The on-disk HTTP cache, keyed by URL. Each entry is a small JSON file (final status, redirect
//! location or validators and content type) beside the body it describes. Pages are revalidated
//! with `If-None-Match`/`If-Modified-Since`, so a second run transfers nothing that has not
//! changed; `--offline` serves from it alone. Failures are never cached.
//!
//! Layout: `DIR/<2 hex>/<16 hex>.json` and `.body.gz`, the name being a 64-bit FNV-1a hash of
//! the URL; the entry stores the URL, so a hash collision reads as a miss, never as another page.
//! Bodies are stored gzip-compressed (real article HTML takes a fifth of its size); the raw
//! `.body` files of caches written by earlier versions are still read.
//!
//! Unbounded by default: `fetch` then `run --offline` needs every page. With a bound
//! (`--cache-max`), a write that takes the cache past it removes the entries used longest ago
//! (by the modification time of their `.json`, set anew on each use) until it is under 90% of
//! it. The cache's size is counted by one walk when it is opened, then kept by each write; the
//! walk is done again only to choose what to remove.

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

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
    bound: Option<Bound>,
}

/// The size a bounded cache is kept under, and what it holds now.
struct Bound {
    max: u64,
    /// Bytes in the cache: counted when it is opened, then kept by each write and removal.
    total: AtomicU64,
    /// The total past which a write removes entries: `max`, or more when a removal left the
    /// cache above it (files that cannot be removed), so that not every write walks it again.
    walk_above: AtomicU64,
    /// Held by the thread removing entries; writes by others go on meanwhile.
    removing: Mutex<()>,
    /// Entries removed so far.
    removed: AtomicUsize,
}

impl Bound {
    /// Counts an entry of `before` bytes replaced by one of `after`; gives the new total.
    fn replace(&self, before: u64, after: u64) -> u64 {
        let new = |total: u64| total.saturating_add(after).saturating_sub(before);
        let old = self
            .total
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| Some(new(t)));
        new(old.unwrap_or_else(|t| t))
    }
}

/// The files of one entry as a walk of the cache finds them.
#[derive(Debug, Clone, Copy)]
struct Found {
    key: u64,
    /// When it was last stored or used: its `.json`'s modification time (its body's without one).
    used: SystemTime,
    bytes: u64,
}

/// The file extensions of an entry.
const ENTRY_FILES: [&str; 3] = ["json", BODY_GZ, BODY_RAW];

impl Cache {
    /// Opens (creating) the cache folder; with a bound, counts what it holds (one walk).
    pub fn open(dir: &Path, max: Option<u64>) -> io::Result<Cache> {
        std::fs::create_dir_all(dir)?;
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            bound: None,
        };
        if let Some(max) = max {
            let total = cache.walk().iter().map(|f| f.bytes).sum();
            cache.bound = Some(Bound {
                max,
                total: AtomicU64::new(total),
                walk_above: AtomicU64::new(max),
                removing: Mutex::new(()),
                removed: AtomicUsize::new(0),
            });
        }
        Ok(cache)
    }

    /// Entries removed to keep the cache under its bound.
    pub fn removed(&self) -> usize {
        self.bound.as_ref().map_or(0, |b| b.removed.load(Ordering::Relaxed))
    }

    fn path(&self, url: &Url, ext: &str) -> PathBuf {
        self.key_path(fnv1a(url.as_str().as_bytes()), ext)
    }

    fn key_path(&self, key: u64, ext: &str) -> PathBuf {
        let key = format!("{key:016x}");
        self.dir.join(&key[..2]).join(format!("{key}.{ext}"))
    }

    /// The entry for a URL, if the cache holds one (unreadable entries are misses). In a
    /// bounded cache, the entry is marked used now.
    pub fn get(&self, url: &Url) -> Option<Entry> {
        let path = self.path(url, "json");
        let bytes = std::fs::read(&path).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        if entry.url != url.as_str() {
            return None;
        }
        if self.bound.is_some() {
            // A cache that cannot be marked (read-only) still serves: the mark only orders removals.
            let _ = File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(SystemTime::now()));
        }
        Some(entry)
    }

    /// The cached body of a page: a raw one, which only an earlier version writes (this one
    /// removes it whenever it stores the page, so where both are found the raw one is the newer,
    /// as its entry is), else the compressed one.
    pub fn body(&self, url: &Url) -> Result<Vec<u8>, BodyError> {
        match std::fs::read(self.path(url, BODY_RAW)) {
            Ok(raw) => Ok(raw),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let packed = std::fs::read(self.path(url, BODY_GZ)).map_err(BodyError::Unreadable)?;
                gunzip(&packed).map_err(BodyError::Damaged)
            }
            Err(e) => Err(BodyError::Unreadable(e)),
        }
    }

    /// Stores an entry and its body (compressed). The body is written first and each file is
    /// renamed into place, so a run stopped midway never leaves an entry without its body. A
    /// body of an earlier version (or of a page that became a redirect) is removed.
    pub fn put(&self, url: &Url, entry: &Entry, body: Option<&[u8]>) -> Result<(), StoreError> {
        let key = fnv1a(url.as_str().as_bytes());
        let before = self.bound.as_ref().map(|_| self.entry_bytes(key));
        let written = self.write(url, entry, body);
        if let (Some(bound), Some(before)) = (&self.bound, before) {
            if bound.replace(before, self.entry_bytes(key)) > bound.walk_above.load(Ordering::Relaxed) {
                self.remove_least_recently_used(bound);
            }
        }
        written
    }

    fn write(&self, url: &Url, entry: &Entry, body: Option<&[u8]>) -> Result<(), StoreError> {
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

impl Cache {
    /// The bytes of an entry's files on disk.
    fn entry_bytes(&self, key: u64) -> u64 {
        ENTRY_FILES
            .iter()
            .filter_map(|ext| std::fs::metadata(self.key_path(key, ext)).ok())
            .map(|m| m.len())
            .sum()
    }

    /// Removes the entries used longest ago until the cache is under 90% of its bound. One
    /// thread at a time; another that passes the bound meanwhile leaves it to this one.
    fn remove_least_recently_used(&self, bound: &Bound) {
        let Ok(_removing) = bound.removing.try_lock() else {
            return;
        };
        let mut found = self.walk();
        let mut total: u64 = found.iter().map(|f| f.bytes).sum();
        found.sort_unstable_by_key(|f| f.used);
        let target = bound.max / 10 * 9;
        for entry in found {
            if total <= target {
                break;
            }
            if self.remove_entry(entry.key) {
                total = total.saturating_sub(entry.bytes);
                bound.removed.fetch_add(1, Ordering::Relaxed);
            }
        }
        bound.total.store(total, Ordering::Relaxed);
        bound
            .walk_above
            .store(bound.max.max(total + bound.max / 10), Ordering::Relaxed);
    }

    /// Removes an entry's files, its `.json` first (an entry without a body is a miss).
    fn remove_entry(&self, key: u64) -> bool {
        ENTRY_FILES
            .iter()
            .all(|ext| remove_if_present(&self.key_path(key, ext)).is_ok())
    }

    /// Every entry in the cache, with its size and when it was last used. Temporary files
    /// (writes in progress) are left out.
    fn walk(&self) -> Vec<Found> {
        let mut found = Vec::new();
        let Ok(shards) = std::fs::read_dir(&self.dir) else {
            return found;
        };
        for shard in shards.flatten() {
            let Ok(files) = std::fs::read_dir(shard.path()) else {
                continue;
            };
            let mut by_key: HashMap<u64, Found> = HashMap::new();
            for file in files.flatten() {
                let name = file.file_name();
                let Some((key, ext)) = name.to_str().and_then(entry_file) else {
                    remove_if_left_by_a_stopped_write(&file);
                    continue;
                };
                let Ok(meta) = file.metadata() else { continue };
                let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                let slot = by_key.entry(key).or_insert(Found { key, used, bytes: 0 });
                slot.bytes += meta.len();
                if ext == "json" {
                    slot.used = used;
                }
            }
            found.extend(by_key.into_values());
        }
        found
    }
}

/// The key and extension of an entry's file name (`<16 hex>.json`, `.body.gz`, `.body`).
fn entry_file(name: &str) -> Option<(u64, &str)> {
    let (stem, ext) = name.split_once('.')?;
    let key = u64::from_str_radix(stem, 16).ok().filter(|_| stem.len() == 16)?;
    ENTRY_FILES.contains(&ext).then_some((key, ext))
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
/// How old a temporary file must be to be taken for one a stopped run left (a write renames its
/// file into place within moments).
const LEFT_TEMPORARY: Duration = Duration::from_secs(3600);

/// Removes `file` if it is a temporary file of [`write_atomically`] older than
/// [`LEFT_TEMPORARY`]: a run killed mid-write leaves one, which no entry owns, so that `--cache-max`
/// would never count or remove it.
fn remove_if_left_by_a_stopped_write(file: &std::fs::DirEntry) {
    let name = file.file_name();
    let temporary = name.to_str().is_some_and(|n| n.contains(".tmp"));
    let old = file
        .metadata()
        .and_then(|m| m.modified())
        .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > LEFT_TEMPORARY));
    if temporary && old {
        let _ = std::fs::remove_file(file.path());
    }
}

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
        let (_tmp, cache) = unbounded_cache();
        let url = Url::parse("https://news.test/a").unwrap();
        let entry = Entry::page(&url, &Some("text/html".into()), &Some("\"v1\"".into()), &None);
        cache.put(&url, &entry, Some(b"<p>hi</p>")).unwrap();
        assert_eq!(cache.get(&url), Some(entry));
        assert_eq!(cache.body(&url).unwrap(), b"<p>hi</p>");
        assert_eq!(cache.get(&Url::parse("https://news.test/b").unwrap()), None);
    }

    /// A page stored again by an earlier version (a raw body beside this version's compressed
    /// one, with its entry) is read as that version stored it: its entry's validators are the
    /// raw body's.
    #[test]
    fn a_raw_body_stored_after_a_compressed_one_is_the_one_read() {
        let (_tmp, cache) = unbounded_cache();
        let url = Url::parse("https://news.test/a").unwrap();
        cache.put(&url, &page_entry(&url), Some(b"version 1")).unwrap();
        std::fs::write(cache.path(&url, BODY_RAW), b"version 2").unwrap();
        assert_eq!(cache.body(&url).unwrap(), b"version 2");
        // and this version storing it again leaves only its own
        cache.put(&url, &page_entry(&url), Some(b"version 3")).unwrap();
        assert_eq!(cache.body(&url).unwrap(), b"version 3");
    }

    /// A cache without a bound in a fresh folder, removed when the first value is dropped.
    fn unbounded_cache() -> (tempfile::TempDir, Cache) {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path(), None).unwrap();
        (tmp, cache)
    }

    fn page_entry(url: &Url) -> Entry {
        Entry::page(url, &Some("text/html".into()), &None, &None)
    }

    #[test]
    fn bodies_are_stored_compressed() {
        let (_tmp, cache) = unbounded_cache();
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
        let (_tmp, cache) = unbounded_cache();
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
        let (_tmp, cache) = unbounded_cache();
        let url = Url::parse("https://news.test/moved").unwrap();
        cache.put(&url, &page_entry(&url), Some(b"<p>here</p>")).unwrap();
        cache.put(&url, &Entry::redirect(&url, "/there"), None).unwrap();
        assert!(!cache.path(&url, BODY_GZ).exists());
        assert!(matches!(cache.body(&url), Err(BodyError::Unreadable(_))));
    }

    #[test]
    fn a_compressed_body_cut_anywhere_is_damaged_never_short() {
        let (_tmp, cache) = unbounded_cache();
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
        let (_tmp, cache) = unbounded_cache();
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

    /// Bytes that do not compress, so an entry takes about its body's size.
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    }

    fn on_disk(cache: &Cache) -> u64 {
        cache.walk().iter().map(|f| f.bytes).sum()
    }

    #[test]
    fn a_bounded_cache_removes_the_entries_used_longest_ago() {
        let tmp = tempfile::tempdir().unwrap();
        let url = |i: u64| Url::parse(&format!("https://news.test/{i}")).unwrap();
        let put = |cache: &Cache, i: u64| {
            cache.put(&url(i), &page_entry(&url(i)), Some(&noise(i, 1000))).unwrap();
        };
        let cache = Cache::open(tmp.path(), Some(10_000)).unwrap();
        // Eight entries of some 1,130 bytes, stored one second apart an hour ago.
        let an_hour_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
        for i in 0..8 {
            put(&cache, i);
            let json = File::options().write(true).open(cache.path(&url(i), "json")).unwrap();
            json.set_modified(an_hour_ago + std::time::Duration::from_secs(i))
                .unwrap();
        }
        assert_eq!(cache.removed(), 0);
        assert!(cache.get(&url(0)).is_some(), "the oldest, used now");

        let cache = Cache::open(tmp.path(), Some(10_000)).unwrap();
        let counted = cache.bound.as_ref().unwrap().total.load(Ordering::Relaxed);
        assert_eq!(counted, on_disk(&cache), "counted when opened");
        for i in 8..12 {
            put(&cache, i);
            assert!(on_disk(&cache) <= 10_000, "{} bytes after entry {i}", on_disk(&cache));
        }
        assert_eq!(cache.removed(), 4);
        for gone in 1..=4 {
            assert!(cache.get(&url(gone)).is_none(), "entry {gone} was used longest ago");
            assert!(!cache.path(&url(gone), BODY_GZ).exists());
        }
        for kept in [0, 5, 6, 7, 8, 9, 10, 11] {
            assert_eq!(cache.body(&url(kept)).unwrap(), noise(kept, 1000), "entry {kept}");
        }
        assert_eq!(
            cache.bound.as_ref().unwrap().total.load(Ordering::Relaxed),
            on_disk(&cache),
            "kept by the writes"
        );
    }

    /// A temporary file that a run killed mid-write left is removed when a bounded cache is
    /// walked, once old enough that no write can still own it; a young one stays.
    #[test]
    fn temporary_files_left_by_a_stopped_run_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let shard = tmp.path().join("ab");
        std::fs::create_dir_all(&shard).unwrap();
        let (old, young) = (
            shard.join("ab00000000000000.body.tmp77-0"),
            shard.join("ab00000000000001.tmp77-1"),
        );
        std::fs::write(&old, b"half a body").unwrap();
        std::fs::write(&young, b"half an entry").unwrap();
        let long_ago = SystemTime::now() - LEFT_TEMPORARY - Duration::from_secs(60);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        Cache::open(tmp.path(), None).unwrap();
        assert!(old.exists(), "an unbounded cache is not walked");
        Cache::open(tmp.path(), Some(1 << 20)).unwrap();
        assert!(!old.exists());
        assert!(young.exists());
    }

    #[test]
    fn an_unbounded_cache_removes_nothing() {
        let (_tmp, cache) = unbounded_cache();
        for i in 0..50 {
            let url = Url::parse(&format!("https://news.test/{i}")).unwrap();
            cache.put(&url, &page_entry(&url), Some(&noise(i, 1000))).unwrap();
        }
        assert_eq!(cache.walk().len(), 50);
        assert_eq!(cache.removed(), 0);
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }
}
