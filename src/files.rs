//! Reading inputs and writing outputs so that nothing is lost: inputs must be regular files (a FIFO or a device
//! would block or never end), outputs are written atomically, and every output is checked before any work is done
//! (its folder exists, it is not a folder, it is not one of the run's inputs, no two outputs are the same file).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Reads `path` as UTF-8 text, refusing anything but a regular file (checked before opening, so a FIFO never
/// blocks). Symbolic links are followed.
///
/// # Errors
/// When the file is missing, is not a regular file, cannot be read or is not UTF-8.
pub fn read_input(path: &Path) -> io::Result<String> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "a folder" } else { "not a regular file (a FIFO, socket or device?)" };
        return Err(io::Error::new(io::ErrorKind::InvalidInput, what));
    }
    fs::read_to_string(path)
}

/// Tells temporary files of one process apart.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically: into a new temporary file in the same folder (created exclusively, so it
/// never replaces an existing file), flushed to disk, then renamed over `path`. Readers see the old file or the
/// new one, never a part; on error `path` is untouched and the temporary file is removed.
///
/// # Errors
/// When the temporary file cannot be created or written, or the rename fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let (tmp, mut file) = loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}-{n}.tmp", std::process::id()));
        let tmp = path.with_file_name(tmp_name);
        match fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    match written.and_then(|()| fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// The absolute, symlink-free form of `path`, whether or not the file exists yet (its folder must).
fn canonical(path: &Path) -> io::Result<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Ok(p);
    }
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let dir = fs::canonicalize(parent).map_err(|e| io::Error::new(e.kind(), format!("its folder: {e}")))?;
    if !dir.is_dir() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "its folder is not a folder"));
    }
    Ok(dir.join(name))
}

/// The files one run reads and writes, checked together before the run starts.
#[derive(Debug, Default)]
pub struct RunFiles {
    inputs: Vec<(String, PathBuf, PathBuf)>,
    outputs: Vec<(String, PathBuf, PathBuf)>,
}

impl RunFiles {
    /// No files yet.
    pub fn new() -> RunFiles {
        RunFiles::default()
    }

    /// Notes an input (`label` names it in errors, e.g. `--sdk` or `session script`). Inputs that do not exist are
    /// skipped here: reading them reports that.
    pub fn input(&mut self, label: impl Into<String>, path: &Path) {
        if let Ok(canonical) = fs::canonicalize(path) {
            self.inputs.push((label.into(), path.to_owned(), canonical));
        }
    }

    /// Notes and checks an output file: its folder exists, it is not a folder (nor a FIFO or device), it is not an
    /// input already noted (compared as canonical paths) and no other output names the same file.
    ///
    /// # Errors
    /// A [`RefusedOutput`] naming the output, and the input or output it clashes with.
    pub fn output(&mut self, label: impl Into<String>, path: &Path) -> Result<(), RefusedOutput> {
        let label = label.into();
        let canonical = match canonical(path) {
            Ok(c) => c,
            Err(source) => return Err(RefusedOutput::Unwritable { label, path: path.to_owned(), source }),
        };
        if let Ok(meta) = fs::metadata(&canonical)
            && !meta.is_file()
        {
            return Err(RefusedOutput::NotAFile { label, path: path.to_owned() });
        }
        if let Some((other, p, _)) = self.inputs.iter().find(|(_, _, c)| *c == canonical) {
            return Err(RefusedOutput::IsInput {
                label,
                path: path.to_owned(),
                input: other.clone(),
                input_path: p.clone(),
            });
        }
        if let Some((other, p, _)) = self.outputs.iter().find(|(_, _, c)| *c == canonical) {
            return Err(RefusedOutput::SameFile {
                label,
                path: path.to_owned(),
                other: other.clone(),
                other_path: p.clone(),
            });
        }
        self.outputs.push((label, path.to_owned(), canonical));
        Ok(())
    }
}

/// Why [`RunFiles::output`] refuses an output. `label` names the output (`--out`, `profile of s.json`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RefusedOutput {
    /// Its folder is missing or not a folder.
    #[error("{label} {}: cannot write there: {source}", path.display())]
    Unwritable {
        /// The output's label.
        label: String,
        /// The output as given.
        path: PathBuf,
        /// Why its folder is unusable.
        source: io::Error,
    },
    /// It exists and is a folder, FIFO or device.
    #[error("{label} {}: exists and is not a regular file", path.display())]
    NotAFile {
        /// The output's label.
        label: String,
        /// The output as given.
        path: PathBuf,
    },
    /// It is one of the run's inputs.
    #[error("{label} {} is also the {input} {}: an output may not overwrite an input", path.display(), input_path.display())]
    IsInput {
        /// The output's label.
        label: String,
        /// The output as given.
        path: PathBuf,
        /// The input's label.
        input: String,
        /// The input as given.
        input_path: PathBuf,
    },
    /// Another output is the same file.
    #[error("{label} {} and {other} {} are the same file", path.display(), other_path.display())]
    SameFile {
        /// The output's label.
        label: String,
        /// The output as given.
        path: PathBuf,
        /// The other output's label.
        other: String,
        /// The other output as given.
        other_path: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sdkhost-files-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary_and_spares_a_tmp_sibling() {
        let dir = scratch("atomic");
        let path = dir.join("out.json");
        fs::write(dir.join("out.json.tmp"), "mine").expect("write");
        fs::write(&path, "old").expect("write");
        write_atomic(&path, b"new").expect("write");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(fs::read_to_string(dir.join("out.json.tmp")).expect("read"), "mine");
        let mut names: Vec<_> = fs::read_dir(&dir).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        names.sort();
        assert_eq!(names, ["out.json", "out.json.tmp"]);
        let err = write_atomic(&dir.join("missing").join("x.json"), b"x").expect_err("no folder");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn outputs_may_not_be_inputs_folders_or_each_other() {
        let dir = scratch("outputs");
        let input = dir.join("s.json");
        fs::write(&input, "{}").expect("write");
        let mut files = RunFiles::new();
        files.input("session script", &input);
        // The same file by another spelling.
        let err = files.output("--out", &dir.join(".").join("s.json")).expect_err("clash");
        assert!(matches!(&err, RefusedOutput::IsInput { input, .. } if input == "session script"), "{err:?}");
        let err = err.to_string();
        assert!(err.contains("--out") && err.contains("session script") && err.contains("s.json"), "{err}");
        let err = files.output("--out", &dir).expect_err("folder");
        assert!(matches!(err, RefusedOutput::NotAFile { .. }) && err.to_string().contains("not a regular file"));
        let err = files.output("--out", &dir.join("nope").join("t.json")).expect_err("no folder");
        assert!(err.to_string().contains("cannot write there"), "{err}");
        assert!(std::error::Error::source(&err).is_some(), "the io error is kept");
        files.output("--out", &dir.join("t.json")).expect("fine");
        let err = files.output("--har", &dir.join("t.json")).expect_err("same output").to_string();
        assert!(err.contains("--har") && err.contains("--out"), "{err}");
        assert!(read_input(&dir).expect_err("folder").to_string().contains("folder"));
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = scratch("fifo");
        let fifo = dir.join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_input(&fifo).expect_err("fifo");
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
