//! The arithmetic of a plan: paths year by year and the verdict on each goal.
//!
//! Pure functions of a checked [`Plan`](crate::plan::Plan): no I/O, no text.
//! `projection` steps each metric's path through its actual figures;
//! `goals` judges each goal against it; `noise` holds the one rule for
//! comparing and rounding numbers that carry floating-point noise, so that
//! every status is decided, and every number reported, the same way. On top
//! of these: `sensitivity` (sweeps and break-even points), `explain` (the
//! plan's numbers against each other) and `review` (the mid-term review).

pub mod explain;
pub mod goals;
pub mod noise;
pub mod odds;
pub mod projection;
pub mod review;
pub mod sensitivity;

pub use goals::{GoalOutcome, Status, average_annual_rate, evaluate};
pub use projection::{Projection, ProjectionError, project};
