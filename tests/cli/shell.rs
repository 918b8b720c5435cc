//! What is made from the clap definition: shell completions and the man
//! page; and the Chinese quick reference.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::{CALLER_SETTINGS, REFUSED, Ran, dabiao, folder, ok, refused, stdout_of};

/// Every subcommand, as typed.
const COMMANDS: [&str; 11] = [
    "report",
    "sensitivity",
    "explain",
    "review",
    "odds",
    "chart",
    "validate",
    "init",
    "completions",
    "man",
    "help-zh",
];

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "powershell", "elvish"];

/// The binary as a plain process, whose standard streams a test may set,
/// in the harness's environment.
fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dabiao"));
    for var in CALLER_SETTINGS {
        cmd.env_remove(var);
    }
    cmd
}

/// Whether `program` runs here; if not, says which check is skipped.
fn present(program: &str, check: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        eprintln!("skipped: {check}, as {program} is not installed");
    }
    found
}

/// Runs `program args…` with `input` on standard input; its status and
/// standard output.
fn run_with_input(program: &str, args: &[&str], input: &str) -> (bool, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(input.as_bytes())
        .expect("the input is written");
    let output = child.wait_with_output().expect("the program ends");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in SHELLS {
        let script = stdout_of(&["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {script}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} leaves out {command}");
        }
        // fish names long flags without their dashes.
        for flag in ["lang", "format", "scenario"] {
            assert!(script.contains(flag), "{shell} leaves out {flag}");
        }
    }
}

#[test]
fn bash_accepts_the_bash_completions() {
    if !present("bash", "bash -n on the completions") {
        return;
    }
    let script = stdout_of(&["completions", "bash"]);
    let (ok, _) = run_with_input("bash", &["-n"], &script);
    assert!(ok, "bash -n refuses the completions");
    // And they complete: the commands after `dabiao `.
    let probe = format!(
        "{script}\nCOMP_WORDS=(dabiao va); COMP_CWORD=1; COMP_LINE='dabiao va'; \
         COMP_POINT=9; _dabiao dabiao va dabiao; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let (ok, completed) = run_with_input("bash", &[], &probe);
    assert!(
        ok && completed.lines().any(|l| l == "validate"),
        "{completed}"
    );
}

#[test]
fn a_full_disk_or_a_closed_pipe_ends_the_output_without_a_panic() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: writing to a full disk, as there is no /dev/full");
        return;
    };
    for (args, lang) in [
        (&["completions", "bash"][..], "en"),
        (&["man"], "en"),
        (&["completions", "zsh"], "zh"),
    ] {
        let output = binary()
            .args(args)
            .args(["--lang", lang])
            .stdout(full.try_clone().expect("a second handle"))
            .output()
            .expect("dabiao runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = match lang {
            "en" => "error: cannot write to standard output: No space left on device",
            _ => "错误：无法写入标准输出：磁盘已满\n",
        };
        assert_eq!(output.status.code(), Some(REFUSED), "{args:?}: {stderr}");
        assert!(stderr.starts_with(expected), "{args:?}: {stderr}");
    }
    // A reader that stops early ends the run quietly.
    let mut child = binary()
        .args(["completions", "fish"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dabiao runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("dabiao ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let dir = folder(&[]);
    let stderr = refused(dir.path(), &["completions", "tcsh"]);
    assert!(
        stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{stderr}"
    );
}

#[test]
fn the_man_page_is_roff_and_lists_every_command() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH DABIAO 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    for command in COMMANDS {
        // roff escapes the hyphen of help-zh.
        let typed = format!("\\fBdabiao {}\\fR", command.replace('-', "\\-"));
        assert!(page.contains(&typed), "the page leaves out {command}");
    }
    // Only the one page is installed: no reference to pages of commands.
    assert!(!page.contains("dabiao\\-report(1)"), "{page}");
    if !present("man", "man -l on the man page") {
        return;
    }
    let (ok, shown) = run_with_input("man", &["-l", "-"], &page);
    assert!(ok, "man -l refuses the page");
    assert!(
        shown.contains("NAME") && shown.contains("dabiao help-zh"),
        "{shown}"
    );
}

#[test]
fn man_writes_the_page_to_a_file_atomically() {
    let dir = folder(&[("dabiao.1", b"old")]);
    assert_eq!(ok(dir.path(), &["man", "-o", "dabiao.1"]), "");
    let written = std::fs::read_to_string(dir.path().join("dabiao.1")).unwrap();
    assert_eq!(written, stdout_of(&["man"]));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["dabiao.1"], "no temporary file is left");
    let stderr = refused(dir.path(), &["man", "-o", "missing/dabiao.1"]);
    assert_eq!(
        stderr,
        "error: cannot write missing/dabiao.1: there is no folder missing; create it first\n"
    );
}

#[test]
fn help_zh_is_a_chinese_quick_reference_that_help_points_to() {
    let reference = stdout_of(&["help-zh"]);
    for command in COMMANDS {
        assert!(
            reference.contains(&format!("  {command} ")),
            "help-zh leaves out {command}"
        );
    }
    for words in [
        "用法",
        "常用选项",
        "--lang en|zh",
        "[plan]",
        "[metrics.指标代码]",
        "退出码",
        "docs/guide.zh.md",
    ] {
        assert!(reference.contains(words), "help-zh leaves out {words}");
    }
    // Every option it names is one a command takes.
    let helps: String = COMMANDS
        .iter()
        .map(|command| stdout_of(&[command, "--help"]))
        .chain([stdout_of(&["--help"])])
        .collect();
    let flags = reference
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("--") && w.len() > 2);
    for flag in flags {
        assert!(
            helps.contains(flag),
            "help-zh names {flag}, which no command takes"
        );
    }
    // Chinese whatever the locale: it has no English twin.
    let under_english = Ran::of(dabiao().env("LANG", "en_US.UTF-8"), &["help-zh"]).ok();
    assert_eq!(under_english, reference);
    let help = stdout_of(&["--help"]);
    assert!(help.contains("dabiao help-zh"), "{help}");
    assert!(
        help.lines()
            .any(|l| l.trim_start().starts_with("help-zh") && l.contains("quick reference")),
        "{help}"
    );
}
