//! Pure simulations: plain compounding, the coupled improvement flywheel and
//! its Monte Carlo runner, one scenario's or many teams' at a time, and the
//! chosen plan held against what actually happened. Randomness comes in from
//! outside as a seeded, portable generator; nothing here reads a clock or
//! touches the browser.

pub mod budget;
pub mod compound;
pub mod flywheel;
pub mod freeze;
pub mod goals;
pub mod lanes;
pub mod monte_carlo;
pub mod random;
pub mod reality;
pub mod scenario;
pub mod teams;
