//! The expression parser: a hand-written operator-precedence parser over the characters of the
//! input. A lexer reads one token at a time, so that the first problem in reading order is the
//! one reported, and open parentheses are kept on an explicit stack rather than on the call
//! stack, so that parsing uses the same stack space whatever the input.
//!
//! The grammar, with white space allowed between any two tokens:
//!
//! ```text
//! statement  = expression arrow expression
//! arrow      = "->" | "=>"                   (sufficiency)
//!            | "<-" | "<="                   (necessity)
//! expression = term { "+" term }
//! term       = factor { "*" factor }
//! factor     = { "~" } primary
//! primary    = literal | "(" expression ")"
//! literal    = name [ "[" level { "," level } "]" ]
//! name       = ( letter | "_" ) { letter | digit | "_" | "." }
//! level      = ascii-digit { ascii-digit }      (at most u32::MAX)
//! ```
//!
//! Letters and digits are Unicode ones. Results are built only through the canonical constructors
//! of [`Expression`] and [`Literal`], so printing a parsed value and parsing it again gives the
//! same value.

use std::str::FromStr;

use super::error::ExpressionError;
use super::literal::Literal;
use super::name::{is_name_char, is_name_start};
use super::statement::{Relation, Statement};
use super::tree::{Expression, ExpressionKind, MAX_NESTING};

/// The deepest nesting of parentheses accepted; deeper input is refused with
/// [`ExpressionError::TooDeep`]. Parsing itself does not recurse, but printing, comparing,
/// evaluating and dropping an expression do, a bounded number of times per level of nesting.
/// The constructors of [`Expression`] apply the same limit.
const MAX_DEPTH: usize = MAX_NESTING;

/// What may start an operand, for error messages.
const OPERAND: &str = "a condition, `~` or `(`";

