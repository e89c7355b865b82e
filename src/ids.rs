//! Article ids, each stored once and numbered: the long-lived state of a batch (the dedup index,
//! the corpus pass) refers to articles by number, so a corpus of a million articles costs a few
//! dozen bytes per id instead of a `String` per mention.

use crate::dedup::fnv1a;
use std::collections::HashMap;

/// Ids stored end to end in one string, numbered from 0 in the order they were added.
#[derive(Debug, Default)]
pub struct IdTable {
    text: String,
    ends: Vec<u32>,
    /// Hash of an id → its number, for [`IdTable::intern`]. Two ids with one hash are rare
    /// enough that the second one goes to `collided`.
    by_hash: HashMap<u64, u32>,
    collided: HashMap<Box<str>, u32>,
}

impl IdTable {
    /// Adds `id` as a new entry (even if it is already there) and returns its number. For callers
    /// that know each id comes once; such entries are not found by [`IdTable::intern`].
    pub fn push(&mut self, id: &str) -> u32 {
        let n = u32::try_from(self.ends.len()).expect("fewer than 4 billion ids");
        self.text.push_str(id);
        self.ends
            .push(u32::try_from(self.text.len()).expect("ids shorter than 4 GB in all"));
        n
    }

    /// The number of `id`, added if it is new: the same id always gets the same number.
    pub fn intern(&mut self, id: &str) -> u32 {
        let hash = fnv1a(id.as_bytes());
        match self.by_hash.get(&hash) {
            None => {
                let n = self.push(id);
                self.by_hash.insert(hash, n);
                n
            }
            Some(&n) if self.get(n) == id => n,
            Some(_) => match self.collided.get(id) {
                Some(&n) => n,
                None => {
                    let n = self.push(id);
                    self.collided.insert(id.into(), n);
                    n
                }
            },
        }
    }

    /// The id numbered `n`.
    ///
    /// # Panics
    /// When no id has that number.
    pub fn get(&self, n: u32) -> &str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.text[start..self.ends[n] as usize]
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_one_number_per_id() {
        let mut ids = IdTable::default();
        let a = ids.intern("2015/apple.html");
        let b = ids.intern("2015/google.html");
        assert_eq!(ids.intern("2015/apple.html"), a);
        assert_ne!(a, b);
        assert_eq!(
            (ids.get(a), ids.get(b), ids.len()),
            ("2015/apple.html", "2015/google.html", 2)
        );
    }

    #[test]
    fn pushed_ids_are_kept_apart_even_when_equal() {
        let mut ids = IdTable::default();
        assert_eq!((ids.push("x"), ids.push("x"), ids.push("")), (0, 1, 2));
        assert_eq!((ids.get(1), ids.get(2)), ("x", ""));
    }

    #[test]
    fn a_hash_collision_still_tells_ids_apart() {
        let mut ids = IdTable::default();
        let first = ids.intern("a");
        // Plant a second id under the first one's hash, as a real collision would be seen.
        let hash = fnv1a(b"b");
        ids.by_hash.insert(hash, first);
        let b = ids.intern("b");
        assert_ne!(b, first);
        assert_eq!((ids.intern("b"), ids.get(b)), (b, "b"));
    }
}
