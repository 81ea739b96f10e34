//! Low-level helpers every stage may use, and that use nothing of trame's: colours, text normalisation,
//! project-relative paths, editors' temporary file names, the one function that reads a
//! file of the project, and the catalogues of messages in each language.

pub mod color;
pub mod fs;
pub mod l10n;
pub mod paths;
pub mod text;

/// How far from today the calendar covers every month (and week): five years each way. A date
/// beyond (`9999-12-31`, a typo) is a warning and gets its own month page, not every month up
/// to it.
pub const YEARS_COVERED: i16 = 5;
