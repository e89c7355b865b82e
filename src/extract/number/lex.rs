//! Tokens and digit literals: the text cut into digit runs, letter runs and single symbols, and
//! the digit forms read off them ("31,002", "1.111,11", "1 234 567", "3/4", "1.3e6", "10k").

use crate::extract::pattern::Pattern;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tk {
    /// ASCII digits.
    Digits,
    /// Letters.
    Word,
    /// One other visible character.
    Sym,
}

/// One token: its kind and byte span (what the tests compare of the scans).
#[cfg(test)]
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: Tk,
    pub start: usize,
    pub end: usize,
}

/// `\p{L}` (a letter) for the rare non-ASCII character; ASCII is decided without it.
static LETTER: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^\p{L}$").unwrap());

/// Whether `c` is a letter (`\p{L}`): ASCII by its byte, the rest of the Basic Multilingual
/// Plane by [`LETTER_BLOCKS`], characters past it by [`LETTER`].
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let code = c as usize;
    if code >= 0x10000 {
        return is_letter_by_pattern(c);
    }
    let block = code >> 6;
    // the acquire load sees the block's bits stored before it was marked filled
    let filled = BLOCKS_FILLED[block >> 6].load(Ordering::Acquire) >> (block & 63) & 1 != 0;
    let letters = match filled {
        true => LETTER_BLOCKS[block].load(Ordering::Relaxed),
        false => fill_letter_block(block),
    };
    letters >> (code & 63) & 1 != 0
}

/// [`LETTER`] of one character.
fn is_letter_by_pattern(c: char) -> bool {
    let mut buf = [0; 4];
    LETTER.is_match(c.encode_utf8(&mut buf))
}

/// The letters of the Basic Multilingual Plane, a bit for each character, 64 characters a
/// block: a block is filled from [`LETTER`] the first time one of its characters is tested
/// (texts outside ASCII, a Russian page among them, test the same few blocks again and again,
/// and the pattern cost more than the rest of the tokenising).
static LETTER_BLOCKS: [AtomicU64; 1024] = [const { AtomicU64::new(0) }; 1024];
/// Which blocks of [`LETTER_BLOCKS`] are filled, a bit each.
static BLOCKS_FILLED: [AtomicU64; 16] = [const { AtomicU64::new(0) }; 16];

/// Fills block `block` of [`LETTER_BLOCKS`] (a thread that races another stores the same
/// bits) and gives its bits.
#[cold]
fn fill_letter_block(block: usize) -> u64 {
    let letters = (0..64u32).fold(0u64, |letters, k| {
        let letter = char::from_u32((block as u32) << 6 | k).is_some_and(is_letter_by_pattern);
        letters | u64::from(letter) << k
    });
    LETTER_BLOCKS[block].store(letters, Ordering::Relaxed);
    BLOCKS_FILLED[block >> 6].fetch_or(1 << (block & 63), Ordering::Release);
    letters
}

/// The tokens of `text`: runs of ASCII digits, runs of letters (`\p{L}`) and single other
/// characters, whitespace skipped, as the regex `[0-9]+|\p{L}+|[^\s0-9\p{L}]` cuts them, one
/// character at a time: what [`mixed_cuts`] and [`ascii_cuts`] are tested against.
#[cfg(test)]
fn any_tokens(text: &str, toks: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let (c, len) = char_at(text, start);
        let kind = if c.is_ascii_digit() {
            Tk::Digits
        } else if is_letter(c) {
            Tk::Word
        } else if c.is_whitespace() {
            start += len;
            continue;
        } else {
            Tk::Sym
        };
        let mut end = start + len;
        match kind {
            Tk::Digits => end += bytes[end..].iter().take_while(|b| b.is_ascii_digit()).count(),
            Tk::Word => {
                while end < bytes.len() {
                    let (d, len) = char_at(text, end);
                    if d.is_ascii_digit() || !is_letter(d) {
                        break;
                    }
                    end += len;
                }
            }
            Tk::Sym => {}
        }
        // the kind follows the first character, as before: a letter run starting with a
        // non-alphabetic letter is a symbol for the recognizers
        let kind = match kind {
            Tk::Word if !c.is_alphabetic() => Tk::Sym,
            k => k,
        };
        toks.push(Tok { kind, start, end });
        start = end;
    }
}

/// Where the run of letters (`\p{L}`) at `i` of `text` ends (`i` when no letter stands
/// there): ASCII letters taken by their byte, the others decoded.
fn letters_end_any(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if !is_letter(c) {
            break;
        }
        i += len;
    }
    i
}

/// The class of each byte for [`ascii_cuts`] and [`mixed_cuts`]: a space (one of `\t\n\x0B\x0C\r `,
/// `char::is_whitespace` on ASCII), a digit, a letter (`[A-Za-z]`), another ASCII character or
/// a byte outside ASCII.
const SPACE_BYTE: u8 = 0;
const DIGIT_BYTE: u8 = 1;
const LETTER_BYTE: u8 = 2;
const OTHER_BYTE: u8 = 3;
const OUTSIDE_BYTE: u8 = 4;
static BYTE_CLASS: [u8; 256] = {
    let mut class = [OUTSIDE_BYTE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_digit() {
            DIGIT_BYTE
        } else if c.is_ascii_alphabetic() {
            LETTER_BYTE
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE_BYTE
        } else {
            OTHER_BYTE
        };
        b += 1;
    }
    class
};

/// [`any_tokens`] of an ASCII text, in a list (what tests compare).
#[cfg(test)]
fn ascii_tokens(bytes: &[u8], toks: &mut Vec<Tok>) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let mut lowered = String::new();
    let lowered = lowered_and_padded(text, &mut lowered);
    assert!(text.is_ascii(), "an ASCII text");
    ascii_cuts(lowered.as_bytes(), toks);
}

/// What [`ascii_cuts`] and [`mixed_cuts`] hand each token to.
trait Cut {
    /// Keeps the token of kind `kind` at `start..end`, `ascii` when all its characters are
    /// ASCII; `sixteen` are the sixteen bytes of the lowered text from `start` on.
    fn cut(&mut self, kind: Tk, start: usize, end: usize, ascii: bool, sixteen: &[u8; 16]);

    /// Notes an ASCII space other than the one after a token (which is skipped unseen), `byte`.
    #[inline(always)]
    fn space(&mut self, _byte: u8) {}
}

#[cfg(test)]
impl Cut for Vec<Tok> {
    fn cut(&mut self, kind: Tk, start: usize, end: usize, _: bool, _: &[u8; 16]) {
        self.push(Tok { kind, start, end });
    }
}

/// The tokens of an ASCII text (as the regex cuts them), each token (kind, start, end) handed
/// to `cut` for the caller to keep as it needs ([`Toks::read`] makes its tokens here, without a
/// list of cuts in between), read from the text's [`lowered_and_padded`] copy `lowered` (the
/// text, then sixteen spaces): at each token, the letters and digits of the sixteen bytes from
/// it are told at once ([`letters_and_digits`]), which give a word's or a run of digits' kind
/// and end together (most end inside them); another byte is classed by [`BYTE_CLASS`]. The
/// caller tells a text outside ASCII first and cuts it by [`mixed_cuts`]. Every token is handed
/// on as ASCII, and [`TokenMaker`] slices such a token without the character-boundary tests
/// ([`ascii_span`]); so that this stays sound whatever a caller passes, a symbol byte outside
/// ASCII (letters and digits are ASCII by their masks) is handed on as not ASCII, and its
/// slice, inside a character, then panics instead of making a `str` that is not UTF-8.
#[inline]
fn ascii_cuts(lowered: &[u8], cut: &mut impl Cut) {
    debug_assert!(lowered.is_ascii(), "an ASCII text");
    cuts::<true>("", lowered, cut);
}

/// The scan of [`ascii_cuts`] on a text with characters outside ASCII, `text`, read from its
/// [`lowered_and_padded`] copy `lowered` (ASCII letters lowered in place, every other byte as
/// it is): ASCII tokens are cut sixteen bytes at a time there, a word of ASCII letters goes on
/// when a letter outside ASCII follows it ("café"), and a token starting outside ASCII is
/// decoded from `text` as `any_tokens` reads it. Each token is handed to `cut` with whether
/// it is all ASCII. Real text is mostly such texts (a curly quote or apostrophe in a sentence
/// makes it one), and a scan a character at a time cost some nine instructions a byte more.
/// Not inlined: the scan of ASCII texts stays small.
#[inline(never)]
fn mixed_cuts(text: &str, lowered: &[u8], cut: &mut impl Cut) {
    cuts::<false>(text, lowered, cut);
}

/// The scan of [`ascii_cuts`] (`ASCII`, `text` unread) and of [`mixed_cuts`].
#[inline(always)]
fn cuts<const ASCII: bool>(text: &str, lowered: &[u8], cut: &mut impl Cut) {
    let mut i = 0;
    // the loop runs while sixteen bytes stand from `i`: to the text's end, and one byte past
    // it (a space of the padding, cutting nothing), so that the text's length is not kept; told
    // by the last such place, found once (`get(i..i + 16)` tested the end of the sixteen bytes
    // and `i + 16` for an overflow: three instructions a token more)
    let Some(last) = lowered.len().checked_sub(16) else {
        return;
    };
    // what the read of the byte after each token below relies on: the last byte ends every
    // run before it, and every character outside ASCII ends before it
    assert!(
        lowered[lowered.len() - 1] == b' ' && text.len() < lowered.len(),
        "a text's lowered and padded copy"
    );
    while i <= last {
        // SAFETY: `i + 16 <= lowered.len()`, as `i <= last`
        let sixteen: &[u8; 16] = unsafe { &*lowered.as_ptr().add(i).cast::<[u8; 16]>() };
        let start = i;
        let (letters, digits) = letters_and_digits(sixteen);
        // a run's end is its first byte outside the run: the seventeenth at most
        let run_end = |run: u32| (!run).trailing_zeros() as usize;
        // each kind is cut where it is known, so that where `cut` is inlined, its work is
        // specialised to the kind (most tokens are words)
        if letters & 1 != 0 {
            i += run_end(letters);
            if i == start + 16 {
                i = long_run_end(lowered, i, u8::is_ascii_lowercase);
            }
            // a run of ASCII letters ends inside the text when a byte outside ASCII ends it,
            // and a letter there goes on with the word
            let ascii_end = i;
            if !ASCII && !lowered[i].is_ascii() {
                i = letters_end_any(text, i);
            }
            cut.cut(Tk::Word, start, i, i == ascii_end, sixteen);
        } else if digits & 1 != 0 {
            i += run_end(digits);
            if i == start + 16 {
                i = long_run_end(lowered, i, u8::is_ascii_digit);
            }
            cut.cut(Tk::Digits, start, i, true, sixteen);
        } else if ASCII || sixteen[0].is_ascii() {
            i += 1;
            if BYTE_CLASS[usize::from(sixteen[0])] == SPACE_BYTE {
                cut.space(sixteen[0]);
                continue;
            }
            cut.cut(Tk::Sym, start, i, sixteen[0].is_ascii(), sixteen);
        } else {
            // a byte outside ASCII stands inside the text (the padding is spaces)
            let (c, len) = char_at(text, i);
            i += len;
            if is_letter(c) {
                i = letters_end_any(text, i);
                // every letter is alphabetic (`every_letter_is_alphabetic`): the run is a word
                debug_assert!(c.is_alphabetic(), "{c:?} is alphabetic");
                cut.cut(Tk::Word, start, i, false, sixteen);
            } else if !c.is_whitespace() {
                cut.cut(Tk::Sym, start, i, false, sixteen);
            }
        }
        // most tokens are followed by one space: skipped without its class lookup (a run
        // ends before the padding, so the byte is there)
        debug_assert!(i < lowered.len(), "a token ends before the last byte");
        // SAFETY: every token ends before the last byte of `lowered` (asserted above: a space,
        // which ends every run of letters or digits; a symbol starts at `last` at most; a
        // character outside ASCII is read from `text`, which is shorter), so the byte after it
        // is there (tested, the read cost some two instructions a token, and a jump)
        i += usize::from(unsafe { *lowered.get_unchecked(i) } == b' ');
    }
}