/// Characters that end a level inside `[...]` (besides white space).
const LEVEL_DELIMITERS: &[char] = &[',', '[', ']', '(', ')', '*', '+', '~'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A name: a letter or `_`, then letters, digits, `_` and `.`.
    Name,
    /// Like a name but starting with a digit: only valid as a level, which is read apart.
    Number,
    Tilde,
    Star,
    Plus,
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Comma,
    /// An arrow and how it was written.
    Arrow(Relation, &'static str),
    End,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    /// Character position of the first character.
    start: usize,
    /// Character position just past the last character.
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Any arrow is an error.
    Expression,
    /// One arrow is allowed.
    Statement,
}

/// What asked for the operand being parsed; decides the error when the operand is missing.
#[derive(Debug, Clone, Copy)]
enum Context {
    /// The start of the input.
    Start,
    /// A `(` at this position.
    Paren(usize),
    /// An operator (`+`, `*`, `~`, an arrow) at this position.
    Operator(usize, &'static str),
}

/// A parenthesised group being read (or the whole expression, at the bottom).
#[derive(Debug, Default)]
struct Group {
    /// Position of the `(`; `None` for the whole expression.
    open: Option<usize>,
    /// True when an odd number of `~` precede the `(`.
    negated: bool,
    /// The finished terms of the group's disjunction.
    terms: Vec<Expression>,
    /// The factors of the term being read.
    factors: Vec<Expression>,
}

impl Group {
    /// Ends the term being read, at a `+` or at the end of the group.
    fn end_term(&mut self) -> Result<(), ExpressionError> {
        if !self.factors.is_empty() {
            let term = Expression::conjunction(std::mem::take(&mut self.factors))?;
            self.terms.push(term);
        }
        Ok(())
    }

    /// The group's value, built with the canonical constructors.
    fn finish(mut self) -> Result<Expression, ExpressionError> {
        self.end_term()?;
        // The parser finishes a group only after an operand, so `terms` is never empty; and as
        // the parentheses are nested at most `MAX_DEPTH` deep, so is the value.
        let value = Expression::disjunction(self.terms)?;
        if self.negated {
            value.negate()
        } else {
            Ok(value)
        }
    }
}

#[derive(Debug)]
struct Parser {
    chars: Vec<char>,
    /// Character position of the next unread character.
    pos: usize,
    mode: Mode,
    /// Position of the arrow of a statement, once read.
    arrow: Option<usize>,
}

impl Parser {
    fn new(input: &str, mode: Mode) -> Self {
        Self {
            chars: input.chars().collect(),
            pos: 0,
            mode,
            arrow: None,
        }
    }

    fn skip_whitespace(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    /// The first position at or after `from` that does not satisfy `accept`.
    fn scan(&self, from: usize, accept: impl Fn(char) -> bool) -> usize {
        let mut end = from;
        while self.chars.get(end).is_some_and(|&c| accept(c)) {
            end += 1;
        }
        end
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .map_or_else(String::new, |s| s.iter().collect())
    }

    /// Reads the next token without consuming it (call [`Parser::bump`] to consume it).
    ///
    /// Arrows are refused here, where they appear: any arrow when parsing an expression, a second
    /// one when parsing a statement.
    fn peek(&mut self) -> Result<Token, ExpressionError> {
        self.skip_whitespace();
        let start = self.pos;
        let Some(&c) = self.chars.get(start) else {
            return Ok(Token {
                kind: Kind::End,
                start,
                end: start,
            });
        };
        let next = self.chars.get(start + 1).copied();
        let (kind, end) = match (c, next) {
            ('~', _) => (Kind::Tilde, start + 1),
            ('*', _) => (Kind::Star, start + 1),
            ('+', _) => (Kind::Plus, start + 1),
            ('(', _) => (Kind::Open, start + 1),
            (')', _) => (Kind::Close, start + 1),
            ('[', _) => (Kind::OpenBracket, start + 1),
            (']', _) => (Kind::CloseBracket, start + 1),
            (',', _) => (Kind::Comma, start + 1),
            ('-', Some('>')) => (Kind::Arrow(Relation::Sufficiency, "->"), start + 2),
            ('=', Some('>')) => (Kind::Arrow(Relation::Sufficiency, "=>"), start + 2),
            ('<', Some('-')) => (Kind::Arrow(Relation::Necessity, "<-"), start + 2),
            ('<', Some('=')) => (Kind::Arrow(Relation::Necessity, "<="), start + 2),
            (c, _) if is_name_start(c) => (Kind::Name, self.scan(start + 1, is_name_char)),
            (c, _) if c.is_numeric() => (Kind::Number, self.scan(start + 1, is_name_char)),
            (found, _) => {
                return Err(ExpressionError::UnexpectedChar {
                    position: start,
                    found,
                })
            }
        };
        if let Kind::Arrow(_, arrow) = kind {
            match (self.mode, self.arrow) {
                (Mode::Expression, _) => {
                    return Err(ExpressionError::ArrowInExpression {
                        position: start,
                        arrow,
                    })
                }
                (Mode::Statement, Some(first)) => {
                    return Err(ExpressionError::TwoArrows {
                        position: start,
                        first,
                        arrow,
                    })
                }
                (Mode::Statement, None) => {}
            }
        }
        Ok(Token { kind, start, end })
    }

    fn bump(&mut self, token: Token) {
        self.pos = token.end;
    }

    /// `expression`, read with an explicit stack of open parentheses rather than by recursion,
    /// so that the stack use does not grow with the nesting; stops before the first token that
    /// cannot continue the expression (the end, an arrow, an unmatched `)`, ...).
    fn expression(&mut self, mut context: Context) -> Result<Expression, ExpressionError> {
        let mut current = Group::default();
        let mut enclosing: Vec<Group> = Vec::new();
        loop {
            // An operand is expected: `{ "~" } ( literal | "(" )`. As negation is an involution
            // on canonical expressions, only the parity of the `~` counts.
            let mut negated = false;
            let token = loop {
                let token = self.peek()?;
                if token.kind != Kind::Tilde {
                    break token;
                }
                self.bump(token);
                negated = !negated;
                context = Context::Operator(token.start, "~");
            };
            match token.kind {
                Kind::Name => {
                    self.bump(token);
                    let name = self.text(token.start, token.end);
                    let literal = self.literal(name)?;
                    current
                        .factors
                        .push(if negated { literal.negate()? } else { literal });
                }
                Kind::Open => {
                    if enclosing.len() >= MAX_DEPTH {
                        return Err(ExpressionError::TooDeep {
                            position: token.start,
                            max: MAX_DEPTH,
                        });
                    }
                    self.bump(token);
                    let inner = Group {
                        open: Some(token.start),
                        negated,
                        ..Group::default()
                    };
                    enclosing.push(std::mem::replace(&mut current, inner));
                    context = Context::Paren(token.start);
                    continue;
                }
                _ => return Err(self.missing_operand(context, token)),
            }
            // After an operand: `*`, `+`, or the end of the current group.
            loop {
                let token = self.peek()?;
                match token.kind {
                    Kind::Star => {
                        self.bump(token);
                        context = Context::Operator(token.start, "*");
                        break;
                    }
                    Kind::Plus => {
                        self.bump(token);
                        current.end_term()?;
                        context = Context::Operator(token.start, "+");
                        break;
                    }
                    _ => {
                        let group = std::mem::take(&mut current);
                        let open = group.open;
                        let value = group.finish()?;
                        let Some(open) = open else {
                            return Ok(value);
                        };
                        match token.kind {
                            Kind::Close => self.bump(token),
                            Kind::End => {
                                return Err(ExpressionError::UnclosedParenthesis { position: open })
                            }
                            _ => {
                                return Err(ExpressionError::UnexpectedToken {
                                    position: token.start,
                                    found: self.text(token.start, token.end),
                                    expected: "`*`, `+` or `)`",
                                })
                            }
                        }
                        // A group opened by `(` always has an enclosing one.
                        current = enclosing.pop().unwrap_or_default();
                        current.factors.push(value);
                    }
                }
            }
        }
    }

    /// The error for `token` found where an operand was expected.
    fn missing_operand(&self, context: Context, token: Token) -> ExpressionError {
        let missing = |position, operator| ExpressionError::MissingOperand { position, operator };
        match (context, token.kind) {
            // `A + `, `A*)`, `A + * B`, `~ -> Y`: the operator before lacks its right operand.
            (
                Context::Operator(position, operator),
                Kind::End | Kind::Close | Kind::Star | Kind::Plus | Kind::Arrow(..),
            ) => missing(position, operator),
            (Context::Start, Kind::End) => ExpressionError::Empty { position: 0 },
            (Context::Paren(position), Kind::End) => {
                ExpressionError::UnclosedParenthesis { position }
            }
            (Context::Start, Kind::Close) => ExpressionError::UnmatchedParenthesis {
                position: token.start,
            },
            // `*B`, `(+B)`, `-> Y`: the operator found lacks its left operand.
            (_, Kind::Star) => missing(token.start, "*"),
            (_, Kind::Plus) => missing(token.start, "+"),
            (_, Kind::Arrow(_, arrow)) => missing(token.start, arrow),
            // `()`, `A*1`, `A + [`, `,`.
            _ => ExpressionError::UnexpectedToken {
                position: token.start,
                found: self.text(token.start, token.end),
                expected: OPERAND,
            },
        }
    }

    /// `literal = name [ "[" level { "," level } "]" ]`, the name already read.
    fn literal(&mut self, name: String) -> Result<Expression, ExpressionError> {
        let token = self.peek()?;
        if token.kind != Kind::OpenBracket {
            return Ok(Expression::literal(Literal::new(name)?));
        }
        self.bump(token);
        let mut levels = Vec::new();
        loop {
            self.skip_whitespace();
            let start = self.pos;
            let end = self.scan(start, |c| {
                !c.is_whitespace() && !LEVEL_DELIMITERS.contains(&c)
            });
            if start == end {
                return Err(match self.chars.get(start) {
                    None => ExpressionError::UnexpectedEnd {
                        position: start,
                        expected: "a level",
                    },
                    Some(']') if levels.is_empty() => ExpressionError::EmptyLevels {
                        position: token.start,
                    },
                    Some(c) => ExpressionError::InvalidLevel {
                        position: start,
                        found: c.to_string(),
                    },
                });
            }
            let found = self.text(start, end);
            if !found.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ExpressionError::InvalidLevel {
                    position: start,
                    found,
                });
            }
            match found.parse::<u32>() {
                Ok(level) => levels.push(level),
                Err(_) => {
                    return Err(ExpressionError::LevelTooLarge {
                        position: start,
                        found,
                    })
                }
            }
            self.pos = end;
            self.skip_whitespace();
            match self.chars.get(self.pos) {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    return Err(ExpressionError::UnexpectedToken {
                        position: self.pos,
                        found: c.to_string(),
                        expected: "`,` or `]`",
                    })
                }
                None => {
                    return Err(ExpressionError::UnexpectedEnd {
                        position: self.pos,
                        expected: "`,` or `]`",
                    })
                }
            }
        }
        Ok(Expression::literal(Literal::with_levels(name, levels)?))
    }

    /// Checks that nothing but white space follows a complete expression.
    fn finish(&mut self) -> Result<(), ExpressionError> {
        let token = self.peek()?;
        match token.kind {
            Kind::End => Ok(()),
            Kind::Close => Err(ExpressionError::UnmatchedParenthesis {
                position: token.start,
            }),
            _ => Err(ExpressionError::TrailingInput {
                position: token.start,
                found: self.text(token.start, token.end),
            }),
        }
    }
}

