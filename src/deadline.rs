//! A point in time after which the work on one document gives up: the one type by which every
//! stage that may meet a pathological page (reading, extraction, the checks) is bounded in time.

use std::time::{Duration, Instant};

/// A point in time after which the work on one document gives up (reading; extraction, then the
/// checks and the figure rows), with the budget it was set from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Deadline(Option<(Instant, Duration)>);

impl Deadline {
    /// No deadline.
    pub const NONE: Deadline = Deadline(None);

    /// A deadline `budget` from now.
    pub fn after(budget: Duration) -> Deadline {
        Deadline(Some((Instant::now() + budget, budget)))
    }

    /// Whether the deadline has passed.
    pub fn passed(&self) -> bool {
        self.0.is_some_and(|(d, _)| Instant::now() >= d)
    }

    /// The budget the deadline was set from (none for [`Deadline::NONE`]).
    pub fn budget(&self) -> Duration {
        self.0.map_or(Duration::ZERO, |(_, budget)| budget)
    }
}