/// Where the run of bytes of which `in_run` holds, from `i`, ends in `bytes` (for the runs
/// longer than sixteen bytes: cold, so that the loop of [`ascii_cuts`] stays small).
#[cold]
#[inline(never)]
fn long_run_end(bytes: &[u8], i: usize, in_run: fn(&u8) -> bool) -> usize {
    i + bytes[i..].iter().take_while(|b| in_run(b)).count()
}

/// For each byte `k` of `sixteen` (of the lowercased text), bit `k` of the first set when it is
/// an ASCII lowercase letter, of the second when it is an ASCII digit.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn letters_and_digits(sixteen: &[u8; 16]) -> (u32, u32) {
    // SAFETY: SSE2 is part of every x86-64 processor (a baseline feature of the target).
    unsafe { letters_and_digits_by_sse2(sixteen) }
}

/// [`letters_and_digits`] by SSE2: each class a range of bytes ([`in_range`](crate::extract::lanes::in_range)).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn letters_and_digits_by_sse2(sixteen: &[u8; 16]) -> (u32, u32) {
    use crate::extract::lanes::{in_range, lanes};
    use std::arch::x86_64::_mm_movemask_epi8;
    let v = lanes(sixteen);
    let (letters, digits) = (in_range(v, b'a', 26), in_range(v, b'0', 10));
    (_mm_movemask_epi8(letters) as u32, _mm_movemask_epi8(digits) as u32)
}

/// [`letters_and_digits`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn letters_and_digits_by_bytes(sixteen: &[u8; 16]) -> (u32, u32) {
    let bits = |class: fn(&u8) -> bool| (0..16).filter(|&k| class(&sixteen[k])).map(|k| 1 << k).sum();
    (bits(u8::is_ascii_lowercase), bits(u8::is_ascii_digit))
}

/// [`letters_and_digits`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn letters_and_digits(sixteen: &[u8; 16]) -> (u32, u32) {
    letters_and_digits_by_bytes(sixteen)
}

/// The bytes [`lowered_and_padded`] lowers at a time.
const LOWERED_BLOCK: usize = 32;

/// `text` with its ASCII letters in lower case, and sixteen spaces after it (so that
/// [`ascii_cuts`] reads sixteen bytes from any byte of the text), into `lowered` (its contents
/// replaced); gives the text and the sixteen spaces, `lowered` may hold more.
fn lowered_and_padded<'l>(text: &str, lowered: &'l mut String) -> &'l str {
    lowered.clear();
    lowered.push_str(text);
    // spaces to a whole number of blocks of thirty-two bytes, sixteen at least: lowered a block
    // at a time (by AVX2: blocks of sixteen took twice the turns, some 0.2 instructions a byte
    // more), the text's last bytes with the rest (`make_ascii_lowercase` took its last bytes one
    // at a time, some ten instructions a byte for eight bytes a sentence)
    let padding = 16 + (LOWERED_BLOCK - (text.len() + 16) % LOWERED_BLOCK) % LOWERED_BLOCK;
    const SPACES: &str = "                                                ";
    lowered.push_str(&SPACES[..padding]);
    // SAFETY: lowering ASCII letters changes ASCII bytes into ASCII bytes only: the string stays
    // UTF-8.
    let bytes = unsafe { lowered.as_bytes_mut() };
    for block in bytes.chunks_exact_mut(LOWERED_BLOCK) {
        #[cfg(test)]
        tests::LOWERED_BLOCKS.with(|n| n.set(n.get() + 1));
        let block: &mut [u8; LOWERED_BLOCK] = block.try_into().expect("a block");
        block.make_ascii_lowercase();
    }
    debug_assert!(
        bytes.chunks_exact_mut(LOWERED_BLOCK).into_remainder().is_empty(),
        "whole blocks"
    );
    &lowered[..text.len() + 16]
}

/// Short lowercase ASCII words with a value each, for the tokeniser's lookup of a word's lower
/// case: found by a hash of the word's first eight letters, read at once from the lowered text
/// at the word ([`lowered_and_padded`] holds sixteen bytes from any byte), then compared whole
/// (its sixteen bytes with the bytes past it cleared). Most words of a text are not held, and
/// find an empty slot at once, with no test of their letters (a filter by first letters and
/// length, then a table of those shapes, cost some twice as many instructions a word). What
/// [`WordTable::get_lowercase`](super::words::WordTable) tells.
pub(super) struct LowerWords<T> {
    /// For each hash ([`LowerWords::home`]), by open addressing, the place plus one in `words`
    /// of a word: a word is in the first slot from its hash's on that holds it or is empty (0).
    /// Sixteen slots a word at least, so that most words not held find an empty slot first.
    by_hash: Box<[u16; LOWER_WORD_SLOTS]>,
    /// The words' keys ([`LowerWords::key`]) and values.
    words: Vec<([u64; 2], T)>,
}

/// The slots of [`LowerWords::by_hash`]: a power of two.
const LOWER_WORD_SLOTS: usize = 4096;

/// For each length of a word from none to sixteen letters, the mask of its bytes in the two
/// integers of [`LowerWords::key`]: sixteen keeps all sixteen, and a word of sixteen letters or
/// more (whose key then ends in a letter) is none of a table's.
static WORD_BYTE_MASKS: [[u64; 2]; 17] = {
    let mut masks = [[0; 2]; 17];
    let mut len = 0;
    while len <= 16 {
        let bits = 8 * len as u32;
        masks[len] = match bits {
            0..64 => [(1 << bits) - 1, 0],
            64..128 => [u64::MAX, (1 << (bits - 64)) - 1],
            _ => [u64::MAX; 2],
        };
        len += 1;
    }
    masks
};

impl<T: Copy> LowerWords<T> {
    /// The table of `words`: lowercase ASCII words of one to fifteen letters, each once.
    pub fn of<'w>(words: impl Iterator<Item = (&'w str, T)>) -> Self {
        let mut by_hash = Box::new([0u16; LOWER_WORD_SLOTS]);
        let mut held = Vec::new();
        for (w, value) in words {
            let b = w.as_bytes();
            assert!(
                (1..16).contains(&b.len()) && b.iter().all(u8::is_ascii_lowercase),
                "{w}: a short lowercase word"
            );
            let key = Self::key(&padded(b), b.len());
            assert!(held.iter().all(|(k, _)| *k != key), "{w}: held once");
            // asked before the word takes a slot: a full table would never end the search below
            assert!((held.len() + 1) * 16 <= LOWER_WORD_SLOTS, "{w}: sixteen slots a word");
            let mut at = Self::home(key);
            while by_hash[at] != 0 {
                at = (at + 1) % LOWER_WORD_SLOTS;
            }
            held.push((key, value));
            by_hash[at] = u16::try_from(held.len()).expect("a place in sixteen bits");
        }
        LowerWords { by_hash, words: held }
    }

    /// The key of the word of the first `len` bytes of `sixteen` (one to fifteen; sixteen or
    /// more for a word of so many letters): its bytes, little-endian, in two integers, the bytes
    /// past it cleared. The first integer is [`first_key_half`]'s, which for a word of 32
    /// letters or more may differ from its first eight bytes: such a key is never a held one,
    /// whose second integer ends in a cleared byte where this one's ends in a letter.
    #[inline(always)]
    fn key(sixteen: &[u8; 16], len: usize) -> [u64; 2] {
        let second = u64::from_le_bytes(sixteen[8..].try_into().expect("eight"));
        [first_key_half(sixteen, len), second & WORD_BYTE_MASKS[len.min(16)][1]]
    }

    /// The slot a key's search starts at: a multiplicative hash of its first eight letters (by
    /// the constant of `rustc_hash`'s hasher; the slots of "the", a tenth of the words of a
    /// text, and most common words' are empty by it).
    #[inline(always)]
    fn home(key: [u64; 2]) -> usize {
        const BITS: u32 = LOWER_WORD_SLOTS.trailing_zeros();
        (key[0].wrapping_mul(0xF135_7AEA_2E62_A9C5) >> (64 - BITS)) as usize
    }

    /// The value of the word of lowercase ASCII letters that `sixteen` starts with, `len`
    /// letters long (one at least), if the table holds it: `sixteen` are the bytes of a text's
    /// [`lowered_and_padded`] copy from the word on.
    #[inline(always)]
    pub fn get_at(&self, sixteen: &[u8; 16], len: usize) -> Option<T> {
        let key = Self::key(sixteen, len);
        let mut at = Self::home(key);
        loop {
            let place = usize::from(self.by_hash[at]);
            // an empty slot (0) ends the search; a held place is a word's index plus one
            let (held, value) = self.words[place.checked_sub(1)?];
            if held == key {
                return Some(value);
            }
            at = (at + 1) % LOWER_WORD_SLOTS;
        }
    }

    /// The value of `word` (lowercase ASCII letters, one at least), if the table holds it.
    #[cfg(test)]
    pub fn get(&self, word: &[u8]) -> Option<T> {
        if word.len() >= 16 {
            return None;
        }
        self.get_at(&padded(word), word.len())
    }
}

/// The first eight bytes of `sixteen` as a little-endian integer, with the bytes from the
/// `len`th on cleared when `len` is below eight: the first half of a [`LowerWords`] key, the
/// one its hash reads (every word of a text is looked up: the half by a table of masks took
/// seven instructions, by BZHI two). `len` below 32 gives exactly that; a larger one may clear
/// more (BZHI reads the low byte of its bit count).
#[cfg(all(target_arch = "x86_64", target_feature = "bmi2"))]
#[inline(always)]
fn first_key_half(sixteen: &[u8; 16], len: usize) -> u64 {
    let first = u64::from_le_bytes(sixteen[..8].try_into().expect("eight"));
    // SAFETY: the build enables BMI2 (the `cfg` above), so every processor it runs on has it
    unsafe { std::arch::x86_64::_bzhi_u64(first, (len as u32) << 3) }
}

/// [`first_key_half`] by the table of masks: where the build has no BMI2, and for the tests.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "bmi2"))))]
#[inline(always)]
fn first_key_half_by_masks(sixteen: &[u8; 16], len: usize) -> u64 {
    u64::from_le_bytes(sixteen[..8].try_into().expect("eight")) & WORD_BYTE_MASKS[len.min(16)][0]
}

/// [`first_key_half`] where the build has no BMI2.
#[cfg(not(all(target_arch = "x86_64", target_feature = "bmi2")))]
#[inline(always)]
fn first_key_half(sixteen: &[u8; 16], len: usize) -> u64 {
    first_key_half_by_masks(sixteen, len)
}

/// A word of fifteen bytes at most, then spaces to sixteen bytes (as a text's
/// [`lowered_and_padded`] copy holds it).
fn padded(word: &[u8]) -> [u8; 16] {
    let mut sixteen = [b' '; 16];
    sixteen[..word.len()].copy_from_slice(word);
    sixteen
}

/// Where the run of ASCII letters at `i` in an ASCII text ends.
pub(super) fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let n = leading_letters(chunk.try_into().expect("eight bytes"));
        i += n;
        if n < 8 {
            return i;
        }
    }
    crate::extract::claim::letters_end(bytes, i)
}