impl FromStr for Literal {
    type Err = ExpressionError;

    /// Parses one literal: `A`, `~A`, `DEV[1,2]`, `~DEV[2]` (double negations cancel).
    ///
    /// # Errors
    /// The parser's [`ExpressionError`], or [`ExpressionError::NotALiteral`] for a compound
    /// expression such as `A*B`.
    ///
    /// # Example
    /// ```
    /// let a: fsqca::Literal = "~DEV[2, 1]".parse()?;
    /// assert_eq!(a.to_string(), "~DEV[1,2]");
    /// assert!("A*B".parse::<fsqca::Literal>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expression: Expression = s.parse()?;
        match expression.kind {
            ExpressionKind::Literal(literal) => Ok(literal),
            _ => Err(ExpressionError::NotALiteral {
                found: s.to_owned(),
            }),
        }
    }
}

impl FromStr for Expression {
    type Err = ExpressionError;

    /// Parses an expression in QCA notation: `+` (or), `*` (and, binding tighter), prefix `~`
    /// (not), parentheses, names such as `GDPpc` or `Enterprise_capacity` (Unicode letters
    /// allowed), and multi-value levels `A[1,2]`; white space is allowed anywhere between tokens.
    ///
    /// `~` on a name negates the [`Literal`]; on a parenthesised expression it gives
    /// [`ExpressionKind::Not`](super::ExpressionKind::Not), through [`Expression::negate`] so
    /// that double negations cancel.
    /// Parentheses may be nested 256 deep.
    ///
    /// # Errors
    /// An [`ExpressionError`] giving the character position of the first problem: for instance
    /// [`ExpressionError::MissingOperand`] for `A + `, [`ExpressionError::UnclosedParenthesis`]
    /// for `(A + B`, and [`ExpressionError::ArrowInExpression`] for `A -> Y`, which is a
    /// [`Statement`].
    ///
    /// # Example
    /// ```
    /// use fsqca::Expression;
    ///
    /// let e: Expression = "  E * ~U+G ".parse()?;
    /// assert_eq!(e.to_string(), "E*~U + G");
    /// let e: Expression = "~~(DEV[2, 1]*~URB)".parse()?;
    /// assert_eq!(e.to_string(), "DEV[1,2]*~URB");
    /// assert!("A*B -> Y".parse::<Expression>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parser = Parser::new(s, Mode::Expression);
        let expression = parser.expression(Context::Start)?;
        parser.finish()?;
        Ok(expression)
    }
}

