//! The documentation is the user's manual: every `console` block of the
//! README (English and Chinese), CONTRIBUTING.md and every `docs/*.md` is
//! run, and what each `$ command` prints (standard output and error, merged)
//! must be exactly what the file shows under it.
//!
//! Each block runs in a fresh folder holding copies of `targets.toml` and
//! `examples/`, with the built `dabiao` first on PATH and no locale or
//! width set: a block that shows a table fitted to a terminal sets
//! `COLUMNS` itself.
//!
//! `DOCS_UPDATE=always cargo test --test cli readme` writes what each command
//! prints into the files instead of comparing (then read the diff: the
//! output is the documentation).
//!
//! The same files are checked for what a reader follows: every relative
//! link names a file of the repository (and a heading of it, after `#`),
//! the README stays a front door (at most [`README_MAX_CHARS`] characters),
//! and it gives the test command that `.ci/run` runs.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::CALLER_SETTINGS;

/// The Markdown files whose examples are run, each with the fewest `console`
/// blocks it may hold: a fence renamed by mistake (```` ```sh ```` for
/// ```` ```console ````) would otherwise skip its examples silently. Every
/// `docs/*.md` must be listed here.
const DOCUMENTS: [(&str, usize); 6] = [
    ("README.md", 1),
    ("README.zh.md", 1),
    ("CONTRIBUTING.md", 0),
    ("docs/guide.md", 36),
    ("docs/guide.zh.md", 34),
    ("docs/reference.md", 26),
];

/// The README is the front door: what dabiao is, how to run it, where to
/// read on. Everything longer belongs in `docs/`.
const README_MAX_CHARS: usize = 12_000;

/// The test command of the README, which `.ci/run` must run as it is.
const TEST_COMMAND: &str = "cargo test --locked";

struct Example {
    /// The line of the `$ ` command, from 1.
    line: usize,
    command: String,
    expected: String,
}

struct Block {
    /// The line of the opening fence, from 1.
    line: usize,
    examples: Vec<Example>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file))
        .unwrap_or_else(|e| panic!("{file} cannot be read: {e}"))
}

/// The `console` blocks of a Markdown file, each a list of commands with
/// their output.
fn console_blocks(file: &str, text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    while let Some((start, line)) = lines.next() {
        if line != "```console" {
            assert!(
                !(line.trim_start().starts_with("```") && line.contains("console")),
                "{file}:{start}: a console fence must be exactly ```console at the start of \
                 the line, or its examples are not run: {line}"
            );
            continue;
        }
        let mut block = Block {
            line: start,
            examples: Vec::new(),
        };
        let mut closed = false;
        for (n, line) in lines.by_ref() {
            if line == "```" {
                closed = true;
                break;
            }
            match (line.strip_prefix("$ "), block.examples.last_mut()) {
                (Some(command), _) => block.examples.push(Example {
                    line: n,
                    command: command.to_owned(),
                    expected: String::new(),
                }),
                (None, Some(example)) => {
                    example.expected.push_str(line);
                    example.expected.push('\n');
                }
                (None, None) => panic!("{file}:{n}: a console block must start with `$ `: {line}"),
            }
        }
        assert!(closed, "{file}:{start}: the console block is never closed");
        assert!(
            !block.examples.is_empty(),
            "{file}:{start}: an empty console block"
        );
        blocks.push(block);
    }
    blocks
}

/// Every `docs/*.md`, as paths from the repository's root.
fn docs_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    files.sort();
    files
}

