//! The one integration-test binary (one link instead of many on a 2-core machine).

mod cli;
mod golden;
mod read;