impl FromStr for Statement {
    type Err = ExpressionError;

    /// Parses a set relation: an expression, one arrow, an expression. `->` (or `=>`) states
    /// sufficiency, `<-` (or `<=`) necessity; both sides follow the grammar of
    /// [`Expression::from_str`].
    ///
    /// # Errors
    /// Those of [`Expression::from_str`] except [`ExpressionError::ArrowInExpression`];
    /// [`ExpressionError::UnexpectedEnd`] when there is no arrow and
    /// [`ExpressionError::TwoArrows`] when there are two.
    ///
    /// # Example
    /// ```
    /// use fsqca::{Relation, Statement};
    ///
    /// let s: Statement = "A + B <= ~Y".parse()?;
    /// assert_eq!(s.relation, Relation::Necessity);
    /// assert_eq!(s.to_string(), "A + B <- ~Y");
    /// assert!("A -> B -> C".parse::<Statement>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parser = Parser::new(s, Mode::Statement);
        let expression = parser.expression(Context::Start)?;
        let token = parser.peek()?;
        let (relation, arrow) = match token.kind {
            Kind::Arrow(relation, arrow) => (relation, arrow),
            Kind::End => {
                return Err(ExpressionError::UnexpectedEnd {
                    position: token.start,
                    expected: "`->` or `<-`",
                })
            }
            Kind::Close => {
                return Err(ExpressionError::UnmatchedParenthesis {
                    position: token.start,
                })
            }
            _ => {
                return Err(ExpressionError::UnexpectedToken {
                    position: token.start,
                    found: parser.text(token.start, token.end),
                    expected: "`*`, `+`, `->` or `<-`",
                })
            }
        };
        parser.bump(token);
        parser.arrow = Some(token.start);
        let outcome = parser.expression(Context::Operator(token.start, arrow))?;
        parser.finish()?;
        Ok(Statement::new(expression, relation, outcome))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type E = ExpressionError;

