//! The README is the user's manual: every `console` block in it is run, and
//! what each `$ command` prints (standard output and error, merged) must be
//! exactly what the README shows under it.
//!
//! Each block runs in a fresh folder holding copies of `targets.toml` and
//! `examples/`, with the built `dabiao` first on PATH and no locale or
//! width set: a block that shows a table fitted to a terminal sets
//! `COLUMNS` itself.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::CALLER_SETTINGS;

struct Example {
    command: String,
    expected: String,
}

/// The `console` blocks of the README, each a list of commands with their output.
fn console_blocks(readme: &str) -> Vec<Vec<Example>> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line != "```console" {
            continue;
        }
        let mut block: Vec<Example> = Vec::new();
        for line in lines.by_ref().take_while(|l| *l != "```") {
            match (line.strip_prefix("$ "), block.last_mut()) {
                (Some(command), _) => block.push(Example {
                    command: command.to_owned(),
                    expected: String::new(),
                }),
                (None, Some(example)) => {
                    example.expected.push_str(line);
                    example.expected.push('\n');
                }
                (None, None) => panic!("a console block must start with `$ `: {line}"),
            }
        }
        blocks.push(block);
    }
    blocks
}

/// Copies `from` to `to` with its subfolders (`examples/zones`).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn readme_examples_print_what_they_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("dabiao");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let blocks = console_blocks(&readme);
    assert!(blocks.len() >= 10, "the README shows its examples");
    for block in blocks {
        let folder = tempfile::tempdir().unwrap();
        std::fs::copy(
            root.join("targets.toml"),
            folder.path().join("targets.toml"),
        )
        .unwrap();
        copy_dir(&root.join("examples"), &folder.path().join("examples"));
        for example in block {
            let mut shell = Command::new("sh");
            shell
                .arg("-c")
                .arg(format!("( {} ) 2>&1", example.command))
                .current_dir(folder.path())
                .env("PATH", &path)
                .stdin(Stdio::null());
            for var in CALLER_SETTINGS {
                shell.env_remove(var);
            }
            let output = shell.output().unwrap();
            let printed = String::from_utf8(output.stdout).unwrap();
            assert_eq!(
                printed, example.expected,
                "README example `$ {}` prints something else",
                example.command
            );
        }
    }
}
