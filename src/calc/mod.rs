//! The arithmetic of a plan: paths year by year and the verdict on each goal.
//!
//! Pure functions of a checked [`Plan`](crate::plan::Plan): no I/O, no text.
//! `projection` steps each metric's path through its actual figures, with
//! `share` dividing a ratio's parts and `prices` turning a path at current
//! prices into one at comparable prices; `average` holds the two ways of
//! averaging its growth; `goals` judges each goal against it; `noise` holds
//! the one rule for comparing and rounding numbers that carry floating-point
//! noise, so that every status is decided, and every number reported, the
//! same way. On top of these: `sensitivity` (sweeps and break-even points),
//! `explain` (the plan's numbers against each other) and `review` (the
//! mid-term review). `trend` estimates a metric's yearly change from its
//! figures; `assess` judges progress the way statistical offices do.
//! `city_2025` pins the shipped example to hand arithmetic.

pub mod assess;
pub mod average;
#[cfg(test)]
mod city_2025;
pub mod explain;
pub mod goals;
pub mod noise;
pub mod odds;
pub mod prices;
pub mod projection;
pub mod review;
pub mod sensitivity;
mod share;
pub mod trend;

pub use average::{achieved_rate, average_annual_rate};
pub use goals::{GoalOutcome, Reference, Status, evaluate};
pub use projection::{Projection, ProjectionError, project};