    fn parse(s: &str) -> Expression {
        match s.parse() {
            Ok(e) => e,
            Err(e) => panic!("`{s}` should parse:\n{}", e.display_with(s)),
        }
    }

    fn fail(s: &str) -> ExpressionError {
        match s.parse::<Expression>() {
            Ok(e) => panic!("`{s}` should not parse, got {e:?}"),
            Err(e) => e,
        }
    }

    fn fail_statement(s: &str) -> ExpressionError {
        match s.parse::<Statement>() {
            Ok(e) => panic!("`{s}` should not parse, got {e:?}"),
            Err(e) => e,
        }
    }

    fn lit(name: &str) -> Expression {
        Expression::literal(Literal::new(name).unwrap())
    }

    fn not(name: &str) -> Expression {
        Expression::literal(Literal::new(name).unwrap().negate())
    }

    fn and<const N: usize>(items: [Expression; N]) -> Expression {
        Expression::conjunction(items).unwrap()
    }

    fn or<const N: usize>(items: [Expression; N]) -> Expression {
        Expression::disjunction(items).unwrap()
    }

    /// Parses, checks the structure, and checks that printing and parsing again is the identity.
    fn check(s: &str, expected: &Expression, printed: &str) {
        let e = parse(s);
        assert_eq!(&e, expected, "parsing `{s}`");
        assert_eq!(e.to_string(), printed, "printing `{s}`");
        assert_eq!(parse(printed), e, "re-parsing `{printed}`");
    }

    #[test]
    fn typical_qca_inputs() {
        check(
            "E*~U + G",
            &or([and([lit("E"), not("U")]), lit("G")]),
            "E*~U + G",
        );
        check(
            "GDPpc*~Enterprise_capacity",
            &and([lit("GDPpc"), not("Enterprise_capacity")]),
            "GDPpc*~Enterprise_capacity",
        );
        check(
            "~(A*B)",
            &and([lit("A"), lit("B")]).negate().unwrap(),
            "~(A*B)",
        );
        check(
            "DEV[1,2]*~URB",
            &and([
                Expression::literal(Literal::with_levels("DEV", [1, 2]).unwrap()),
                not("URB"),
            ]),
            "DEV[1,2]*~URB",
        );
        check(
            "  A  *  B+C ",
            &or([and([lit("A"), lit("B")]), lit("C")]),
            "A*B + C",
        );
        check(
            "v.2_x*ÉCOLE",
            &and([lit("v.2_x"), lit("ÉCOLE")]),
            "v.2_x*ÉCOLE",
        );
    }

