//! Parameters of fit (being written).
