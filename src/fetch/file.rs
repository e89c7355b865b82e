//! Local files and folders, plain or gzipped.

use super::warc::{is_warc_path, warc_sources};
use super::{DocFormat, Document, FetchError, Source, MAX_BODY_BYTES};
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A file under an input root (a folder given on the command line, or the file's own folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSource {
    /// The file.
    pub path: PathBuf,
    /// The input the file was found under; ids are relative to it.
    pub root: PathBuf,
}

impl FileSource {
    /// The path relative to the input root, with `/` separators.
    pub fn id(&self) -> String {
        relative_id(&self.path, &self.root)
    }
}

/// An input's id: its path relative to the input root, with `/` separators (the file name when
/// the path is the root itself).
fn relative_id(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let id = rel.to_string_lossy().replace('\\', "/");
    if id.is_empty() {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        id
    }
}

/// The folder an input's ids are relative to when it is the only one: the folder itself, or a
/// file's folder.
fn root_of(input: &Path) -> PathBuf {
    if input.is_dir() {
        input.to_path_buf()
    } else {
        input.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

/// The deepest folder holding every one of `roots`: with several inputs, ids are relative to it,
/// so that `run col/x col/y` gives `x/01.txt` and `y/01.txt`, not `01.txt` twice.
fn shared_root(roots: impl Iterator<Item = PathBuf>) -> PathBuf {
    roots
        .map(|root| root.components().map(|c| c.as_os_str().to_owned()).collect::<Vec<_>>())
        .reduce(|common, parts| {
            common
                .into_iter()
                .zip(parts)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        })
        .unwrap_or_default()
        .iter()
        .collect()
}

/// The extensions figmine reads, before an optional `.gz`.
const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];

/// Whether a path names an article figmine reads (`.txt`, `.html`, `.htm`, each maybe `.gz`).
pub fn is_article_path(path: &Path) -> bool {
    doc_format(path).is_some()
}

fn doc_format(path: &Path) -> Option<DocFormat> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_str()?;
    match ext {
        "txt" => Some(DocFormat::Text),
        e if ARTICLE_EXTENSIONS.contains(&e) => Some(DocFormat::Html),
        _ => None,
    }
}

/// Lists the article files under the given inputs, lazily and in a stable (sorted) order; a WARC
/// file (`.warc`, `.warc.gz`) yields one source per response record.
///
/// A file named directly is taken whatever its extension (HTML unless it ends in `.txt`); inside
/// folders only article extensions are taken. Walk errors (a symlink loop, an unreadable folder)
/// are yielded as errors so the batch records them instead of dropping them.
pub fn discover(inputs: &[PathBuf]) -> impl Iterator<Item = Result<Source, FetchError>> + '_ {
    let shared = (inputs.len() > 1).then(|| shared_root(inputs.iter().map(|i| root_of(i))));
    inputs.iter().flat_map(move |input| {
        let root = shared.clone().unwrap_or_else(|| root_of(input));
        let named_file = !input.is_dir();
        walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .flat_map(
                move |entry| -> Box<dyn Iterator<Item = Result<Source, FetchError>> + Send> {
                    let wanted = |p: &Path| named_file || is_article_path(p) || is_warc_path(p);
                    match entry {
                        Ok(e) if e.file_type().is_dir() => Box::new(std::iter::empty()),
                        // A FIFO or device named like an article would block or never end: record it.
                        Ok(e) if !e.file_type().is_file() && wanted(e.path()) => {
                            Box::new(std::iter::once(Err(FetchError::Walk {
                                id: relative_id(e.path(), &root),
                                path: e.path().to_path_buf(),
                                reason: "not a regular file".into(),
                            })))
                        }
                        // A WARC file is many documents, streamed one record at a time.
                        Ok(e) if is_warc_path(e.path()) => Box::new(warc_sources(e.path()).map(Ok)),
                        Ok(e) if wanted(e.path()) => Box::new(std::iter::once(Ok(Source::File(FileSource {
                            path: e.path().to_path_buf(),
                            root: root.clone(),
                        })))),
                        Ok(_) => Box::new(std::iter::empty()),
                        Err(err) => {
                            let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| input.clone());
                            Box::new(std::iter::once(Err(FetchError::Walk {
                                id: relative_id(&path, &root),
                                path,
                                reason: err.to_string(),
                            })))
                        }
                    }
                },
            )
    })
}

/// Reads one file, gunzipping `.gz` and stopping at [`MAX_BODY_BYTES`].
pub(super) fn read_file(source: &FileSource) -> Result<Document, FetchError> {
    let path = &source.path;
    let io_err = |e| FetchError::Io {
        path: path.clone(),
        source: e,
    };
    let mut file = std::fs::File::open(path).map_err(io_err)?;
    let gzipped = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let body = if gzipped {
        gunzip_capped(&mut file, path).map_err(|e| match e {
            FetchError::Io { source, .. } => FetchError::Gzip {
                path: path.clone(),
                reason: source.to_string(),
            },
            other => other,
        })?
    } else {
        read_capped(file, path)?
    };
    Ok(Document {
        id: source.id(),
        location: path.display().to_string(),
        url: None,
        body,
        format: doc_format(path).unwrap_or(DocFormat::Html),
        charset: None,
        published: None,
    })
}

