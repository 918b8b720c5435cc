//! The `dabiao` binary: everything lives in the library; see `dabiao::cli`.

fn main() -> std::process::ExitCode {
    dabiao::cli::run(std::env::args_os())
}
