//! Shared by the integration tests: run the binary in a known environment.

use assert_cmd::Command;

/// `dabiao` run from the repository root (so `targets.toml` is the shipped
/// plan), with no locale or colour settings inherited from the caller.
pub fn dabiao() -> Command {
    let mut cmd = Command::cargo_bin("dabiao").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Standard output of a run that must succeed with exit code 0.
pub fn stdout_of(args: &[&str]) -> String {
    let output = dabiao().args(args).output().expect("dabiao runs");
    assert!(
        output.status.success(),
        "dabiao {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}