/// The text of gzip file `file`, up to [`MAX_BODY_BYTES`]. A regular file no larger than that is read
/// whole first, so that the size its trailer gives makes room for the text at once (grown by
/// doubling, the text was copied some three times: 3.5% of reading HTML pages); a larger one is
/// gunzipped as it is read.
fn gunzip_capped(file: &mut std::fs::File, path: &Path) -> Result<Vec<u8>, FetchError> {
    let io_err = |e| FetchError::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let metadata = file.metadata().map_err(io_err)?;
    // a pipe or a device tells no length: streamed, as a large file is
    if !metadata.is_file() || metadata.len() > MAX_BODY_BYTES {
        return read_capped(MultiGzDecoder::new(file), path);
    }
    let mut gz = Vec::new();
    file.take(MAX_BODY_BYTES + 1).read_to_end(&mut gz).map_err(io_err)?;
    let room = gunzipped_size_hint(&gz);
    read_capped_into(MultiGzDecoder::new(&gz[..]), path, Vec::with_capacity(room))
}

/// The room to make for the text of gzip data `gz`: the size its last member's trailer gives
/// (modulo 4 GiB), no more than [`MAX_BODY_BYTES`] and 64 times the data (a truncated file's
/// last bytes are no trailer). A hint: the text is read to its end whatever it says.
fn gunzipped_size_hint(gz: &[u8]) -> usize {
    let Some(trailer) = gz.last_chunk::<4>() else { return 0 };
    let size = u64::from(u32::from_le_bytes(*trailer));
    size.min(MAX_BODY_BYTES + 1).min(64 * gz.len() as u64) as usize
}

fn read_capped(reader: impl Read, path: &Path) -> Result<Vec<u8>, FetchError> {
    read_capped_into(reader, path, Vec::new())
}

/// [`read_capped`] into `body` (empty, perhaps with room made).
fn read_capped_into(reader: impl Read, path: &Path, mut body: Vec<u8>) -> Result<Vec<u8>, FetchError> {
    reader
        .take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|e| FetchError::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(FetchError::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_BODY_BYTES,
        });
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(inputs: &[PathBuf]) -> Vec<String> {
        discover(inputs).map(|s| s.unwrap().id()).collect()
    }

    #[test]
    fn several_inputs_give_ids_relative_to_the_folder_holding_them_all() {
        let dir = std::env::temp_dir().join(format!("figmine-roots-{}", std::process::id()));
        for part in ["x", "y"] {
            std::fs::create_dir_all(dir.join("col").join(part)).expect("a temporary folder");
            std::fs::write(dir.join("col").join(part).join("01.txt"), "Yahoo received 5 requests.").unwrap();
        }
        let (x, y) = (dir.join("col/x"), dir.join("col/y"));
        assert_eq!(ids(&[x.clone(), y.clone()]), ["x/01.txt", "y/01.txt"]);
        // One input keeps its ids relative to itself, a file's to its folder.
        assert_eq!(ids(std::slice::from_ref(&x)), ["01.txt"]);
        assert_eq!(ids(&[x.join("01.txt")]), ["01.txt"]);
        assert_eq!(ids(&[x.join("01.txt"), y]), ["x/01.txt", "y/01.txt"]);
        assert_eq!(
            shared_root([PathBuf::from("a/b/c"), PathBuf::from("a/b/d"), PathBuf::from("a/e")].into_iter()),
            PathBuf::from("a")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn gzip(text: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text).expect("in memory");
        gz.finish().expect("in memory")
    }

    #[test]
    fn gzip_files_are_read_whole_with_room_for_their_text_as_their_trailer_gives() {
        // numbers that do not repeat: text compressed no more than pages are
        let text: String = (0..2000u64)
            .map(|i| format!("{} requests; ", i * 7919 % 10007))
            .collect();
        let gz = gzip(text.as_bytes());
        assert_eq!(gunzipped_size_hint(&gz), text.len());
        // a truncated file's last bytes are no trailer: the room stays within 64 times the data
        let cut = &gz[..gz.len() - 6];
        assert!(gunzipped_size_hint(cut) <= 64 * cut.len());
        assert_eq!(gunzipped_size_hint(&[]), 0);
        let dir = std::env::temp_dir().join(format!("figmine-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let (whole, truncated) = (dir.join("whole.txt.gz"), dir.join("truncated.txt.gz"));
        std::fs::write(&whole, &gz).expect("written");
        std::fs::write(&truncated, cut).expect("written");
        let mut file = std::fs::File::open(&whole).expect("opened");
        let body = gunzip_capped(&mut file, &whole).expect("gunzipped");
        assert_eq!(body, text.as_bytes());
        let mut file = std::fs::File::open(&truncated).expect("opened");
        assert!(matches!(
            gunzip_capped(&mut file, &truncated),
            Err(FetchError::Io { .. })
        ));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn article_extensions_include_gzipped_ones() {
        assert!(is_article_path(Path::new("a/b.txt")));
        assert!(is_article_path(Path::new("a/b.HTML.gz")));
        assert!(is_article_path(Path::new("b.htm")));
        assert!(!is_article_path(Path::new("b.png")));
        assert!(!is_article_path(Path::new("b.gz")));
    }

    #[test]
    fn ids_are_relative_to_the_root() {
        let s = FileSource {
            path: "corpus/x/a.txt".into(),
            root: "corpus".into(),
        };
        assert_eq!(s.id(), "x/a.txt");
    }
}
