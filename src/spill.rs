//! Spill: the state a batch keeps until its end (the dedup index, the articles behind each corpus
//! figure) lives in a private temporary SQLite database, so that memory stays flat however many
//! articles a run reads.
//!
//! SQLite holds the pages in use in a page cache of at most [`CACHE_KIB`] (less where a database
//! asks for less: [`Spill::limit_cache`]) and writes the rest to a file
//! in the temporary folder (`SQLITE_TMPDIR`, `TMPDIR`, `/var/tmp` or `/tmp`), which it deletes
//! when the database is dropped. A small run never leaves the cache. Nothing is durable: the
//! journal is off and everything happens in one transaction that is never committed, so no write
//! waits for the disk.
//!
//! Articles are referred to by number: each id is stored once, in the `ids` table.

use rusqlite::{Connection, OptionalExtension};

/// The page cache of one spill database, in KiB, unless [`Spill::limit_cache`] lowers it: the
/// most memory it takes.
pub const CACHE_KIB: u32 = 2048;

/// A spill database failed (typically: the temporary folder is full or not writable).
#[derive(Debug, thiserror::Error)]
#[error("temporary database (set TMPDIR to move it): {what}: {source}")]
pub struct SpillError {
    what: &'static str,
    #[source]
    source: rusqlite::Error,
}

/// Result of a spill operation.
pub type Result<T> = std::result::Result<T, SpillError>;

/// Tags a SQLite error with what was being done.
pub(crate) fn failed(what: &'static str) -> impl Fn(rusqlite::Error) -> SpillError {
    move |source| SpillError { what, source }
}

/// How ids are added to a [`Spill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    /// Each id once, by the caller's word ([`Spill::push_id`]): no lookup by id.
    Pushed,
    /// The same id always gets the same number ([`Spill::intern_id`]): ids are indexed.
    Interned,
}

/// A private temporary database with an id table, and the caller's own tables.
#[derive(Debug)]
pub struct Spill {
    conn: Connection,
    ids: u32,
    /// The last id interned and its number: one article's rows arrive together.
    last: Option<(String, u32)>,
}