/// How many of the eight ASCII bytes of `chunk` are letters before the first that is not, all
/// eight tested at once: with `| 0x20` a letter is a byte from `a` (0x61) to `z` (0x7A), and
/// as every byte is below 0x80, adding 0x1F (0x05) to each sets its high bit exactly when it is
/// at least 0x61 (0x7B), with no carry into the next byte. A byte outside ASCII (in a word
/// that goes on outside ASCII, "café") is no letter: its high bit is set in both sums, or the
/// first sum carries out of it, into the next byte only, which is past the first non-letter.
fn leading_letters(chunk: [u8; 8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let lowered = u64::from_le_bytes(chunk) | 0x2020_2020_2020_2020;
    let from_a = lowered.wrapping_add(0x1F1F_1F1F_1F1F_1F1F);
    let past_z = lowered.wrapping_add(0x0505_0505_0505_0505);
    let letters = from_a & !past_z & HIGH;
    // the first byte is the lowest: the first high bit of a non-letter, at bit 8k + 7 (64 if none)
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

/// The character at byte `i` (a char boundary) and its length; ASCII without decoding.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().expect("a char boundary inside the text");
    (c, c.len_utf8())
}

/// The span `start..end` of `text`, sliced without the tests that `&text[start..end]` makes of
/// its ends being character boundaries (some 14 instructions a token, for the one that
/// [`TokenMaker`] makes of every token): ASCII bytes are UTF-8 on their own.
///
/// # Safety
///
/// The bytes at `start..end` of `text` are ASCII (`start..end` may lie outside the text: it
/// panics then).
#[inline(always)]
unsafe fn ascii_span(text: &str, start: usize, end: usize) -> &str {
    let bytes = &text.as_bytes()[start..end];
    debug_assert!(bytes.is_ascii(), "{start}..{end} of {text:?} is ASCII");
    // SAFETY: ASCII bytes (the caller's promise) are UTF-8
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

/// The address just past the end of `slice` (what the start of a slice right after it is).
#[inline]
fn end_address(slice: &str) -> usize {
    slice.as_ptr() as usize + slice.len()
}

/// Whether a word is its own lower case without looking it up: ASCII lowercase letters only.
#[cfg(test)]
fn is_ascii_lowercase(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_lowercase())
}

/// One token as the recognizers read it: its kind, text and lower case.
///
/// The text and the lower case are slices made once here: the recognizers look each token up
/// many times, and slicing the text at every lookup (with its bounds and char boundary tests)
/// cost more than reading the numbers. Its byte span is where its text lies in the text of the
/// tokens ([`Toks::start`]): kept apart, the span made each token 16 bytes longer to write.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub kind: Tk,
    /// The token as written, a slice of the text.
    written: &'a str,
    /// The word in lower case, "" for a token that is no word.
    lower: &'a str,
    /// The [`atom_code`](super::words::atom_code) of the word (0 for a token that is no word).
    atom: u8,
    /// The [`WordCodes::first`](super::WordCodes) of the word (0 for a token that is no word).
    first: u8,
}

/// The tokens of a text as [`ascii_cuts`] or [`mixed_cuts`] cut them, with the starts of
/// mentions noted.
struct TokenMaker<'a, 'l> {
    text: &'a str,
    /// The text with its ASCII letters in lower case: an ASCII word's lower case is at its own
    /// byte span. Without the padding, as long as the text: the bounds test of a token's span
    /// of the text serves its span of this too.
    lowered: &'a str,
    first_words: super::MentionStarts,
    toks: &'l mut Vec<Token<'a>>,
    starts: &'l mut Vec<u32>,
    symbols: SymbolsSeen,
    /// The lower case of the words with characters outside ASCII (which may be longer or
    /// shorter), one after the other.
    lowered_outside: &'l mut String,
    /// The index of each such word's token and the end of its lower case in `lowered_outside`.
    outside: &'l mut Vec<(u32, u32)>,
}

impl<'a> Cut for TokenMaker<'a, '_> {
    /// Always inlined: [`ascii_cuts`] calls it once for each kind, so that the work of a token
    /// (most are words) is specialised to its kind.
    #[inline(always)]
    fn cut(&mut self, kind: Tk, start: usize, end: usize, ascii: bool, sixteen: &[u8; 16]) {
        if !ascii {
            self.cut_outside_ascii(kind, &self.text[start..end]);
            return;
        }
        // SAFETY: a token cut as ASCII is of ASCII bytes inside the text, and its span of the
        // text's ASCII-lowercased copy (as long as the text) holds the same bytes lowercased
        let span = |of: &'a str| unsafe { ascii_span(of, start, end) };
        let written = span(self.text);
        // a word's lower case is its span of the lowercased text, sliced at no cost: telling a
        // word in lower case, its own lower case, took more
        let lower = match kind {
            Tk::Word => span(self.lowered),
            _ => "",
        };
        let mut token = Token {
            kind,
            written,
            lower,
            atom: 0,
            first: 0,
        };
        if kind == Tk::Sym {
            self.symbols.note(self.text.as_bytes(), start);
        }
        // ".5": the period starts a numeral (`may_start_with_symbol`), noted with the digits
        let after_glued_period = kind == Tk::Digits
            && self
                .toks
                .last()
                .is_some_and(|p| p.written == "." && end_address(p.written) == self.text.as_ptr() as usize + start);
        let codes = self.first_words.note(
            self.starts,
            self.toks.len(),
            kind,
            token.written.as_bytes(),
            sixteen,
            after_glued_period,
        );
        token.atom = codes.atom;
        token.first = codes.first;
        push_in_room(self.toks, token);
    }

    /// Notes a tab ([`SymbolsSeen::tab`]): every tab comes here, as the one space skipped after
    /// a token is a space (" ").
    #[inline(always)]
    fn space(&mut self, byte: u8) {
        self.symbols.tab |= byte == b'\t';
    }
}

impl Token<'_> {
    /// Whether `next`, a token after this one, starts where this one ends (no space between).
    #[inline]
    fn touches(&self, next: &Token) -> bool {
        end_address(self.written) == next.written.as_ptr() as usize
    }

    /// Whether this is the symbol `s`.
    #[inline]
    fn is_sym(&self, s: &str) -> bool {
        self.kind == Tk::Sym && self.written == s
    }
}

impl<'a> TokenMaker<'a, '_> {
    /// Keeps a token with characters outside ASCII, `written` (a slice of the text): noted as a
    /// start unless it is a word whose lower case is not ASCII or a punctuation mark that starts
    /// nothing ([`outside_ascii_may_start`]), and for a word, its lower case kept in
    /// `lowered_outside` for the token to take once the text is cut.
    #[inline(never)]
    fn cut_outside_ascii(&mut self, kind: Tk, written: &'a str) {
        let may_start = match kind {
            Tk::Word => {
                let from = self.lowered_outside.len();
                push_lowercase(self.lowered_outside, written);
                let lower_end = self.lowered_outside.len() as u32;
                self.outside.push((self.toks.len() as u32, lower_end));
                // a lower case outside ASCII is no numeral, first word, currency code or scale
                // (every one is ASCII); a "$" after the word notes it
                // ([`MentionStarts::note`](super::MentionStarts))
                self.lowered_outside[from..].is_ascii()
            }
            _ => outside_ascii_may_start(written),
        };
        if may_start {
            push_in_room(self.starts, self.toks.len() as u32);
        }
        push_in_room(
            self.toks,
            Token {
                kind,
                written,
                lower: "",
                atom: 0,
                first: 0,
            },
        );
    }
}

/// Pushes `item` (a token, or the index of one that may start a mention) onto `list` without
/// asking whether it has room: [`Toks::in_room`] reserves room for as many as its text has
/// bytes, and the tokens of a text are spans of it that neither overlap nor are empty, so that
/// no text has more; no token is noted as a start twice. (`Vec::push` asked on every token, and
/// kept a call to grow the list inside the tokeniser's loop.)
#[inline(always)]
pub(super) fn push_in_room<T>(list: &mut Vec<T>, item: T) {
    let len = list.len();
    // (asked in every test build, release ones too, where a debug assertion is not)
    if cfg!(test) {
        assert!(len < list.capacity(), "room reserved for every token");
    }
    // SAFETY: `len < capacity` (above): the slot after the items is allocated, and writing it
    // then counting it keeps the list's items initialised
    unsafe {
        list.as_mut_ptr().add(len).write(item);
        list.set_len(len + 1);
    }
}

/// Whether a symbol outside ASCII, `written`, may start a mention: all but the punctuation of
/// U+2000 to U+203F (E2 80 xx: curly quotes and apostrophes, the ellipsis, bullets, primes),
/// the commonest symbols outside ASCII of real text, save its dashes U+2010 to U+2015 (those
/// [`Toks::dash`] reads, U+2010, U+2011, U+2013 and U+2014, may be a minus sign or join a range;
/// the other two are kept with them, and start nothing).
#[inline]
fn outside_ascii_may_start(written: &str) -> bool {
    !matches!(written.as_bytes(), [0xE2, 0x80, third, ..] if !(0x90..=0x95).contains(third))
}

/// Appends `word.to_lowercase()` to `into`, a character at a time: `str::to_lowercase` builds
/// a string of its own for each word (and its loop cost more than the lookups of the letters).
/// A capital sigma lowers by its neighbours (a word's last "Σ" is "ς"), which only the whole
/// word's `to_lowercase` tells; every other character lowers on its own, as there, from this
/// thread's [`LowerCases`].
fn push_lowercase(into: &mut String, word: &str) {
    if has_capital_sigma(word) {
        into.push_str(&word.to_lowercase());
        return;
    }
    LOWER_CASES.with_borrow_mut(|lower_cases| {
        for c in word.chars() {
            match c.is_ascii() {
                true => into.push(c.to_ascii_lowercase()),
                false => lower_cases.push_lowercase(into, c),
            }
        }
    });
}

/// The lower case of the characters outside ASCII seen lately, that lower to one character:
/// `char::to_lowercase` searches a table of some 1,400 ranges for each (some 40 instructions),
/// and a text outside ASCII repeats a few dozen letters.
struct LowerCases {
    /// A character and its lower case, in the slot of the character's low bits; `'\0'` (no
    /// character outside ASCII) is an empty slot.
    slots: [(char, char); 256],
}

thread_local! {
    /// This thread's [`LowerCases`], kept from text to text.
    static LOWER_CASES: RefCell<LowerCases> = const { RefCell::new(LowerCases { slots: [('\0', '\0'); 256] }) };
}

impl LowerCases {
    /// Appends the lower case of `c`, a character outside ASCII, to `into`.
    #[inline]
    fn push_lowercase(&mut self, into: &mut String, c: char) {
        let slot = &mut self.slots[c as usize % 256];
        if slot.0 == c {
            #[cfg(test)]
            tests::LOWER_CASES_KEPT.with(|n| n.set(n.get() + 1));
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.len()) {
                (Some(one), 0) => *slot = (c, one),
                // "İ" lowers to two characters: not kept
                _ => return into.extend(c.to_lowercase()),
            }
        }
        into.push(slot.1);
    }
}

/// Whether `word` holds a capital sigma, "Σ" (U+03A3): told by its two bytes, CE A3, which
/// stand together nowhere else in UTF-8 (`contains('Σ')` searches for a character outside ASCII
/// as for a string, some 250 instructions a word on real text).
fn has_capital_sigma(word: &str) -> bool {
    word.as_bytes().windows(2).any(|pair| pair == [0xCE, 0xA3])
}

/// What the symbols of a text tell before any reading: whether a web address or an e-mail
/// address may stand in it, whether it opens a bracket, and whether it holds a tab. Noted as a
/// text is cut (every ASCII symbol is a token of its own, and every space but the one after a
/// token is seen), so that none needs a pass over the text of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct SymbolsSeen {
    /// `super::may_hold_url` of the text.
    pub may_hold_url: bool,
    /// Whether the text holds a "(".
    pub open_bracket: bool,
    /// Whether the text holds a tab (`read::CELL_SEPARATOR`, between a table row's cells).
    pub tab: bool,
}

