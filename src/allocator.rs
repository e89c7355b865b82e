//! The global allocator: mimalloc, asked through its plain entry points where it can be.
//!
//! The `mimalloc` crate's allocator calls `mi_malloc_aligned` and `mi_realloc_aligned` for every
//! request; for the alignments of nearly all of figmine's (strings, vectors of words and
//! figures: at most 8) those take three more calls than `mi_malloc` and `mi_realloc` to reach the
//! same block. Every mimalloc block is aligned to at least 8 bytes (its smallest size class is a
//! word, and pages start aligned), so the plain calls serve those requests exactly.

use libmimalloc_sys as ffi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment every block `mi_malloc` returns already has.
const PLAIN_ALIGN: usize = 8;

/// mimalloc (version 2), with small alignments served without its aligned entry points.
pub struct MiMalloc;

// SAFETY: every pointer comes from mimalloc and goes back to it; a request whose alignment is
// above PLAIN_ALIGN takes mimalloc's aligned calls, and the others are aligned by PLAIN_ALIGN.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            ffi::mi_malloc(layout.size()).cast()
        } else {
            ffi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            ffi::mi_zalloc(layout.size()).cast()
        } else {
            ffi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        ffi::mi_free(ptr.cast::<c_void>())
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            ffi::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            ffi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every small size and alignment, 64 of each alive at once (so that they are
    /// different blocks), come back aligned, keep their bytes through growth and shrinking, and
    /// zeroed blocks are zero. Sizes of 8 more than a multiple of 16 asked with alignment 16 fail
    /// if the plain calls (whose blocks of 24, 40, ... bytes are only 8-aligned) served them.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..=200).chain([1000, 4096, 70_000, 1 << 21]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                let grown = Layout::from_size_align(size * 3, align).unwrap();
                let shrunk = size.div_ceil(2);
                let copies = if size > 4096 { 2 } else { 64 };
                let mut blocks = Vec::new();
                for copy in 0..copies {
                    unsafe {
                        let p = a.alloc(layout);
                        assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size} {align}");
                        for k in 0..size {
                            *p.add(k) = ((k + copy) % 251) as u8;
                        }
                        let q = a.realloc(p, layout, size * 3);
                        assert!(!q.is_null() && (q as usize).is_multiple_of(align), "{size} {align}");
                        let r = a.realloc(q, grown, shrunk);
                        assert!(!r.is_null() && (r as usize).is_multiple_of(align), "{size} {align}");
                        let z = a.alloc_zeroed(layout);
                        assert!(!z.is_null() && (z as usize).is_multiple_of(align), "{size} {align}");
                        assert!((0..size).all(|k| *z.add(k) == 0), "zeroed {size} {align}");
                        blocks.push((r, z, copy));
                    }
                }
                for (r, z, copy) in blocks {
                    unsafe {
                        assert!((0..shrunk).all(|k| *r.add(k) == ((k + copy) % 251) as u8));
                        a.dealloc(r, Layout::from_size_align(shrunk, align).unwrap());
                        a.dealloc(z, layout);
                    }
                }
            }
        }
    }
}
