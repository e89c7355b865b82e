//! The figmine command line: parses arguments, dispatches to one subcommand, maps the outcome to
//! an exit code. All work happens in the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::main() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("figmine: {err:#}");
            ExitCode::from(cli::EXIT_FATAL)
        }
    }
}

/// `figmine numbers | head` closing the pipe early is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
