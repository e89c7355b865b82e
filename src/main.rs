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
    if let Some(missing) = missing_processor_features() {
        eprintln!(
            "figmine: this build targets x86-64-v3 (.cargo/config.toml), but the processor lacks \
             {missing}; rebuild with RUSTFLAGS=\"-C target-cpu=x86-64\" cargo build --release"
        );
        return ExitCode::from(cli::EXIT_FATAL);
    }
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

/// The features the build was compiled to assume that this processor lacks, asked of the processor
/// itself (`is_x86_feature_detected!` answers "yes" for any feature the build assumes): run on an
/// older processor, the program says why instead of dying of an illegal instruction.
#[cfg(all(target_arch = "x86_64", target_feature = "avx2"))]
#[inline(never)]
fn missing_processor_features() -> Option<&'static str> {
    use std::arch::x86_64::__cpuid_count;
    // leaf 7, sub-leaf 0: EBX bit 5 is AVX2, bit 8 BMI2
    let has_leaf_7 = __cpuid_count(0, 0).eax >= 7;
    let ebx = if has_leaf_7 { __cpuid_count(7, 0).ebx } else { 0 };
    match (ebx & (1 << 5) != 0, ebx & (1 << 8) != 0) {
        (true, true) => None,
        (false, _) => Some("AVX2"),
        (true, false) => Some("BMI2"),
    }
}

/// A build for the x86-64 baseline, or for another architecture, runs anywhere it was built for.
#[cfg(not(all(target_arch = "x86_64", target_feature = "avx2")))]
fn missing_processor_features() -> Option<&'static str> {
    None
}

/// `figmine numbers | head` closing the pipe early is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    /// The processor's answer agrees with the flags the kernel lists for it (Linux only).
    #[test]
    #[cfg(all(target_os = "linux", target_arch = "x86_64", target_feature = "avx2"))]
    fn the_features_found_missing_are_those_the_kernel_does_not_list() {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").expect("/proc/cpuinfo");
        let flags = cpuinfo.lines().find(|l| l.starts_with("flags")).expect("a flags line");
        let listed = |f: &str| flags.split_whitespace().any(|w| w == f);
        let expected = match (listed("avx2"), listed("bmi2")) {
            (true, true) => None,
            (false, _) => Some("AVX2"),
            (true, false) => Some("BMI2"),
        };
        assert_eq!(super::missing_processor_features(), expected);
    }
}
