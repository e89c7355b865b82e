//! The one integration-test binary (one link instead of many on a 2-core machine).

mod bad_input;
mod batch;
mod cli;
mod common;
mod export;
mod fetch;
mod golden;
mod numbers;
mod properties;
mod quotes;
mod read;
mod reconcile;
mod spark;