/// The documents whose examples and links are checked: those listed in
/// [`DOCUMENTS`], which must exist, and which must name every `docs/*.md`.
fn documents() -> Vec<(&'static str, usize)> {
    for file in docs_files() {
        assert!(
            DOCUMENTS.iter().any(|(listed, _)| *listed == file),
            "{file} is not in DOCUMENTS of tests/cli/readme.rs: add it, with the fewest \
             console blocks it holds, so that its examples are run"
        );
    }
    for (file, _) in DOCUMENTS {
        assert!(root().join(file).is_file(), "{file} is missing");
    }
    DOCUMENTS.to_vec()
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

/// Runs every block of `file`, each in a fresh folder, and returns what
/// differs from what the file shows, one message per command, and what
/// every command printed, in order.
fn run_blocks(file: &str, blocks: &[Block]) -> (Vec<String>, Vec<String>) {
    let bin = assert_cmd::cargo::cargo_bin("dabiao");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    let mut outputs = Vec::new();
    for (number, block) in blocks.iter().enumerate() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::copy(
            root().join("targets.toml"),
            folder.path().join("targets.toml"),
        )
        .unwrap();
        copy_dir(&root().join("examples"), &folder.path().join("examples"));
        for example in &block.examples {
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
            let printed = String::from_utf8_lossy(&output.stdout).into_owned();
            if printed != example.expected {
                failures.push(format!(
                    "{file}:{}: console block {} (line {}), `$ {}` prints something else\n\
                     {}\n--- the file shows:\n{}--- dabiao prints:\n{}",
                    example.line,
                    number + 1,
                    block.line,
                    example.command,
                    first_difference(&example.expected, &printed),
                    example.expected,
                    printed
                ));
            }
            outputs.push(printed);
        }
    }
    (failures, outputs)
}

/// The first line where `shown` and `printed` differ, both ways.
fn first_difference(shown: &str, printed: &str) -> String {
    let (mut shown_lines, mut printed_lines) = (shown.lines(), printed.lines());
    for n in 1.. {
        match (shown_lines.next(), printed_lines.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => break,
            (a, b) => {
                return format!(
                    "first difference, output line {n}:\n  shows:  {}\n  prints: {}",
                    a.unwrap_or("(nothing)"),
                    b.unwrap_or("(nothing)")
                );
            }
        }
    }
    "the same lines, but not the same line ends".to_owned()
}

/// `text` with the output under each `$ ` command of its console blocks
/// replaced by `outputs`, in order.
fn with_outputs(text: &str, outputs: &[String]) -> String {
    let mut written = String::new();
    let mut outputs = outputs.iter();
    let mut in_block = false;
    for line in text.lines() {
        if in_block && line == "```" {
            in_block = false;
        } else if in_block {
            if let Some(command) = line.strip_prefix("$ ") {
                written.push_str(&format!("$ {command}\n"));
                written.push_str(outputs.next().expect("one output per command"));
            }
            continue;
        } else if line == "```console" {
            in_block = true;
        }
        written.push_str(line);
        written.push('\n');
    }
    written
}

#[test]
fn every_console_example_prints_what_it_shows() {
    let mut failures = Vec::new();
    for (file, minimum) in documents() {
        let blocks = console_blocks(file, &read(file));
        assert!(
            blocks.len() >= minimum,
            "{file} shows {} console blocks, fewer than the {minimum} it should: \
             was a ```console fence renamed?",
            blocks.len()
        );
        let (differ, outputs) = run_blocks(file, &blocks);
        if std::env::var("DOCS_UPDATE").is_ok_and(|v| v == "always") && !differ.is_empty() {
            std::fs::write(root().join(file), with_outputs(&read(file), &outputs)).unwrap();
            eprintln!("{file}: {} examples updated", differ.len());
        } else {
            failures.extend(differ);
        }
    }
    assert!(
        failures.is_empty(),
        "{} examples print something else:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_changed_output_is_caught() {
    let text = "```console\n$ echo 42\n43\n```\n";
    let blocks = console_blocks("changed.md", text);
    let (failures, outputs) = run_blocks("changed.md", &blocks);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].starts_with("changed.md:2: console block 1 (line 1), `$ echo 42`"));
    assert_eq!(
        with_outputs(text, &outputs),
        "```console\n$ echo 42\n42\n```\n"
    );
    let unchanged = console_blocks("same.md", "```console\n$ echo 42\n42\n```\n");
    assert!(run_blocks("same.md", &unchanged).0.is_empty());
}

#[test]
#[should_panic(expected = "a console fence must be exactly ```console")]
fn an_indented_console_fence_is_refused() {
    console_blocks(
        "indented.md",
        "- a list\n\n  ```console\n  $ dabiao\n  ```\n",
    );
}

