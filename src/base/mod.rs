//! Low-level helpers every stage may use.
