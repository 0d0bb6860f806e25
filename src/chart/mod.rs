//! Pure chart geometry: scales and SVG path strings, computed and tested
//! without a browser. Components only bind the results to attributes.

pub mod goal_progress;