#[test]
fn the_readme_is_a_front_door() {
    let chars = read("README.md").chars().count();
    assert!(
        chars <= README_MAX_CHARS,
        "README.md has {chars} characters, more than {README_MAX_CHARS}: move the detail to \
         docs/guide.md or docs/reference.md and link to it"
    );
}

#[test]
fn ci_runs_the_test_command_the_readme_gives() {
    for readme in ["README.md", "README.zh.md"] {
        assert!(
            read(readme).lines().any(|l| l.starts_with(TEST_COMMAND)),
            "{readme} gives the test command `{TEST_COMMAND}`"
        );
    }
    assert!(
        read(".ci/run").lines().any(|l| l.trim() == TEST_COMMAND),
        ".ci/run runs `{TEST_COMMAND}`, the README's test command"
    );
}

/// The text of a Markdown file outside fenced code blocks, line by line.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            lines.push((i + 1, line));
        }
    }
    lines
}

/// The anchors GitHub gives a file's headings: lower case, letters, digits,
/// `-`, `_` and spaces kept, spaces made `-`, a repeated anchor numbered.
fn anchors(text: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    for (_, line) in prose(text) {
        let Some(heading) = line
            .strip_prefix('#')
            .map(|h| h.trim_start_matches('#'))
            .and_then(|h| h.strip_prefix(' '))
        else {
            continue;
        };
        let slug: String = heading
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let mut anchor = slug.clone();
        let mut n = 0;
        while seen.contains(&anchor) {
            n += 1;
            anchor = format!("{slug}-{n}");
        }
        seen.insert(anchor);
    }
    seen
}

/// The targets of the inline links and images of a line, outside code spans.
fn link_targets(line: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut in_code = false;
    let mut rest = line;
    let mut offset = 0;
    while let Some(i) = rest.find(['`', ']']) {
        let at = offset + i;
        if line[at..].starts_with('`') {
            in_code = !in_code;
        } else if !in_code && line[at..].starts_with("](") {
            if let Some(end) = line[at + 2..].find(')') {
                targets.push(&line[at + 2..at + 2 + end]);
            }
        }
        offset = at + 1;
        rest = &line[offset..];
    }
    targets
}

#[test]
fn every_relative_link_leads_somewhere() {
    let mut broken = Vec::new();
    for (file, _) in documents() {
        let text = read(file);
        let dir = Path::new(file).parent().unwrap_or(Path::new(""));
        for (n, line) in prose(&text) {
            for target in link_targets(line) {
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (path, anchor) = match target.split_once('#') {
                    Some((path, anchor)) => (path, Some(anchor)),
                    None => (target, None),
                };
                let linked: PathBuf = if path.is_empty() {
                    PathBuf::from(file)
                } else {
                    dir.join(path)
                };
                if !root().join(&linked).exists() {
                    broken.push(format!(
                        "{file}:{n}: ({target}): no file {}",
                        linked.display()
                    ));
                    continue;
                }
                if let Some(anchor) = anchor {
                    let is_markdown = linked.extension().is_some_and(|e| e == "md");
                    let text = std::fs::read_to_string(root().join(&linked)).unwrap_or_default();
                    if is_markdown && !anchors(&text).contains(anchor) {
                        broken.push(format!(
                            "{file}:{n}: ({target}): no heading #{anchor} in {}",
                            linked.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    let text = "# dabiao 达标\n## What-ifs with --set\n```\n# not a heading\n```\n\
                ## 情景：快与慢（示例）\n## Odds\n## Odds\n";
    let mut found: Vec<String> = anchors(text).into_iter().collect();
    found.sort();
    assert_eq!(
        found,
        [
            "dabiao-达标",
            "odds",
            "odds-1",
            "what-ifs-with---set",
            "情景快与慢示例"
        ]
    );
    assert_eq!(
        link_targets("see [a](x.md#b), `[c](not-a-link)` and ![d](docs/e.svg)"),
        ["x.md#b", "docs/e.svg"]
    );
}
