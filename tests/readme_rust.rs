//! The README's "Use it from Rust" example is the crate docs' doctest (`src/lib.rs`), line for line, so the README
//! shows code that `cargo test --doc` runs.

fn rust_block_after(text: &str, marker: &str, strip: &str) -> Vec<String> {
    let from = text.find(marker).unwrap_or_else(|| panic!("{marker:?} not found"));
    let lines: Vec<String> = text[from..]
        .lines()
        .map(|l| l.strip_prefix(strip).or_else(|| l.strip_prefix(strip.trim_end())).unwrap_or(l).to_owned())
        .collect();
    let start = lines.iter().position(|l| l == "```rust" || l == "```").expect("a code block") + 1;
    let len = lines[start..].iter().position(|l| l == "```").expect("the end of the block");
    // Lines rustdoc hides (`# ...`) are not shown in the README.
    lines[start..start + len].iter().filter(|l| !l.starts_with("# ")).cloned().collect()
}

#[test]
fn readme_example_is_the_doctest() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("src/lib.rs");
    let shown = rust_block_after(&readme, "## Use it from Rust", "");
    let tested = rust_block_after(&lib, "//! ## Use it from Rust", "//! ");
    assert!(shown.len() > 10, "{shown:#?}");
    assert_eq!(shown, tested, "README.md's \"Use it from Rust\" block and the doctest in src/lib.rs differ");
}