impl Spill {
    /// Opens a fresh database with the `ids` table and the tables in `schema` (SQL statements).
    pub fn open(ids: Ids, schema: &str) -> Result<Spill> {
        let conn = Connection::open("").map_err(failed("open"))?;
        let index = match ids {
            Ids::Pushed => "",
            Ids::Interned => "CREATE UNIQUE INDEX ids_by_id ON ids (id);",
        };
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -{CACHE_KIB};
             PRAGMA temp_store = FILE;
             CREATE TABLE ids (n INTEGER PRIMARY KEY, id TEXT NOT NULL); {index}
             {schema}
             BEGIN;"
        ))
        .map_err(failed("create tables"))?;
        Ok(Spill {
            conn,
            ids: 0,
            last: None,
        })
    }

    /// Lowers the page cache to `kib` (from [`CACHE_KIB`]): for a database written in order,
    /// which touches few pages at a time. It also bounds the memory SQLite sorts in (an index
    /// built at the end), which otherwise grows with the data up to the cache's size.
    pub fn limit_cache(&self, kib: u32) -> Result<()> {
        debug_assert!(kib <= CACHE_KIB, "a limit above the default cache: {kib} KiB");
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{kib}"))
            .map_err(failed("set the cache size"))
    }

    /// The connection, for the caller's own tables (use `prepare_cached`).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Adds `id` as a new entry (even if it is already there) and returns its number.
    pub fn push_id(&mut self, id: &str) -> Result<u32> {
        let n = self.ids;
        self.conn
            .prepare_cached("INSERT INTO ids (n, id) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute((n, id)))
            .map_err(failed("add an id"))?;
        self.ids = n.checked_add(1).expect("fewer than 4 billion ids");
        Ok(n)
    }

    /// The number of `id`, added if it is new. Needs [`Ids::Interned`].
    pub fn intern_id(&mut self, id: &str) -> Result<u32> {
        if let Some((last, n)) = &self.last {
            if last == id {
                return Ok(*n);
            }
        }
        let known = self
            .conn
            .prepare_cached("SELECT n FROM ids WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |row| row.get(0)).optional())
            .map_err(failed("look up an id"))?;
        let n = match known {
            Some(n) => n,
            None => self.push_id(id)?,
        };
        self.last = Some((id.to_owned(), n));
        Ok(n)
    }

    /// The id numbered `n`.
    pub fn id(&self, n: u32) -> Result<String> {
        self.conn
            .prepare_cached("SELECT id FROM ids WHERE n = ?1")
            .and_then(|mut s| s.query_row([n], |row| row.get(0)))
            .map_err(failed("read an id"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_one_number_per_id() {
        let mut ids = Spill::open(Ids::Interned, "").unwrap();
        let a = ids.intern_id("2015/apple.html").unwrap();
        let b = ids.intern_id("2015/google.html").unwrap();
        assert_eq!(ids.intern_id("2015/apple.html").unwrap(), a);
        assert_ne!(a, b);
        assert_eq!(
            (ids.id(a).unwrap(), ids.id(b).unwrap()),
            ("2015/apple.html".into(), "2015/google.html".into())
        );
    }

    #[test]
    fn pushed_ids_are_kept_apart_even_when_equal() {
        let mut ids = Spill::open(Ids::Pushed, "").unwrap();
        let numbers = ["x", "x", ""].map(|id| ids.push_id(id).unwrap());
        assert_eq!(numbers, [0, 1, 2]);
        assert_eq!((ids.id(1).unwrap(), ids.id(2).unwrap()), ("x".into(), "".into()));
    }

    #[test]
    fn a_full_temporary_folder_is_an_error_that_says_so() {
        let mut ids = Spill::open(Ids::Pushed, "").unwrap();
        // A database capped at 16 pages stands for a temporary folder that is full.
        ids.conn().execute_batch("PRAGMA max_page_count = 16").unwrap();
        let id = "x".repeat(1000);
        let error = (0..1000)
            .find_map(|_| ids.push_id(&id).err())
            .expect("the cap is reached");
        let message = error.to_string();
        assert!(
            message.starts_with("temporary database (set TMPDIR to move it): add an id:"),
            "{message}"
        );
        assert!(message.contains("full"), "{message}");
    }

    /// The corpus database runs on a limited cache: SQLite takes the size, and state many times
    /// that size is still kept and sorted into an index (which SQLite sorts within the cache).
    #[test]
    fn a_limited_cache_keeps_and_sorts_state_larger_than_itself() {
        let db = Spill::open(Ids::Pushed, "CREATE TABLE t (k INTEGER NOT NULL);").unwrap();
        db.limit_cache(64).unwrap();
        let kib: i64 = db.conn().query_row("PRAGMA cache_size", [], |r| r.get(0)).unwrap();
        assert_eq!(kib, -64);
        let n: i64 = 200_003;
        for i in 0..n {
            db.conn()
                .execute("INSERT INTO t (k) VALUES (?1)", [i * 7919 % n])
                .unwrap();
        }
        db.conn().execute_batch("CREATE INDEX t_by_k ON t (k)").unwrap();
        let pages: i64 = db.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        let page_size: i64 = db.conn().query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        assert!(pages * page_size > 16 * 64 * 1024, "{pages} pages");
        let mut sorted = db.conn().prepare("SELECT k FROM t ORDER BY k").unwrap();
        let keys: Vec<i64> = sorted
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .unwrap();
        assert_eq!(keys, (0..n).collect::<Vec<_>>());
    }

    #[test]
    fn state_larger_than_the_cache_is_kept_and_read_back() {
        let mut ids = Spill::open(Ids::Interned, "").unwrap();
        // Some 12 MB of ids (twice over, with the index): several times the page cache.
        let id = |i: u32| format!("{i:08}/{}", "x".repeat(390));
        for i in 0..30_000 {
            assert_eq!(ids.intern_id(&id(i)).unwrap(), i);
        }
        for i in (0..30_000).step_by(97) {
            assert_eq!(ids.intern_id(&id(i)).unwrap(), i);
            assert_eq!(ids.id(i).unwrap(), id(i));
        }
        let pages: i64 = ids.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        let page_size: i64 = ids.conn().query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        assert!(pages * page_size > 4 * i64::from(CACHE_KIB) * 1024, "{pages} pages");
    }
}
