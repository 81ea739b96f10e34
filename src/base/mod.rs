//! Low-level helpers every stage may use, and that use nothing of trame's: colours, text normalisation,
//! project-relative paths, editors' temporary file names, and the one function that reads a
//! file of the project.

pub mod color;
pub mod fs;
pub mod paths;
pub mod text;