    #[test]
    fn precedence_and_parentheses() {
        check(
            "(A + B)*C",
            &and([or([lit("A"), lit("B")]), lit("C")]),
            "(A + B)*C",
        );
        check(
            "A + B*C",
            &or([lit("A"), and([lit("B"), lit("C")])]),
            "A + B*C",
        );
        check("((A))", &lit("A"), "A");
        check(
            "(A*B)*(C*D)",
            &and([lit("A"), lit("B"), lit("C"), lit("D")]),
            "A*B*C*D",
        );
        check(
            "A + (B + C)",
            &or([lit("A"), lit("B"), lit("C")]),
            "A + B + C",
        );
        check(
            "~(A + B)*C",
            &and([or([lit("A"), lit("B")]).negate().unwrap(), lit("C")]),
            "~(A + B)*C",
        );
        check("~A*B", &and([not("A"), lit("B")]), "~A*B");
    }

    #[test]
    fn negations_cancel() {
        check("~~A", &lit("A"), "A");
        check("~(A)", &not("A"), "~A");
        check("~(~A)", &lit("A"), "A");
        check("~~(A*B)", &and([lit("A"), lit("B")]), "A*B");
        check("~(~(A + B))", &or([lit("A"), lit("B")]), "A + B");
        check("~ ~ ~A", &not("A"), "~A");
        let many = format!("{}A", "~".repeat(100_001));
        assert_eq!(parse(&many), not("A"));
    }

    #[test]
    fn levels() {
        let dev = |levels: &[u32]| {
            Expression::literal(Literal::with_levels("DEV", levels.to_vec()).unwrap())
        };
        check("DEV[2]", &dev(&[2]), "DEV[2]");
        check("DEV [ 2 , 1 ,2 ]", &dev(&[1, 2]), "DEV[1,2]");
        check("DEV[007]", &dev(&[7]), "DEV[7]");
        check("DEV[4294967295]", &dev(&[u32::MAX]), "DEV[4294967295]");
        check("~DEV[0]", &dev(&[0]).negate().unwrap(), "~DEV[0]");
    }

    #[test]
    fn statements() {
        let s: Statement = "A*B -> Y".parse().unwrap();
        assert_eq!(
            s,
            Statement::new(and([lit("A"), lit("B")]), Relation::Sufficiency, lit("Y"))
        );
        assert_eq!(s.to_string(), "A*B -> Y");
        let s: Statement = "A + B <- ~Y".parse().unwrap();
        assert_eq!(
            s,
            Statement::new(or([lit("A"), lit("B")]), Relation::Necessity, not("Y"))
        );
        assert_eq!(s.to_string(), "A + B <- ~Y");
        let s: Statement = "A=>Y".parse().unwrap();
        assert_eq!(s.to_string(), "A -> Y");
        let s: Statement = "A<=Y".parse().unwrap();
        assert_eq!(s.to_string(), "A <- Y");
        let s: Statement = "(A + B)*C -> ~(Y*Z)".parse().unwrap();
        assert_eq!(s.to_string().parse::<Statement>().unwrap(), s);
    }

