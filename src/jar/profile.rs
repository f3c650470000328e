//! The profile file: a jar and `localStorage` kept between sessions, as versioned JSON.
//!
//! Callers must not save a profile after [`load_profile`] failed for that path: the file may hold state the user
//! wants back. [`save_profile`] enforces this too: it refuses to replace an existing file that does not parse as a
//! profile, and it writes a new temporary file next to the target and renames it (see [`crate::files::write_atomic`]),
//! so a crash never leaves half a file and no other file is touched.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::JarSnapshot;

/// The only profile format this build reads and writes.
pub(crate) const PROFILE_FORMAT: u32 = 1;

/// A browser profile on disk: cookies and `localStorage`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    /// The file format version; always `PROFILE_FORMAT`.
    pub format: u32,
    /// The cookie jar.
    pub cookies: JarSnapshot,
    /// `localStorage`: origin (`https://shop.example`) to key to value.
    pub local_storage: BTreeMap<String, BTreeMap<String, String>>,
}

impl ProfileFile {
    /// A profile in the current format.
    pub fn new(cookies: JarSnapshot, local_storage: BTreeMap<String, BTreeMap<String, String>>) -> ProfileFile {
        ProfileFile { format: PROFILE_FORMAT, cookies, local_storage }
    }
}

/// Why a profile could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The file exists but could not be read.
    #[error("failed to read profile {}: {source}", path.display())]
    Read {
        /// The profile path.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// The file is not a valid profile (bad JSON, a wrong field, an unknown format).
    #[error("profile {}:{line}:{column}: {msg}", path.display())]
    Parse {
        /// The profile path.
        path: PathBuf,
        /// 1-based line of the error (0 when it concerns the whole file).
        line: usize,
        /// 1-based column of the error (0 when it concerns the whole file).
        column: usize,
        /// What is wrong, with the field path when known (`cookies[0].expires: ...`).
        msg: String,
    },
    /// [`save_profile`] would replace a file that is not a valid profile.
    #[error("refusing to overwrite {}: it is not a valid profile ({reason})", path.display())]
    WouldOverwrite {
        /// The profile path.
        path: PathBuf,
        /// The load error of the existing file.
        reason: Box<ProfileError>,
    },
    /// The profile could not be written.
    #[error("failed to write profile {}: {source}", path.display())]
    Write {
        /// The path being written (the temporary file or the target).
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
}

/// Loads the profile at `path`: `Ok(None)` when there is no file.
///
/// # Errors
/// [`ProfileError::Read`] when the file cannot be read, [`ProfileError::Parse`] (naming the path, line and column) when
/// it is not a format-1 profile. Do not [`save_profile`] over a file that failed to load.
pub fn load_profile(path: &Path) -> Result<Option<ProfileFile>, ProfileError> {
    let text = match crate::files::read_input(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ProfileError::Read { path: path.to_owned(), source });
        }
    };
    let parse_error = |field: String, e: serde_json::Error| {
        let msg = if field.is_empty() || field == "." { e.to_string() } else { format!("{field}: {e}") };
        ProfileError::Parse { path: path.to_owned(), line: e.line(), column: e.column(), msg }
    };
    let mut de = serde_json::Deserializer::from_str(&text);
    let profile: ProfileFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        parse_error(field, e.into_inner())
    })?;
    de.end().map_err(|e| parse_error(String::new(), e))?;
    if profile.format != PROFILE_FORMAT {
        let msg = format!("unsupported profile format {} (this build reads format {PROFILE_FORMAT})", profile.format);
        return Err(ProfileError::Parse { path: path.to_owned(), line: 0, column: 0, msg });
    }
    Ok(Some(profile))
}

/// Saves `profile` to `path` as pretty JSON, through a temporary file in the same folder and a rename.
///
/// # Errors
/// [`ProfileError::WouldOverwrite`] when a file exists at `path` that does not load as a profile (it is left as it
/// is), [`ProfileError::Write`] when writing or renaming fails.
pub fn save_profile(path: &Path, profile: &ProfileFile) -> Result<(), ProfileError> {
    if let Err(e) = load_profile(path) {
        return Err(ProfileError::WouldOverwrite { path: path.to_owned(), reason: Box::new(e) });
    }
    let mut json = serde_json::to_string_pretty(profile)
        .map_err(|e| ProfileError::Write { path: path.to_owned(), source: io::Error::other(e) })?;
    json.push('\n');
    crate::files::write_atomic(path, json.as_bytes())
        .map_err(|source| ProfileError::Write { path: path.to_owned(), source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::VirtualTime;
    use crate::jar::Jar;
    use std::fs;

    /// A fresh folder under the system temp dir, unique to this process and test.
    fn scratch(test: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sdkhost-jar-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn sample() -> ProfileFile {
        let now = VirtualTime::parse("2026-01-01T00:00:00Z").expect("time");
        let url = url::Url::parse("https://shop.example/").expect("url");
        let mut jar = Jar::new();
        jar.store_set_cookie(&url, "ce.tracking-opt-in=true; Max-Age=86400; SameSite=Lax", now);
        jar.store_set_cookie(&url, "sid=1; HttpOnly; Secure", now);
        let storage = BTreeMap::from([("https://shop.example".to_owned(), BTreeMap::from([("k".into(), "v".into())]))]);
        ProfileFile::new(jar.snapshot(), storage)
    }

    #[test]
    fn round_trip_and_missing_file() {
        let dir = scratch("round-trip");
        let path = dir.join("profile.json");
        assert!(load_profile(&path).expect("missing is fine").is_none());
        save_profile(&path, &sample()).expect("save");
        assert_eq!(load_profile(&path).expect("load"), Some(sample()));
        fs::write(dir.join("profile.json.tmp"), "not ours").expect("write");
        save_profile(&path, &sample()).expect("save over a valid profile");
        assert_eq!(fs::read_to_string(dir.join("profile.json.tmp")).expect("read"), "not ours");
        fs::remove_file(dir.join("profile.json.tmp")).expect("rm");
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.ends_with("}\n") && text.contains("\"expires\": \"2026-01-02T00:00:00.000Z\""), "{text}");
        let names: Vec<_> = fs::read_dir(&dir).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, ["profile.json"]);
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn corrupt_file_names_the_path_and_is_not_overwritten() {
        let dir = scratch("corrupt");
        let path = dir.join("profile.json");
        let corrupt = "{\n  \"format\": 1,\n  \"cookies\": [{\"name\": 5}],\n  \"local_storage\": {}\n}\n";
        fs::write(&path, corrupt).expect("write");
        let err = load_profile(&path).expect_err("corrupt");
        let msg = err.to_string();
        assert!(msg.starts_with(&format!("profile {}:3:", path.display())), "{msg}");
        assert!(msg.contains("cookies[0].name"), "{msg}");
        let err = save_profile(&path, &sample()).expect_err("must refuse");
        assert!(matches!(err, ProfileError::WouldOverwrite { .. }), "{err}");
        assert!(err.to_string().contains(&path.display().to_string()), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), corrupt);
        fs::write(&path, "{\"format\": 2, \"cookies\": [], \"local_storage\": {}}").expect("write");
        assert!(load_profile(&path).expect_err("format 2").to_string().contains("unsupported profile format 2"));
        fs::write(&path, "{\"format\": 1, \"cookies\": [], \"local_storage\": {}, \"extra\": 1}").expect("write");
        assert!(load_profile(&path).expect_err("unknown field").to_string().contains("extra"));
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
