//! Pure simulations over the model. Randomness comes in as a seeded
//! `rand_core::RngCore`, so a stored seed reproduces every figure.

pub mod budget;