impl SymbolsSeen {
    /// What the symbols of any text tell, read off its bytes (what the notes are tested
    /// against).
    #[cfg(test)]
    fn of(text: &str) -> Self {
        SymbolsSeen {
            may_hold_url: super::may_hold_url(text),
            open_bracket: memchr::memchr(b'(', text.as_bytes()).is_some(),
            tab: memchr::memchr(b'\t', text.as_bytes()).is_some(),
        }
    }

    /// Adds the ASCII symbol at `at` of `bytes`: the bytes `super::may_hold_url` looks for
    /// ("@", ":", ".") are tested as it tests them.
    #[inline(always)]
    fn note(&mut self, bytes: &[u8], at: usize) {
        match bytes[at] {
            b'(' => self.open_bracket = true,
            b'@' => self.may_hold_url = true,
            b':' => self.may_hold_url |= bytes[at + 1..].starts_with(b"//"),
            b'.' => self.may_hold_url |= at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"),
            _ => {}
        }
    }
}

/// The text and its tokens, with the lookups every recognizer needs.
pub(super) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    /// The indices of the tokens that may start a mention, in order: every token of which
    /// [`super::FirstWords::may_start_mention`] holds is one (and a few others), so that the
    /// reader tries these and passes over the words between without looking at them again.
    pub starts: Vec<u32>,
    /// What its symbols tell.
    pub symbols: SymbolsSeen,
}

/// The room a [`Toks`] needs besides the text: the token list, the starts, the text in lower
/// case and the lower case of words outside ASCII with their tokens, kept on the thread by
/// [`Toks::read`] for the next text (texts are read sentence by sentence, and each would
/// allocate them).
#[derive(Default)]
struct Room {
    toks: Vec<Token<'static>>,
    starts: Vec<u32>,
    lowered: String,
    lowered_outside: String,
    outside: Vec<(u32, u32)>,
}

/// The most tokens a thread's [`Room`] keeps room for between texts: some 320 KB, twice the
/// room of the longest sentence (`sentence::MAX_SENTENCE_BYTES`, a token a byte at most).
const KEPT_TOKEN_ROOM: usize = 8192;

thread_local! {
    /// The room of the last [`Toks`] read on this thread, taken and given back once a text.
    static ROOM: RefCell<Room> = const {
        RefCell::new(Room {
            toks: Vec::new(),
            starts: Vec::new(),
            lowered: String::new(),
            lowered_outside: String::new(),
            outside: Vec::new(),
        })
    };
}

impl Toks<'_> {
    /// Cuts `text` into tokens and gives them to `read`, with the room for their lists and
    /// their lower case kept on the thread for the next text; `ascii` tells whether the text is
    /// all ASCII (the caller tells it first).
    pub fn read<R>(text: &str, ascii: bool, read: impl FnOnce(&Toks) -> R) -> R {
        // the room is lent in place for the reading (moved out and back, its five lists cost
        // some 150 instructions a text); a reading inside a reading gets a room of its own
        ROOM.with(|room| match room.try_borrow_mut() {
            Ok(mut room) => Toks::read_in(text, ascii, &mut room, read),
            Err(_) => Toks::read_in(text, ascii, &mut Room::default(), read),
        })
    }

    /// [`Toks::read`] in the room `room`.
    fn read_in<R>(text: &str, ascii: bool, room: &mut Room, read: impl FnOnce(&Toks) -> R) -> R {
        let Room {
            toks,
            starts,
            lowered,
            lowered_outside,
            outside,
        } = room;
        let (room_toks, room_starts) = (std::mem::take(toks), std::mem::take(starts));
        let t = Toks::in_room(text, ascii, lowered, lowered_outside, outside, room_toks, room_starts);
        let out = read(&t);
        (*toks, *starts) = t.into_room();
        // room is reserved for a token a byte: a long text's (past a sentence's 2,000 bytes) is
        // not kept for the next text
        if toks.capacity() > KEPT_TOKEN_ROOM {
            (*toks, *starts) = (Vec::new(), Vec::new());
        }
        out
    }
}

impl<'a> Toks<'a> {
    /// Cuts `text` into tokens; `lowered` is room for the words in lower case (its contents are
    /// replaced), which the tokens borrow.
    #[cfg(test)]
    pub fn new(text: &'a str, lowered: &'a mut String) -> Self {
        // the room for the lower case of words outside ASCII, kept as long as the tokens
        let outside: &'a mut String = Box::leak(Box::default());
        let ascii = crate::extract::lanes::is_ascii_text(text.as_bytes());
        Toks::in_room(text, ascii, lowered, outside, &mut Vec::new(), Vec::new(), Vec::new())
    }

    /// Cuts `text` into tokens, in the room of lists left by an earlier text (their contents
    /// are replaced): `lowered` and `lowered_outside` are room for the words in lower case,
    /// which the tokens borrow; `ascii` tells whether the text is all ASCII.
    fn in_room(
        text: &'a str,
        ascii: bool,
        lowered: &'a mut String,
        lowered_outside: &'a mut String,
        outside: &mut Vec<(u32, u32)>,
        mut toks: Vec<Token<'a>>,
        mut starts: Vec<u32>,
    ) -> Self {
        toks.clear();
        starts.clear();
        lowered_outside.clear();
        outside.clear();
        // every token is a span of one byte at least, none overlapping: room for them all, so
        // that each is pushed without a test ([`push_in_room`]), and for as many starts (each
        // token is noted at most once)
        toks.reserve(text.len());
        starts.reserve(text.len());
        // a word of ASCII letters has its lower case at its own byte span
        let lowered: &'a str = lowered_and_padded(text, lowered);
        let mut maker = TokenMaker {
            text,
            lowered: &lowered[..text.len()],
            first_words: super::MentionStarts::get(),
            toks: &mut toks,
            starts: &mut starts,
            symbols: SymbolsSeen::default(),
            lowered_outside,
            outside,
        };
        // a text outside ASCII is told at once (cutting it as ASCII up to its first character
        // outside ASCII, then again, cost more on real text than the test)
        debug_assert_eq!(ascii, text.is_ascii(), "told whether the text is ASCII");
        match ascii {
            true => ascii_cuts(lowered.as_bytes(), &mut maker),
            false => mixed_cuts(text, lowered.as_bytes(), &mut maker),
        }
        let symbols = maker.symbols;
        // the words outside ASCII take their lower case, and what it starts is looked up
        let lowered_outside: &'a str = lowered_outside;
        let mut from = 0;
        for &(k, to) in outside.iter() {
            let token = &mut toks[k as usize];
            token.lower = &lowered_outside[from..to as usize];
            let codes = super::word_codes(token.lower);
            (token.atom, token.first) = (codes.atom, codes.first);
            from = to as usize;
        }
        Toks {
            text,
            toks,
            starts,
            symbols,
        }
    }

    /// The token list and the starts, emptied, for the next text: its tokens borrow nothing,
    /// and collecting it in place keeps its room.
    fn into_room(self) -> (Vec<Token<'static>>, Vec<u32>) {
        let (mut toks, mut starts) = (self.toks, self.starts);
        toks.clear();
        starts.clear();
        let toks = toks
            .into_iter()
            .map(|t| Token {
                kind: t.kind,
                written: "",
                lower: "",
                atom: 0,
                first: 0,
            })
            .collect();
        (toks, starts)
    }

    /// Number of tokens.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i` ("" past the end).
    pub fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.written)
    }

    /// The lowercased word at `i`, or "" when it is not a word.
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.lower)
    }

    /// The [`atom_code`](super::words::atom_code) of the word at `i` (0 for a token that is no
    /// word, or past the end).
    pub fn atom_code(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.atom)
    }

    /// The [`WordCodes::first`](super::WordCodes) of the word at `i` (0 for a token that is no
    /// word, or past the end).
    pub fn first_code(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.first)
    }

    /// Whether token `i` is of kind `k`.
    pub fn is(&self, i: usize, k: Tk) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == k)
    }

    /// Whether token `i` is the symbol `s`.
    pub fn sym(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_sym(s))
    }

    /// Whether token `i` is a dash or hyphen of any kind ([`is_dash`]).
    #[inline]
    pub fn dash(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Tk::Sym && is_dash(t.written))
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    pub fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.touches(b),
            _ => false,
        }
    }

    /// The text between tokens `i` and `i + 1`.
    pub fn gap(&self, i: usize) -> &'a str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[self.offset(a.written) + a.written.len()..self.offset(b.written)],
            _ => "",
        }
    }

    /// Byte offset where token `i` starts (text length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| self.offset(t.written))
    }

    /// Byte offset where token `i` ends.
    pub fn end(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .map_or(self.text.len(), |t| self.offset(t.written) + t.written.len())
    }

    /// The byte offset in the text of `slice`, a slice of it (a token's text).
    #[inline]
    fn offset(&self, slice: &str) -> usize {
        let (at, text) = (slice.as_ptr() as usize, self.text.as_ptr() as usize);
        // every token's text is cut from the text: anything else would give a wrong span
        debug_assert!(
            at >= text && at + slice.len() <= text + self.text.len(),
            "a token's text lies outside the text"
        );
        at.wrapping_sub(text)
    }

    /// Whether digits at `i` continue a chain of digit groups joined by `.`, `-`, `/` or `,` that
    /// is not one number (an IP address, a date, a phone number, a list "22,24,26"). A dash
    /// after a number grouped by commas joins two numbers, not groups: "1,000-1,999" is a range
    /// (national security letters are reported in such bands), as "1,000–1,499" is.
    pub fn chain_member(&self, i: usize) -> bool {
        i >= 2
            && self.glued(i - 1)
            && self.glued(i - 2)
            && self.is(i - 2, Tk::Digits)
            && match self.str(i - 1) {
                "." | "/" | "," => true,
                "-" => !self.ends_comma_grouped_number(i - 2),
                _ => false,
            }
    }

    /// Whether the digits at `i` are the last group of a number grouped by commas: three
    /// digits after a comma glued to digits ("000" of "4,000").
    fn ends_comma_grouped_number(&self, i: usize) -> bool {
        self.str(i).len() == 3
            && i >= 2
            && self.sym(i - 1, ",")
            && self.glued(i - 1)
            && self.glued(i - 2)
            && self.is(i - 2, Tk::Digits)
    }
}

/// Whether the symbol `written` is a dash or hyphen of any kind: "-", or one of the five
/// outside ASCII, which begin with the byte E2 (the readers ask of most tokens after a number,
/// and most are other symbols, told by their first byte).
#[inline]
fn is_dash(written: &str) -> bool {
    match written.as_bytes() {
        [b'-'] => true,
        [0xE2, ..] => matches!(written, "–" | "—" | "‐" | "‑" | "−"),
        _ => false,
    }
}

/// A digit literal read at a token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Literal {
    pub value: f64,
    /// Place value of the last digit.
    pub precision: f64,
    /// Token index after the literal.
    pub next: usize,
    /// Whether it is written as a fraction ("3/4", "½").
    pub fraction: bool,
    /// Whether it ends in an ordinal suffix ("21st").
    pub ordinal: bool,
}

const SPACE_GROUP: &[&str] = &[" ", "\u{a0}", "\u{202f}", "\u{2009}"];

