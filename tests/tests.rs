//! The one integration-test binary (one link instead of many on a 2-core machine).

mod bad_input;
mod cli;
mod export;
mod golden;
mod properties;
mod quotes;
mod reconcile;