    #[test]
    fn nesting_limit() {
        let ok = format!("{}A{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(parse(&ok), lit("A"));
        let deep = format!(
            "{}A{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(
            fail(&deep),
            E::TooDeep {
                position: MAX_DEPTH,
                max: MAX_DEPTH
            }
        );
        assert!(matches!(fail(&"(".repeat(1_000_000)), E::TooDeep { .. }));
        let alternating = format!("{}A", "~(".repeat(1000));
        assert!(matches!(fail(&alternating), E::TooDeep { .. }));
    }

    #[test]
    fn deepest_nesting_fits_a_small_stack() {
        // A quarter of the 2 MiB of a spawned thread: parsing does not recurse, and printing,
        // comparing and dropping recurse at most `MAX_DEPTH` times (this passes with 128 KiB
        // at opt-level 0).
        let worst = format!(
            "{}~A{}",
            "~(A*(".repeat(MAX_DEPTH / 2),
            "))".repeat(MAX_DEPTH / 2)
        );
        let statement = format!("{worst} -> {worst}");
        let handle = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                let e: Expression = worst.parse().unwrap();
                let printed = e.to_string();
                assert_eq!(printed.parse::<Expression>().unwrap(), e);
                statement.parse::<Statement>().unwrap();
            })
            .unwrap();
        handle.join().unwrap();
    }

    #[test]
    fn long_flat_input() {
        let long = vec!["A"; 100_000].join("*");
        assert_eq!(parse(&long).literals().len(), 100_000);
    }

    #[test]
    fn error_empty() {
        assert_eq!(fail(""), E::Empty { position: 0 });
        assert_eq!(fail(" \t\n"), E::Empty { position: 0 });
        assert_eq!(fail_statement("  "), E::Empty { position: 0 });
    }

    #[test]
    fn error_unexpected_char() {
        let e = fail("A*#B");
        assert_eq!(
            e,
            E::UnexpectedChar {
                position: 2,
                found: '#'
            }
        );
        assert_eq!(e.to_string(), "unexpected character `#` at position 2");
        // Positions count characters, not bytes.
        assert_eq!(
            fail("Ü*Ö & B"),
            E::UnexpectedChar {
                position: 4,
                found: '&'
            }
        );
        assert_eq!(
            fail("A - B"),
            E::UnexpectedChar {
                position: 2,
                found: '-'
            }
        );
        assert_eq!(
            fail_statement("A <> B"),
            E::UnexpectedChar {
                position: 2,
                found: '<'
            }
        );
    }

    #[test]
    fn error_unexpected_token() {
        assert_eq!(
            fail("A*1"),
            E::UnexpectedToken {
                position: 2,
                found: "1".into(),
                expected: OPERAND
            }
        );
        assert_eq!(
            fail("()"),
            E::UnexpectedToken {
                position: 1,
                found: ")".into(),
                expected: OPERAND
            }
        );
        assert_eq!(
            fail("(A B)"),
            E::UnexpectedToken {
                position: 3,
                found: "B".into(),
                expected: "`*`, `+` or `)`"
            }
        );
        assert_eq!(
            fail("A[1 2]"),
            E::UnexpectedToken {
                position: 4,
                found: "2".into(),
                expected: "`,` or `]`"
            }
        );
        assert_eq!(
            fail_statement("A B -> Y"),
            E::UnexpectedToken {
                position: 2,
                found: "B".into(),
                expected: "`*`, `+`, `->` or `<-`"
            }
        );
    }

    #[test]
    fn error_unexpected_end() {
        assert_eq!(
            fail("A[1"),
            E::UnexpectedEnd {
                position: 3,
                expected: "`,` or `]`"
            }
        );
        assert_eq!(
            fail("A[1, "),
            E::UnexpectedEnd {
                position: 5,
                expected: "a level"
            }
        );
        assert_eq!(
            fail_statement("A*B "),
            E::UnexpectedEnd {
                position: 4,
                expected: "`->` or `<-`"
            }
        );
    }

    #[test]
    fn error_unclosed_parenthesis() {
        assert_eq!(fail("A*(B + C"), E::UnclosedParenthesis { position: 2 });
        assert_eq!(fail("((A)"), E::UnclosedParenthesis { position: 0 });
        assert_eq!(fail("A*("), E::UnclosedParenthesis { position: 2 });
        assert_eq!(
            fail_statement("(A -> Y"),
            E::UnexpectedToken {
                position: 3,
                found: "->".into(),
                expected: "`*`, `+` or `)`"
            }
        );
    }

    #[test]
    fn error_unmatched_parenthesis() {
        assert_eq!(fail("A*B)"), E::UnmatchedParenthesis { position: 3 });
        assert_eq!(fail(") A"), E::UnmatchedParenthesis { position: 0 });
        assert_eq!(
            fail_statement("A) -> Y"),
            E::UnmatchedParenthesis { position: 1 }
        );
        assert_eq!(
            fail_statement("A -> Y)"),
            E::UnmatchedParenthesis { position: 6 }
        );
    }

    #[test]
    fn error_missing_operand() {
        let missing = |position, operator| E::MissingOperand { position, operator };
        assert_eq!(fail("A + "), missing(2, "+"));
        assert_eq!(fail("*B"), missing(0, "*"));
        assert_eq!(fail("A*~"), missing(2, "~"));
        assert_eq!(fail("A + * B"), missing(2, "+"));
        assert_eq!(fail("(+B)"), missing(1, "+"));
        assert_eq!(fail("(A*)"), missing(2, "*"));
        assert_eq!(fail_statement("-> Y"), missing(0, "->"));
        assert_eq!(fail_statement("A <- "), missing(2, "<-"));
        assert_eq!(fail_statement("A + -> Y"), missing(2, "+"));
    }

    #[test]
    fn error_empty_levels() {
        assert_eq!(fail("A*DEV[]"), E::EmptyLevels { position: 5 });
        assert_eq!(fail("DEV[ ]"), E::EmptyLevels { position: 3 });
    }

    #[test]
    fn error_invalid_level() {
        let invalid = |position, found: &str| E::InvalidLevel {
            position,
            found: found.into(),
        };
        assert_eq!(fail("A[x]"), invalid(2, "x"));
        assert_eq!(fail("A[-1]"), invalid(2, "-1"));
        assert_eq!(fail("A[1.5]"), invalid(2, "1.5"));
        assert_eq!(fail("A[1,]"), invalid(4, "]"));
        assert_eq!(fail("A[,1]"), invalid(2, ","));
        assert_eq!(fail("A[١]"), invalid(2, "١"));
    }

    #[test]
    fn error_level_too_large() {
        assert_eq!(
            fail("A[1, 4294967296]"),
            E::LevelTooLarge {
                position: 5,
                found: "4294967296".into()
            }
        );
    }

    #[test]
    fn error_arrow_in_expression() {
        let e = fail("A*B -> Y");
        assert_eq!(
            e,
            E::ArrowInExpression {
                position: 4,
                arrow: "->"
            }
        );
        assert!(e.to_string().contains("`Statement`"));
        assert_eq!(
            fail("<= Y"),
            E::ArrowInExpression {
                position: 0,
                arrow: "<="
            }
        );
        assert_eq!(
            fail("A + => Y"),
            E::ArrowInExpression {
                position: 4,
                arrow: "=>"
            }
        );
    }

    #[test]
    fn error_two_arrows() {
        assert_eq!(
            fail_statement("A -> B <- C"),
            E::TwoArrows {
                position: 7,
                first: 2,
                arrow: "<-"
            }
        );
        assert_eq!(
            fail_statement("A -> (B -> C)"),
            E::TwoArrows {
                position: 8,
                first: 2,
                arrow: "->"
            }
        );
    }

    #[test]
    fn error_trailing_input() {
        let trailing = |position, found: &str| E::TrailingInput {
            position,
            found: found.into(),
        };
        assert_eq!(fail("A B"), trailing(2, "B"));
        assert_eq!(fail("A (B)"), trailing(2, "("));
        assert_eq!(fail("A[1]]"), trailing(4, "]"));
        assert_eq!(fail("A[1][2]"), trailing(4, "["));
        assert_eq!(fail("A ~B"), trailing(2, "~"));
        assert_eq!(fail_statement("A -> Y Z"), trailing(7, "Z"));
    }

    #[test]
    fn error_too_deep() {
        let deep = format!("A*{}B", "(".repeat(MAX_DEPTH + 1));
        assert_eq!(
            fail(&deep),
            E::TooDeep {
                position: 2 + MAX_DEPTH,
                max: MAX_DEPTH
            }
        );
    }

    #[test]
    fn caret_rendering() {
        let input = "A + (B*C";
        assert_eq!(
            fail(input).display_with(input),
            "A + (B*C\n    ^ the parenthesis opened at position 4 is never closed"
        );
    }
}