/// Reads the digit literal at token `i` (digits, or `.` followed by digits): separators, decimals,
/// fractions, exponents and glued suffixes. `None` when there is none, or when the digits are glued
/// to letters that make them part of a name or a unit ("Office365", "29km", "3D").
pub(super) fn literal(t: &Toks, i: usize) -> Option<Literal> {
    // a vulgar fraction is a symbol token: digits are not looked up
    let vulgar = if t.is(i, Tk::Sym) {
        vulgar_fraction(t.str(i))
    } else {
        None
    };
    if let Some(v) = vulgar {
        return Some(Literal {
            value: v,
            precision: 0.01,
            next: i + 1,
            fraction: true,
            ordinal: false,
        });
    }
    let leading_point =
        t.sym(i, ".") && t.glued(i) && t.is(i + 1, Tk::Digits) && !(i > 0 && t.glued(i - 1) && !t.dash(i - 1));
    if !t.is(i, Tk::Digits) && !leading_point {
        return None;
    }
    if i > 0 && t.glued(i - 1) && t.is(i - 1, Tk::Word) && !super::is_currency_code(t.str(i - 1)) {
        return None; // "i7", "J1149"
    }
    if let Some(l) = standalone_digits(t, i) {
        return Some(l);
    }
    let (mut value, mut precision, mut j, mut plain) = if leading_point {
        let d = t.str(i + 1);
        (
            decimal_value(["0"].into_iter(), d),
            10f64.powi(-(d.len() as i32)),
            i + 2,
            false,
        )
    } else if t.chain_member(i) {
        (digits_value(t.str(i)), 1.0, i + 1, true)
    } else {
        grouped(t, i)?
    };
    let mut fraction = false;
    // "3/4", "20/100" (not a date "5/17/2018", not "1/0")
    if plain && t.sym(j, "/") && t.glued(j - 1) && t.glued(j) && t.is(j + 1, Tk::Digits) && !t.chain_member(i) {
        let denominator = digits_value(t.str(j + 1));
        let date = t.sym(j + 2, "/") && t.glued(j + 1);
        if denominator == 0.0 && !date {
            value = f64::NAN; // "1/0": read, so that its digits are not taken one by one, but no number
            j += 2;
        } else if !date {
            value /= denominator;
            precision = 0.01;
            j += 2;
            fraction = true;
            plain = false;
        }
    }
    let mut ordinal = false;
    if t.glued(j - 1) && t.is(j, Tk::Word) {
        let suffix = t.str(j);
        if let Some((exp, next)) = exponent(t, j) {
            value *= 10f64.powf(exp);
            j = next;
        } else if suffix == "G" && plain && value < 10.0 {
            return None; // "4G", "5G": a mobile network generation, not four billion
        } else if let Some(f) = glued_scale(suffix) {
            value *= f;
            precision *= f;
            j += 1;
        } else if matches!(t.word(j), "st" | "nd" | "rd" | "th") && plain {
            ordinal = true;
            j += 1;
        } else if suffix == "s" && plain {
            j += 1; // "1960s"
        } else {
            return None; // "29km", "3D", "180ml"
        }
        if t.glued(j - 1) && t.is(j, Tk::Word) {
            return None;
        }
    } else if t.sym(j, "^") && t.glued(j - 1) {
        let (exp, next) = signed_digits(t, j + 1)?;
        value = value.powf(exp);
        j = next;
    } else if t.glued(j - 1) && t.sym(j, "×") && t.str(j + 1) == "10" {
        if let Some((exp, next)) = signed_digits(t, j + 2).filter(|_| t.glued(j + 1)) {
            value *= 10f64.powf(exp);
            j = next;
        }
    }
    Some(Literal {
        value,
        precision,
        next: j,
        fraction,
        ordinal,
    })
}

/// [`literal`] at digits `i` that touch nothing after them and have no digits after them ("2014
/// in", "8 percent": most numbers), read without the readings of separators, decimals,
/// fractions and glued suffixes: each of those needs a symbol or a word glued to the digits, or
/// a group of digits after a space. `None` for other tokens (the caller reads those).
fn standalone_digits(t: &Toks, i: usize) -> Option<Literal> {
    standalone_digits_of(t.toks.get(i..).unwrap_or_default(), i)
}

/// [`standalone_digits`] of `toks`, the tokens from token `i` on.
#[inline]
fn standalone_digits_of(toks: &[Token], i: usize) -> Option<Literal> {
    let [digits, after @ ..] = toks else {
        return None;
    };
    let standalone =
        digits.kind == Tk::Digits && after.first().is_none_or(|a| !digits.touches(a) && a.kind != Tk::Digits);
    standalone.then(|| Literal {
        value: digits_value(digits.written),
        precision: 1.0,
        next: i + 1,
        fraction: false,
        ordinal: false,
    })
}

/// [`literal`] at digits `i` with nothing glued before them, for the commonest forms: a run of
/// digits ("2014"), comma groups ("31,002") and a decimal ("3.5", "1,234.5"), read without the
/// general reading. `None` when the literal may be another ("1 234", "1.234,5", "1,5"), or when
/// what touches its end may change the reading (a word: "21st", "10k", "1960s"; "^" or "×";
/// a symbol glued to digits: "1.2.3", "3/4", "2013-14", "9:30"): the caller reads those.
///
/// The tokens from `i` on are read as a slice (token `k` of it is token `i + k`): one bounds
/// test for the reading, not one at each lookup of a token.
pub(super) fn plain_literal(t: &Toks, i: usize) -> Option<Literal> {
    let toks = t.toks.get(i..).unwrap_or_default();
    let [digits, after, ..] = toks else {
        return standalone_digits_of(toks, i);
    };
    if !digits.touches(after) {
        return standalone_digits_of(toks, i);
    }
    // the symbol `s` at `k`, touching the tokens on both sides
    let glued_sym = |k: usize, s: &str| matches!(toks.get(k - 1..=k + 1), Some([before, sym, after]) if sym.is_sym(s) && before.touches(sym) && sym.touches(after));
    let digits_at = |k: usize| toks.get(k).filter(|d| d.kind == Tk::Digits).map(|d| d.written);
    // a US group of three after a comma at `k`
    let group = |k: usize| glued_sym(k, ",") && digits_at(k + 1).is_some_and(|g| g.len() == 3);
    let (value, precision, next) = if digits.written.len() <= 3 && group(1) {
        // US groups of three ("31,002", "1,234.5"): with one to three digits first, a group of
        // three is neither Indian nor a decimal comma
        let mut j = 3;
        while group(j) {
            j += 2;
        }
        let int = (0..j).step_by(2).map(|k| toks[k].written);
        match digits_at(j + 1).filter(|_| glued_sym(j, ".")) {
            Some(decimals) => (
                decimal_value(int, decimals),
                10f64.powi(-(decimals.len() as i32)),
                j + 2,
            ),
            None => (decimal_value(int, ""), 1.0, j),
        }
    } else if let Some(decimals) = digits_at(2).filter(|_| glued_sym(1, ".")) {
        // a decimal ("3.5"); a chain ("1.2.3") or European groups ("1.234,5") go on with a
        // symbol glued to digits, and are left below
        (
            decimal_value([digits.written].into_iter(), decimals),
            10f64.powi(-(decimals.len() as i32)),
            3,
        )
    } else {
        (digits_value(digits.written), 1.0, 1)
    };
    if let [last, after, rest @ ..] = &toks[next - 1..] {
        if last.touches(after) && !ends_plain_literal(after, rest.first()) {
            return None;
        }
    }
    Some(Literal {
        value,
        precision,
        next: i + next,
        fraction: false,
        ordinal: false,
    })
}

/// Whether `tok`, glued to the digits before it and followed by `next`, ends a
/// [`plain_literal`] there: a symbol that is neither read by [`literal`] after digits ("^",
/// "×") nor glued to digits after it (every grouping, decimal, fraction, chain and date goes on
/// that way).
fn ends_plain_literal(tok: &Token, next: Option<&Token>) -> bool {
    tok.kind == Tk::Sym
        && !matches!(tok.written, "^" | "×")
        && !next.is_some_and(|n| tok.touches(n) && n.kind == Tk::Digits)
}

/// The digits with their group separators at `i`: (value, precision, next token, plain integer).
fn grouped(t: &Toks, i: usize) -> Option<(f64, f64, usize, bool)> {
    let first = t.str(i);
    let groups = |sep: &dyn Fn(usize) -> bool, len: usize| {
        let mut j = i + 1;
        while sep(j) && t.is(j + 1, Tk::Digits) && t.str(j + 1).len() == len {
            j += 2;
        }
        j
    };
    let glued_sym = |j: usize, s: &str| t.sym(j, s) && t.glued(j - 1) && t.glued(j);
    let mut j = i + 1;
    let mut decimal_sep = ".";
    // every grouping starts with a glued "." or "," or a spaced group of digits: most numbers
    // ("2014", "8 percent") have none and skip the four readings
    let may_be_grouped = glued_sym(i + 1, ".") || glued_sym(i + 1, ",") || t.is(i + 1, Tk::Digits);
    if first.len() <= 3 && may_be_grouped {
        let european = groups(&|j| glued_sym(j, "."), 3);
        let us = groups(&|j| glued_sym(j, ","), 3);
        let mut spaced = i + 1;
        while t.is(spaced, Tk::Digits) && t.str(spaced).len() == 3 && SPACE_GROUP.contains(&t.gap(spaced - 1)) {
            spaced += 1;
        }
        let indian = groups(&|j| glued_sym(j, ","), 2);
        if european > i + 1 && glued_sym(european, ",") && t.is(european + 1, Tk::Digits) {
            j = european;
            decimal_sep = ",";
        } else if indian > i + 1 && first.len() <= 2 && glued_sym(indian, ",") && t.str(indian + 1).len() == 3 {
            j = indian + 2;
        } else if us > i + 1 {
            j = us;
        } else if spaced > i + 1 {
            j = spaced;
        }
    }
    // the digit runs of the integer part, written one after the other
    let int_end = j;
    let int = (i..int_end).filter(|k| t.is(*k, Tk::Digits)).map(|k| t.str(k));
    // a dotted chain (an IP address, "2.1.3") is not one number
    if j == i + 1 && glued_sym(j, ".") && t.is(j + 1, Tk::Digits) && glued_sym(j + 2, ".") && t.is(j + 3, Tk::Digits) {
        return Some((digits_value(first), 1.0, j, true));
    }
    let plain = j == i + 1;
    let decimal_point = glued_sym(j, decimal_sep) && t.is(j + 1, Tk::Digits);
    // "1,3", "5,00": a decimal comma (a lone group of one or two digits)
    let decimal_comma = !decimal_point
        && plain
        && glued_sym(j, ",")
        && t.is(j + 1, Tk::Digits)
        && t.str(j + 1).len() <= 2
        && !glued_sym(j + 2, ",");
    if decimal_point || decimal_comma {
        let decimals = t.str(j + 1);
        let precision = 10f64.powi(-(decimals.len() as i32));
        return Some((decimal_value(int, decimals), precision, j + 2, false));
    }
    // a plain integer (most numbers) is its one run of digits
    let value = if plain {
        digits_value(first)
    } else {
        decimal_value(int, "")
    };
    Some((value, 1.0, j, plain))
}

/// The value of a run of ASCII digits, as parsing it gives it: [`decimal_value`] of the one run,
/// with the integer of up to 15 digits (exact as a double) read directly.
fn digits_value(digits: &str) -> f64 {
    if digits.len() > 15 {
        return decimal_value([digits].into_iter(), "");
    }
    mantissa_with(0, digits) as f64
}

/// `mantissa` with the ASCII digits `digits` written after it (an integer of 15 digits at most
/// in all, exact as a double).
#[inline]
fn mantissa_with(mantissa: u64, digits: &str) -> u64 {
    digits.bytes().fold(mantissa, |m, b| m * 10 + u64::from(b - b'0'))
}

