//! The expression parser (placeholder: being written).

use std::str::FromStr;

use super::{Expression, ExpressionError, Statement};

impl FromStr for Expression {
    type Err = ExpressionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let _ = s;
        Err(ExpressionError::Empty)
    }
}

impl FromStr for Statement {
    type Err = ExpressionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let _ = s;
        Err(ExpressionError::Empty)
    }
}
