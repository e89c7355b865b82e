//! The figmine command line: parses arguments, dispatches to one subcommand, maps the outcome to
//! an exit code. All work happens in the library.

mod allocator;
mod cli;

use std::process::ExitCode;

/// Extraction allocates small vectors and strings per sentence and figure; mimalloc serves them
/// in fewer instructions than glibc's allocator (6% of all of extraction's). Version 2: version 3
/// held more memory (100 against 67 MB for 10,000 generated articles, 263 against 223 MB for
/// 1,810 real bodies).
#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

fn main() -> ExitCode {
    let missing = missing_processor_features();
    if !missing.is_empty() {
        eprintln!(
            "figmine: this build targets x86-64-v3 (.cargo/config.toml), but the processor lacks \
             {}; rebuild with RUSTFLAGS=\"-C target-cpu=x86-64\" cargo build --release",
            missing.join(", ")
        );
        return ExitCode::from(cli::EXIT_FATAL);
    }
    raise_open_files_limit();
    match cli::main() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("figmine: {}", error_message(&err));
            ExitCode::from(cli::EXIT_FATAL)
        }
    }
}

/// Raises the soft limit on open files to the hard one, as Go programs do. A crawl keeps a
/// connection open to each host it used in the last seconds, besides the run's output, cache
/// and spill files: under the common soft limit of 1,024, a URL list over 4,000 loopback hosts
/// failed 354 pages with "too many open files". Best effort: where it cannot be raised, the run
/// goes on under the limit it has.
fn raise_open_files_limit() {
    let _ = rlimit::increase_nofile_limit(u64::MAX);
}

/// The x86-64-v3 features the build was compiled to assume (`.cargo/config.toml`) that this
/// processor or its operating system lacks, by their names in `/proc/cpuinfo`, asked of the
/// processor itself (`is_x86_feature_detected!` answers "yes" for any feature the build assumes):
/// on an older processor the program says why instead of dying of an illegal instruction. Best
/// effort: this function and `main` are compiled for v3 too, and the compiler may use such an
/// instruction before the test (it uses none in them today).
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(never)]
fn missing_processor_features() -> Vec<&'static str> {
    use std::arch::x86_64::__cpuid_count;
    let bit = |register: u32, n: u32| register & (1 << n) != 0;
    let highest = __cpuid_count(0, 0).eax;
    let leaf_1 = __cpuid_count(1, 0).ecx;
    let leaf_7 = if highest >= 7 { __cpuid_count(7, 0).ebx } else { 0 };
    let extended = if __cpuid_count(0x8000_0000, 0).eax >= 0x8000_0001 {
        __cpuid_count(0x8000_0001, 0).ecx
    } else {
        0
    };
    // the AVX registers are usable only if the operating system saves them (XCR0 bits 1 and 2);
    // SAFETY: XGETBV exists when OSXSAVE (leaf 1, ECX bit 27) says the system enabled XSAVE,
    // which `&&` tests first
    let saved = bit(leaf_1, 27) && unsafe { std::arch::x86_64::_xgetbv(0) } & 0b110 == 0b110;
    [
        ("avx", bit(leaf_1, 28) && saved),
        ("avx2", bit(leaf_7, 5) && saved),
        ("fma", bit(leaf_1, 12) && saved),
        ("f16c", bit(leaf_1, 29) && saved),
        ("bmi1", bit(leaf_7, 3)),
        ("bmi2", bit(leaf_7, 8)),
        ("movbe", bit(leaf_1, 22)),
        ("abm", bit(extended, 5)),
    ]
    .into_iter()
    .filter_map(|(name, present)| (!present).then_some(name))
    .collect()
}

/// A build for the x86-64 baseline, or for another architecture, runs anywhere it was built for.
#[cfg(not(all(target_arch = "x86_64", target_feature = "avx2")))]
fn missing_processor_features() -> Vec<&'static str> {
    Vec::new()
}

/// `figmine numbers | head` closing the pipe early is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes, as `{:#}` prints them, but a cause that the message before it
/// already ends with left out: the library's errors say their cause in their own message
/// ("cannot write out/x.csv: No space left on device (os error 28)") and give it as their source.
fn error_message(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.ends_with(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    message
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cause_the_message_already_gives_is_not_repeated() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let path = "out/figures.csv".into();
        let err = anyhow::Error::new(figmine::export::ExportError::Io { path, source }).context("exporting out");
        assert_eq!(
            super::error_message(&err),
            "exporting out: cannot write out/figures.csv: no such file"
        );
        let plain = anyhow::anyhow!("the inner reason").context("what was done");
        assert_eq!(super::error_message(&plain), "what was done: the inner reason");
    }

    /// The processor's answer agrees with the flags the kernel lists for it (Linux only; the
    /// kernel also drops the AVX flags when it does not save their registers).
    #[test]
    #[cfg(all(target_os = "linux", target_arch = "x86_64", target_feature = "avx2"))]
    fn the_features_found_missing_are_those_the_kernel_does_not_list() {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").expect("/proc/cpuinfo");
        let flags = cpuinfo.lines().find(|l| l.starts_with("flags")).expect("a flags line");
        let listed = |f: &str| flags.split_whitespace().any(|w| w == f);
        let names = ["avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "movbe", "abm"];
        let expected: Vec<&str> = names.into_iter().filter(|f| !listed(f)).collect();
        assert_eq!(super::missing_processor_features(), expected);
    }
}