/// Powers of ten that are exact doubles.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The value of the number written as the digit runs `int` one after the other, then a point
/// and `decimals` (ASCII digits; no point when empty): the value parsing that text as `f64`
/// gives, without writing it out. Up to 15 digits make an integer below 2^53, exact as a double,
/// as is a power of ten up to 10^22; their quotient, rounded once, is the double nearest the
/// written number, which is what the parser returns. Longer numbers are written out and parsed.
///
/// The runs are read once, their digits counted as they are added (the count and the digits in
/// two passes, through chained iterators, cost some 180 instructions a literal).
fn decimal_value<'a>(int: impl Iterator<Item = &'a str> + Clone, decimals: &'a str) -> f64 {
    let (mut mantissa, mut digits) = (0u64, 0);
    for run in int.clone().chain([decimals]) {
        digits += run.len();
        if digits > 15 {
            return parsed_decimal(int, decimals);
        }
        mantissa = mantissa_with(mantissa, run);
    }
    // 15 digits at most, so fewer decimals than the exact powers
    mantissa as f64 / EXACT_POWERS_OF_TEN[decimals.len()]
}

/// [`decimal_value`] of a long number: written out and parsed.
#[cold]
fn parsed_decimal<'a>(int: impl Iterator<Item = &'a str>, decimals: &'a str) -> f64 {
    let mut written: String = int.collect();
    if !decimals.is_empty() {
        written.push('.');
        written.push_str(decimals);
    }
    written.parse().expect("ASCII digits")
}

/// "e10", "e+14", "e-1" glued after digits: the power of ten.
fn exponent(t: &Toks, j: usize) -> Option<(f64, usize)> {
    match t.str(j) {
        "e" | "E" if t.glued(j) => signed_digits(t, j + 1),
        "x" if t.glued(j) && t.str(j + 1) == "10" && t.sym(j + 2, "^") => signed_digits(t, j + 3),
        _ => None,
    }
}

/// Glued signs and digits ("+14", "-1", "--23", "−5") at `j`: the value and the token after.
fn signed_digits(t: &Toks, mut j: usize) -> Option<(f64, usize)> {
    let mut negative = false;
    while (t.sym(j, "+") || t.dash(j)) && t.glued(j) {
        negative ^= t.dash(j);
        j += 1;
    }
    if !t.is(j, Tk::Digits) {
        return None;
    }
    let v = digits_value(t.str(j));
    // "--23" is read as 23 by the peers: a doubled sign cancels
    Some((if negative { -v } else { v }, j + 1))
}

/// A scale suffix glued to digits ("10k", "2bn", "1.2M", "3MM", "2mil").
pub(super) fn glued_scale(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "k" | "K" => 1e3,
        "m" | "M" | "MM" | "mn" | "mil" | "mln" => 1e6,
        "b" | "B" | "bn" | "bln" | "G" => 1e9,
        "T" | "tn" | "tln" | "trn" => 1e12,
        _ => return None,
    })
}

/// Whether `s` is one of the vulgar fraction characters ("½").
pub(super) fn is_vulgar_fraction(s: &str) -> bool {
    vulgar_fraction(s).is_some()
}

fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token and start pushed without a test of its room ([`push_in_room`]) finds room:
    /// texts with a token at every byte (ASCII symbols, and letters, digits and symbols side by
    /// side) fill the room reserved, a token a byte, to its last slot, and so do texts with a
    /// start at every token, so that a room of one less fails the assertion every test build
    /// makes; texts outside ASCII have fewer tokens.
    #[test]
    fn a_token_at_every_byte_fills_the_room_reserved() {
        let full = ["(", "((((", "$-<>,.;:!?", "a1b2c3", "a.b.c", "1,2.3%", "x(y)z", "$5%6"];
        for text in full {
            let mut lowered = String::new();
            assert_eq!(Toks::new(text, &mut lowered).len(), text.len(), "{text:?}");
        }
        for text in ["(\u{e9})", "\u{20ac}1.5", "\u{201c}a\u{201d}", "\u{bd}\u{bd}"] {
            let mut lowered = String::new();
            assert!(Toks::new(text, &mut lowered).len() < text.len(), "{text:?}");
        }
        // and read on the thread's room, one text after another, shorter and longer
        for text in full.iter().rev().chain(&full) {
            Toks::read(text, true, |t| assert_eq!(t.toks.len(), text.len(), "{text:?}"));
        }
        // a start at every token: signs, dollars (each notes the token before it too, once)
        // and digits after a glued period (which note the period)
        for text in ["$", "$$$$", "<<-->>", ".5.5.5", "5$5$", "$.5-"] {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            assert_eq!((t.len(), t.starts.len()), (text.len(), text.len()), "{text:?}");
        }
    }

    /// The room of a text longer than a sentence (a token a byte) is not kept for the next
    /// text; a sentence's is.
    #[test]
    fn the_room_of_a_long_text_is_not_kept() {
        let room = || ROOM.with_borrow(|room| room.toks.capacity());
        let long = "(".repeat(KEPT_TOKEN_ROOM + 1);
        Toks::read(&long, true, |t| assert_eq!(t.toks.len(), long.len()));
        assert_eq!(room(), 0);
        let sentence = "It got 5,000 requests (up 3%).".repeat(60);
        Toks::read(&sentence, true, |_| ());
        assert!((sentence.len()..=KEPT_TOKEN_ROOM).contains(&room()), "{}", room());
    }

    /// The ASCII lines of [`crate::gen::sample_texts`] of `generated` articles, each as it stands
    /// between newlines: what the tests of the ASCII tokeniser's shortcuts read.
    fn ascii_sample_lines(generated: usize) -> Vec<String> {
        crate::gen::sample_texts(generated)
            .iter()
            .flat_map(|a| a.split('\n'))
            .filter(|l| l.is_ascii())
            .map(str::to_owned)
            .collect()
    }

    /// Numbers read without writing them out have the value parsing the written text gives.
    #[test]
    fn decimal_values_are_the_parsed_values() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut digits = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    char::from(b'0' + (seed >> 33) as u8 % 10)
                })
                .collect()
        };
        let mut cases: Vec<(Vec<String>, String)> = Vec::new();
        for int_len in 1..20 {
            for decimals_len in 0..26 {
                for _ in 0..20 {
                    let split = int_len / 2;
                    let int = digits(int_len);
                    cases.push((
                        vec![int[..split].to_owned(), int[split..].to_owned()],
                        digits(decimals_len),
                    ));
                }
            }
        }
        for fixed in [
            "0",
            "00",
            "9007199254740993",
            "999999999999999",
            "123456789012345678901234567890",
        ] {
            cases.push((vec![fixed.to_owned()], String::new()));
            cases.push((vec!["0".to_owned()], fixed.to_owned()));
        }
        for (int, decimals) in cases {
            let written = if decimals.is_empty() {
                int.concat()
            } else {
                format!("{}.{decimals}", int.concat())
            };
            let parsed: f64 = written.parse().unwrap();
            let value = decimal_value(int.iter().map(String::as_str), &decimals);
            assert_eq!(value.to_bits(), parsed.to_bits(), "{written}");
        }
    }

    /// Runs of digits read directly have the value parsing them gives.
    #[test]
    fn digit_runs_have_the_parsed_values() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for len in 1..24 {
            for _ in 0..50 {
                let digits: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        char::from(b'0' + (seed % 10) as u8)
                    })
                    .collect();
                let parsed: f64 = digits.parse().unwrap();
                assert_eq!(digits_value(&digits).to_bits(), parsed.to_bits(), "{digits}");
                assert_eq!(
                    digits_value(&digits).to_bits(),
                    decimal_value([digits.as_str()].into_iter(), "").to_bits()
                );
            }
        }
        for fixed in ["0", "000", "999999999999999", "9999999999999999", "9007199254740993"] {
            assert_eq!(digits_value(fixed), fixed.parse::<f64>().unwrap(), "{fixed}");
        }
    }

    /// Digits read as they stand are read as the full reading reads them: every run of digits
    /// of corpus/, generated articles and written cases.
    #[test]
    fn standalone_digits_are_read_as_the_literal_reads_them() {
        let mut texts: Vec<String> = crate::gen::sample_lines(400);
        texts.extend(
            [
                "12 345 and 1 234 567, 2014 in 3 4 5; 7 ; 9. 10 , 11 / 12 x 3 e 5 1960s",
                "i7 J1149 USD5 $5 5k 5 k 2.5 .5 3/4 1,000 1.111,11 21st 4G",
                "99999999999999999999 0 007",
            ]
            .map(str::to_owned),
        );
        let (mut read, mut standalone) = (0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in (0..t.len()).filter(|&i| t.is(i, Tk::Digits)) {
                read += 1;
                let Some(short) = standalone_digits(&t, i) else {
                    continue;
                };
                standalone += 1;
                // the full reading, without the shortcut
                let glued_word =
                    i > 0 && t.glued(i - 1) && t.is(i - 1, Tk::Word) && !super::super::is_currency_code(t.str(i - 1));
                if glued_word {
                    continue; // literal gives None before the shortcut
                }
                let (value, precision, next, plain) = if t.chain_member(i) {
                    (digits_value(t.str(i)), 1.0, i + 1, true)
                } else {
                    grouped(&t, i).expect("digits")
                };
                assert!(plain, "{text:?} at {i}");
                assert_eq!(
                    (short.value.to_bits(), short.precision.to_bits(), short.next),
                    (value.to_bits(), precision.to_bits(), next),
                    "{text:?} at {i}"
                );
                // nothing glued follows, so no fraction, exponent, scale or ordinal
                assert!(!t.glued(next - 1), "{text:?} at {i}");
                let long = literal(&t, i).expect("digits read");
                assert_eq!(long.value.to_bits(), short.value.to_bits());
                assert_eq!((long.next, long.fraction, long.ordinal), (short.next, false, false));
            }
        }
        assert!(standalone > 1000 && standalone < read, "{standalone} of {read}");
    }

    /// A plain literal is what the full reading reads at its digits: every run of digits with
    /// nothing glued before it, of the sample lines and of made-up phrases around numbers, with
    /// a floor on the literals read with a glued symbol (groups, decimals, a glued "%" or ",")
    /// and on those left to the full reading.
    #[test]
    fn plain_literals_are_read_as_the_literal_reads_them() {
        let mut texts: Vec<String> = crate::gen::sample_lines(200);
        texts.extend(super::super::tests::phrases_around_numbers());
        let (mut glued, mut plain, mut left) = (0, 0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            for i in (0..t.len()).filter(|&i| t.is(i, Tk::Digits) && !(i > 0 && t.glued(i - 1))) {
                let Some(short) = plain_literal(&t, i) else {
                    left += 1;
                    continue;
                };
                plain += 1;
                glued += usize::from(t.glued(i));
                let long = literal(&t, i).expect("digits read");
                assert_eq!(
                    (long.value.to_bits(), long.precision.to_bits(), long.next),
                    (short.value.to_bits(), short.precision.to_bits(), short.next),
                    "{text:?} at {i}"
                );
                assert_eq!((long.fraction, long.ordinal), (false, false), "{text:?} at {i}");
            }
        }
        assert!(glued > 5_000 && left > 5_000, "{glued} glued of {plain}, {left} left");
    }

    /// The hand-written scan cuts exactly where the regex it replaces cuts.
    #[test]
    fn tokens_match_the_token_regex() {
        let regex = Pattern::new(r"[0-9]+|\p{L}+|[^\s0-9\p{L}]").unwrap();
        for text in [
            "Microsoft got 31,002 requests in H2 2014 (down 5.5%)",
            "café £40k, 1–2 Ⅻ ٣ naïve\u{301} 日本語 x²\u{a0}ß\tEnd",
            "",
            "  \n ",
        ] {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            let got: Vec<(usize, usize)> = (0..t.len()).map(|i| (t.start(i), t.end(i))).collect();
            let want: Vec<(usize, usize)> = regex.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(got, want, "{text}");
        }
        let ascii = "\x0b\x0c\x1c\x1f_Ab9z!~\x7f a1- 10k\tX\r\n,.";
        let mut by_byte = Vec::new();
        ascii_tokens(ascii.as_bytes(), &mut by_byte);
        let by_byte: Vec<(Tk, usize, usize)> = by_byte.iter().map(|t| (t.kind, t.start, t.end)).collect();
        let mut by_char = Vec::new();
        any_tokens(ascii, &mut by_char);
        let by_char: Vec<(Tk, usize, usize)> = by_char.iter().map(|t| (t.kind, t.start, t.end)).collect();
        assert_eq!(by_byte, by_char);
        let kinds: Vec<Tk> = Toks::new("a1-", &mut String::new())
            .toks
            .iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(kinds, [Tk::Word, Tk::Digits, Tk::Sym]);
    }

    /// [`is_dash`] is the comparison with the six dashes it stands for, for every ASCII byte,
    /// every character of the Basic Multilingual Plane from U+2000 (the three bytes from E2)
    /// and every symbol of the sample lines.
    #[test]
    fn dashes_are_told_as_the_list_tells_them() {
        let listed = |s: &str| matches!(s, "-" | "–" | "—" | "‐" | "‑" | "−");
        let mut symbols: Vec<String> = (0..128u8).map(|b| char::from(b).to_string()).collect();
        symbols.extend((0x2000..0x3000).filter_map(char::from_u32).map(String::from));
        for line in sample_lines_outside_ascii().iter().chain(&ascii_sample_lines(20)) {
            let mut lowered = String::new();
            let t = Toks::new(line, &mut lowered);
            symbols.extend((0..t.len()).filter(|&i| t.is(i, Tk::Sym)).map(|i| t.str(i).to_owned()));
        }
        let dashes = symbols.iter().filter(|s| is_dash(s)).count();
        for s in &symbols {
            assert_eq!(is_dash(s), listed(s), "{s:?}");
        }
        assert!(dashes >= 6 && symbols.len() > 5_000, "{dashes} of {}", symbols.len());
    }

    /// The spans of the tokens of `text` as [`any_tokens`] cuts it.
    fn spans_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut toks = Vec::new();
        any_tokens(text, &mut toks);
        toks.iter().map(|t| (t.start, t.end)).collect()
    }

    /// The text and the lower case each token holds are its span of the text and that span
    /// lowercased (left as it is when it is lowercase ASCII), on ASCII texts and on others.
    #[test]
    fn tokens_hold_their_text_and_lower_case() {
        let mut texts: Vec<String> = crate::gen::sample_lines(50);
        texts.extend(
            [
                "Über 3 000 € — fast €40,000 und ½, İstanbul ǅemal ΣΑΣ café NAÏVE",
                "MIXED Case words, 10K and 5M; x²\u{a0}ß\tEnd",
                "",
                "Ab",
            ]
            .map(str::to_owned),
        );
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            let spans = spans_by_char(text);
            assert_eq!(t.len(), spans.len(), "{text:?}");
            for (i, (tok, &(start, end))) in t.toks.iter().zip(&spans).enumerate() {
                let written = &text[start..end];
                assert_eq!((t.str(i), t.start(i), t.end(i)), (written, start, end), "{text:?}");
                let lower = match tok.kind {
                    Tk::Word if is_ascii_lowercase(written) => written.to_owned(),
                    Tk::Word => written.to_lowercase(),
                    _ => String::new(),
                };
                assert_eq!(t.word(i), lower, "{text:?}");
            }
            assert_eq!((t.str(t.len()), t.word(t.len())), ("", ""));
        }
    }

    /// What the symbols of an ASCII text are noted to tell as it is cut is what its bytes tell
    /// ([`SymbolsSeen::of`]): the lines of corpus/ and generated articles, and addresses, colons,
    /// periods and brackets at the ends of texts and next to each other.
    #[test]
    fn symbols_noted_as_cut_are_the_symbols_of_the_bytes() {
        let mut texts: Vec<String> = ascii_sample_lines(200);
        for piece in [
            "www.", "WwW.", "www", "ww.", "awww.", "x@y", "@", "://", ":/", ":", "http://a", "(", "(5)", ".", "w.w.w.",
            "\t", "a\tb", " \t", "\n\t\n",
        ] {
            texts.extend([
                piece.to_owned(),
                format!("in 2014 {piece}"),
                format!("{piece} 5"),
                format!("3{piece}4"),
            ]);
        }
        let (mut urls, mut brackets, mut tabs) = (0, 0, 0);
        for text in &texts {
            let mut lowered = String::new();
            let t = Toks::new(text, &mut lowered);
            assert_eq!(t.symbols, SymbolsSeen::of(text), "{text:?}");
            urls += usize::from(t.symbols.may_hold_url);
            brackets += usize::from(t.symbols.open_bracket);
            tabs += usize::from(t.symbols.tab);
        }
        // every piece with an address, a bracket or a tab is reached four times, and most lines
        // hold none
        assert!(
            urls >= 28 && brackets >= 8 && tabs >= 16 && urls * 2 < texts.len(),
            "{urls} {brackets} {tabs} of {}",
            texts.len()
        );
    }

    /// The sixteen-byte letter and digit test by SSE2 tells what the byte-by-byte test tells:
    /// every byte value at every place of sixteen bytes of each kind.
    #[test]
    fn letters_and_digits_by_lanes_are_told_byte_by_byte() {
        let fillers = [b'a', b'z', b'0', b'9', b' ', b'A', b'.', 0x80, 0xff];
        for (sixteen, place, b) in crate::extract::lanes::every_byte_at_every_place(&fillers) {
            assert_eq!(
                letters_and_digits(&sixteen),
                letters_and_digits_by_bytes(&sixteen),
                "{b:#x} at {place} in {sixteen:?}"
            );
        }
    }

    /// The scan reads the byte after each token unchecked, which its test of the copy's last
    /// byte keeps inside the copy: a text cut without its padding (a word running to its end)
    /// is refused, not read past.
    #[test]
    #[should_panic(expected = "a text's lowered and padded copy")]
    fn a_copy_without_its_padding_is_refused() {
        ascii_cuts(b"the words run to the end of it", &mut Vec::<Tok>::new());
    }

    /// The other half of the scan's test: a copy shorter than its text, where a character
    /// outside ASCII read from the text could carry a token past the copy's end, is refused.
    #[test]
    #[should_panic(expected = "a text's lowered and padded copy")]
    fn a_copy_shorter_than_its_text_is_refused() {
        mixed_cuts(
            "h\u{e9}llo w\u{f6}rld, and more words after them",
            b"hello world     ",
            &mut Vec::<Tok>::new(),
        );
    }

    /// The first half of a word's key by BZHI is the half by the table of masks for every
    /// length below 32, every byte value at every place (on a build without BMI2 the first half
    /// is the masks' own, and this compares them with themselves); and a word of 32 letters or
    /// more, whose half BZHI may clear further, is held by no table (its second half ends in a
    /// letter).
    #[test]
    fn first_key_half_is_the_half_by_masks() {
        for (sixteen, place, b) in crate::extract::lanes::every_byte_at_every_place(&[b'a', b'z', b' ', 0xff]) {
            for len in 0..32 {
                assert_eq!(
                    first_key_half(&sixteen, len),
                    first_key_half_by_masks(&sixteen, len),
                    "{b:#x} at {place}, {len} bytes"
                );
            }
        }
        let words = ["a", "abcdefgh", "abcdefghijklmno", "ijklmnop"];
        let table = LowerWords::of(words.iter().map(|w| (*w, w.len())));
        let sixteen = *b"abcdefghijklmnop";
        for (len, want) in [(1, Some(1)), (8, Some(8)), (15, Some(15)), (16, None)] {
            assert_eq!(table.get_at(&sixteen, len), want, "{len} bytes");
        }
        for len in 16..1_000 {
            assert_eq!(table.get_at(&sixteen, len), None, "{len} bytes");
            assert_eq!(table.get_at(b"ijklmnopijklmnop", len), None, "{len} bytes");
        }
    }

    /// The eight-byte letter test counts what a byte-by-byte test counts: every byte at every
    /// place of a chunk of letters, and every pair of a byte outside ASCII and the byte after it.
    #[test]
    fn leading_letters_are_counted_as_byte_by_byte() {
        for place in 0..8 {
            for b in 0..=0xffu8 {
                let mut chunk = *b"abcdWXYZ";
                chunk[place] = b;
                let by_byte = chunk.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(leading_letters(chunk), by_byte, "{chunk:?}");
            }
        }
        // a byte outside ASCII followed by any byte: a carry out of the first must not make
        // the second a letter, nor the letters before the first any fewer
        for place in 0..7 {
            for first in 0x80..=0xffu8 {
                for second in 0..=0xffu8 {
                    let mut chunk = *b"abcdWXYZ";
                    chunk[place] = first;
                    chunk[place + 1] = second;
                    assert_eq!(leading_letters(chunk), place, "{chunk:?}");
                }
            }
        }
    }

    /// A word's end told eight bytes at a time ([`letters_end`]) is its run of letters byte by
    /// byte: every word of the ASCII lines of corpus/ and generated articles, and words of every
    /// length with a capital at every place, at the end of a text and inside it.
    #[test]
    fn ascii_words_end_where_a_byte_by_byte_scan_ends_them() {
        let mut texts: Vec<String> = ascii_sample_lines(100);
        for len in 1..14 {
            let word = "q".repeat(len);
            for place in 0..=len {
                let mut w = word.clone().into_bytes();
                if place < len {
                    w[place] = b'Q';
                }
                let w = String::from_utf8(w).unwrap();
                texts.extend([
                    w.clone(),
                    format!("{w} x"),
                    format!("a {w}.5 and more"),
                    format!("{w}9"),
                ]);
            }
        }
        let (mut words, mut eight) = (0, 0);
        for text in &texts {
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let end = letters_end(bytes, i);
                let by_byte = i + bytes[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(end, by_byte, "{text:?} at {i}");
                words += 1;
                eight += usize::from(end - i > 8);
                i = end;
            }
        }
        assert!(words > 3000 && eight > 300, "{words} {eight}");
    }

    /// The ASCII scan cuts where the scan of any text cuts, on the ASCII lines of corpus/ and
    /// generated articles, and on words of every length at the end of a text.
    #[test]
    fn ascii_tokens_are_the_tokens_of_any_text() {
        let mut texts: Vec<String> = ascii_sample_lines(200);
        texts.extend((0..20).map(|n| format!("x {}", "Ab".repeat(n))));
        texts.extend((0..20).map(|n| format!("{}9z{}", "q".repeat(n), "W".repeat(n))));
        texts.extend((0..40).map(|n| format!("{}.{}x {}", "7".repeat(n), "0".repeat(40 - n), "8".repeat(n))));
        // runs of sixteen bytes and more, read past the first sixteen
        let (mut long_words, mut long_digits) = (0, 0);
        for text in &texts {
            let (mut by_byte, mut by_char) = (Vec::new(), Vec::new());
            ascii_tokens(text.as_bytes(), &mut by_byte);
            any_tokens(text, &mut by_char);
            let spans = |toks: &[Tok]| toks.iter().map(|t| (t.kind, t.start, t.end)).collect::<Vec<_>>();
            assert_eq!(spans(&by_byte), spans(&by_char), "{text}");
            let long = |kind: Tk| {
                by_char
                    .iter()
                    .filter(|t| t.kind == kind && t.end - t.start >= 16)
                    .count()
            };
            long_words += long(Tk::Word);
            long_digits += long(Tk::Digits);
        }
        assert!(long_words >= 20 && long_digits >= 40, "{long_words} {long_digits}");
    }

    /// Lines of corpus/ and generated articles with characters outside ASCII, and made-up texts
    /// mixing ASCII with letters, digits, spaces, dashes and quotes outside it.
    fn sample_lines_outside_ascii() -> Vec<String> {
        let mut texts: Vec<String> = crate::gen::sample_lines(300)
            .into_iter()
            .filter(|l| !l.is_ascii())
            .collect();
        texts.extend(
            [
                "café Café CAFÉ naïveté cafés9 é9 9é ée e\u{301}x ΣΑΣ οδός Москва МОСКВА в 2014 году",
                "US$ 5 – € 5, A$6 — ½ • “twenty” ‘five’ a.5 —5 −3 ≥4 ≤ 7 ٣ x² 5\u{a0}000 1\u{202f}234",
                "www.café.com é@x.ru http://пример.рф (5) (é) İstanbul ǅemal K\u{212a} ſ Ⅻ 日本語 𝐀𝐁 😀5",
                "\u{a0}\u{2009}é\u{3000}x\u{85}y\u{2028}z\u{1680}Twentyfive–thirty Thirtyfirst’s",
                "\tcafé\t5 é\t\u{a0}\tthé 6\t",
            ]
            .map(str::to_owned),
        );
        for n in 0..20 {
            texts.push(format!("x {}é {}ü{}", "Ab".repeat(n), "q".repeat(n), "W".repeat(n)));
        }
        // the punctuation block and the symbols around it, between numbers and words
        for c in ('\u{1ff0}'..='\u{2070}').chain(['−', '≥', '€', '₹', '½', '⅓', '\u{212a}', '«', '»']) {
            texts.push(format!(
                "the{c}6 word {c}the of{c}it {c}five{c} US{c}$ of {c}\u{212a}{c} in{c}on"
            ));
        }
        texts
    }

    thread_local! {
        /// Characters [`LowerCases`] lowered from a kept slot (a test-build counter).
        pub(super) static LOWER_CASES_KEPT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        /// Blocks of [`LOWERED_BLOCK`] bytes [`lowered_and_padded`] lowered (a test-build counter).
        pub(super) static LOWERED_BLOCKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// The lowered copy is `to_ascii_lowercase` of the text and sixteen spaces, whatever the
    /// text's length against the blocks ([`LOWERED_BLOCK`]), outside ASCII too (a character
    /// split by a block is left whole); every byte was lowered in the blocks.
    #[test]
    fn the_lowered_copy_is_the_text_in_ascii_lower_case_and_sixteen_spaces() {
        let mut texts: Vec<String> = sample_lines_outside_ascii();
        texts.extend((0..70).map(|n| "AbC-Zé9 İΣ".chars().cycle().take(n).collect::<String>()));
        let mut lowered = String::from("LEFT OVER FROM AN EARLIER TEXT, LONGER THAN THE NEXT ONES");
        for text in &texts {
            LOWERED_BLOCKS.with(|n| n.set(0));
            let copy = lowered_and_padded(text, &mut lowered);
            assert_eq!(
                copy,
                format!("{}{}", text.to_ascii_lowercase(), " ".repeat(16)),
                "{text:?}"
            );
            let blocks = LOWERED_BLOCKS.with(std::cell::Cell::get);
            assert!(
                blocks * LOWERED_BLOCK >= text.len() + 16 && blocks * LOWERED_BLOCK < text.len() + 16 + LOWERED_BLOCK,
                "{blocks} blocks: {text:?}"
            );
        }
    }

    /// A word's lower case, with the lower cases of its characters kept from word to word, is
    /// `str::to_lowercase`: on the sample lines outside ASCII, words of many scripts with
    /// characters that lower to two ("İ") or by their neighbours ("Σ"), and a slot's character
    /// replaced by another of the same low bits (U+0100 and U+0200).
    #[test]
    fn lower_cases_kept_are_those_of_to_lowercase() {
        LOWER_CASES_KEPT.with(|n| n.set(0));
        let mut words: Vec<String> = ["İSTANBUL", "ΟΔΥΣΣΕΥΣ", "Āā Ȁȁ Āā", "ÉCOLE école", "Straße", "ǅemal"]
            .iter()
            .flat_map(|w| w.split(' '))
            .map(String::from)
            .collect();
        for line in sample_lines_outside_ascii() {
            words.extend(
                line.split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .map(String::from),
            );
        }
        for _ in 0..2 {
            for word in &words {
                let mut into = String::from("x");
                push_lowercase(&mut into, word);
                assert_eq!(into, format!("x{}", word.to_lowercase()), "{word:?}");
            }
        }
        let kept = LOWER_CASES_KEPT.with(std::cell::Cell::get);
        assert!(kept >= 100, "{kept} characters lowered from a kept slot");
    }

    /// A capital sigma is told by its bytes where `contains` finds it, in words of Greek and
    /// of other scripts (other characters of the same lead byte, and the same last byte).
    #[test]
    fn a_capital_sigma_is_told_by_its_bytes() {
        let words = [
            "ΟΔΥΣΣΕΥΣ",
            "Σ",
            "σοφία",
            "ΣΟΦΙΑ",
            "Ξ",
            "ΣΑ",
            "ας",
            "ΑΣ",
            "Σσ",
            "café",
            "£",
            "Ω£",
            "ǣ",
            "Σ£",
        ];
        let mut sigmas = 0;
        for word in words
            .iter()
            .copied()
            .chain(sample_lines_outside_ascii().iter().map(String::as_str))
        {
            assert_eq!(has_capital_sigma(word), word.contains('Σ'), "{word:?}");
            sigmas += usize::from(word.contains('Σ'));
        }
        assert!(sigmas >= 5, "{sigmas}");
    }

    /// The letters told by [`LETTER_BLOCKS`] are those of the pattern: every character of the
    /// Basic Multilingual Plane outside ASCII and some past it.
    #[test]
    fn letters_by_block_are_the_letters_of_the_pattern() {
        let (mut letters, mut others) = (0, 0);
        let past = (0x1_0000..0x1_0400).chain(0x1_d400..0x1_d500).chain(0x1_f600..0x1_f650);
        for c in (0x80..0x1_0000).chain(past).filter_map(char::from_u32) {
            let letter = is_letter(c);
            assert_eq!(letter, is_letter_by_pattern(c), "{c:?}");
            letters += usize::from(letter);
            others += usize::from(!letter);
        }
        assert!(letters > 40_000 && others > 10_000, "{letters} {others}");
    }

    /// Every letter (`\p{L}`, as the regex crate's tables have it) is alphabetic (as the
    /// standard library's tables have it): what lets [`mixed_cuts`] make every run of letters a
    /// word without asking.
    #[test]
    fn every_letter_is_alphabetic() {
        let hir = regex_syntax::Parser::new().parse(r"\p{L}").expect("a class");
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) = hir.kind() else {
            panic!("a Unicode class");
        };
        let mut letters = 0;
        for range in class.ranges() {
            for c in range.start()..=range.end() {
                assert!(c.is_alphabetic(), "{c:?}");
                letters += 1;
            }
        }
        assert!(letters > 100_000, "{letters}");
    }

    /// Tokens as [`mixed_cuts`] hands them on, with whether it called each all ASCII.
    struct CutsWithAscii(Vec<(Tk, usize, usize, bool)>);

    impl Cut for CutsWithAscii {
        fn cut(&mut self, kind: Tk, start: usize, end: usize, ascii: bool, _: &[u8; 16]) {
            self.0.push((kind, start, end, ascii));
        }
    }

    /// The scan of a text with characters outside ASCII cuts where the character-by-character
    /// scan cuts, and calls a token ASCII exactly when it is (a token called ASCII is sliced
    /// without the tests of character boundaries; one called otherwise is noted as a start and
    /// lowered a character at a time), on texts outside ASCII, their words at every place
    /// from a run of sixteen bytes, and the ASCII texts of the other tests.
    #[test]
    fn mixed_cuts_are_the_tokens_of_any_text() {
        let mut texts = sample_lines_outside_ascii();
        for word in ["café", "Ñandú", "naïve", "x²", "“Quote”", "‘s", "’", "\u{a0}", "日本語"] {
            texts.extend((0..20).map(|n| format!("{}{word} 5{word}", "Ab".repeat(n))));
        }
        let outside_texts = texts.len();
        let (mut outside, mut ascii_beside_outside) = (0, 0);
        for text in texts.iter().chain(&ascii_sample_lines(50)) {
            let (mut by_cuts, mut by_char) = (CutsWithAscii(Vec::new()), Vec::new());
            mixed_cuts(
                text,
                lowered_and_padded(text, &mut String::new()).as_bytes(),
                &mut by_cuts,
            );
            any_tokens(text, &mut by_char);
            let cut_spans: Vec<(Tk, usize, usize)> = by_cuts.0.iter().map(|&(k, s, e, _)| (k, s, e)).collect();
            let char_spans: Vec<(Tk, usize, usize)> = by_char.iter().map(|t| (t.kind, t.start, t.end)).collect();
            assert_eq!(cut_spans, char_spans, "{text}");
            for &(_, start, end, ascii) in &by_cuts.0 {
                assert_eq!(
                    ascii,
                    text[start..end].is_ascii(),
                    "{:?} in {text:?}",
                    &text[start..end]
                );
                outside += usize::from(!ascii);
                ascii_beside_outside += usize::from(ascii && !text.is_ascii());
            }
        }
        assert!(
            outside_texts >= 200 && outside >= 400 && ascii_beside_outside >= 600,
            "{outside_texts} texts, {outside} tokens outside ASCII, {ascii_beside_outside} ASCII beside them"
        );
    }

    /// On texts outside ASCII, a token holds its text and lower case (each word lowercased as
    /// `str::to_lowercase` does), what the symbols tell is what the bytes tell, and every token
    /// that may start a mention is noted as a start, in order.
    #[test]
    fn tokens_outside_ascii_hold_what_tokens_of_ascii_hold() {
        let (mut tokens, mut noted, mut lowered, mut passed_outside, mut passed_punctuation) = (0, 0, 0, 0, 0);
        for text in &sample_lines_outside_ascii() {
            let mut room = String::new();
            let t = Toks::new(text, &mut room);
            assert_eq!(t.symbols, SymbolsSeen::of(text), "{text:?}");
            assert!(t.starts.windows(2).all(|w| w[0] < w[1]), "{text:?}");
            let spans = spans_by_char(text);
            assert_eq!(t.len(), spans.len(), "{text:?}");
            for (i, (tok, &(start, end))) in t.toks.iter().zip(&spans).enumerate() {
                let written = &text[start..end];
                assert_eq!((t.str(i), t.start(i), t.end(i)), (written, start, end), "{text:?}");
                let lower = if tok.kind == Tk::Word {
                    written.to_lowercase()
                } else {
                    String::new()
                };
                assert_eq!(t.word(i), lower, "{text:?}");
                lowered += usize::from(tok.kind == Tk::Word && lower != written);
                let codes = if tok.kind == Tk::Word {
                    super::super::word_codes(&lower)
                } else {
                    Default::default()
                };
                assert_eq!(
                    (t.atom_code(i), t.first_code(i)),
                    (codes.atom, codes.first),
                    "{text:?} at {i}"
                );
                let noted = t.starts.contains(&(i as u32));
                if super::super::may_start_mention(&t, i) {
                    assert!(noted, "{written:?} in {text:?}");
                }
                passed_outside += usize::from(!noted && !written.is_ascii());
                // the punctuation of U+2000 to U+203F but the dashes is passed by
                let punctuation =
                    tok.kind == Tk::Sym && written.starts_with(|c| ('\u{2000}'..='\u{203f}').contains(&c));
                passed_punctuation += usize::from(!noted && punctuation);
            }
            tokens += t.len();
            noted += t.starts.len();
        }
        assert!(
            lowered >= 50 && noted * 2 < tokens && passed_outside >= 400 && passed_punctuation >= 300,
            "{lowered} lowered, {noted} of {tokens}, {passed_outside} outside ASCII passed by, {passed_punctuation} of them punctuation"
        );
    }
}
