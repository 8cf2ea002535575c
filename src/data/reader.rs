//! Reading a [`Dataset`] from CSV: [`CsvOptions`].
//!
//! The reader never reinterprets data silently: a record whose number of fields differs from
//! the header's, a quoted field that runs across a line break (a lost closing quote would
//! otherwise merge two cases), a field or line above the size limits, text that is not UTF-8, and
//! a header that holds another delimiter are errors naming the line (counted as an editor counts
//! them, for `\n`, `\r\n` and `\r` line ends alike). Cells that are not numbers make their column
//! a text column, which an analysis refuses by name when it uses it.
//!
//! Large files are read in blocks of a few MiB, each parsed in parallel chunks, and the numbers
//! go straight into their columns: memory stays near the size of the parsed values.

use std::io::Read;
use std::path::Path;

use super::dataset::{numbered, Column, Dataset};
use super::DataError;

/// Bytes read per block (each block is cut at its last line end).
const BLOCK_BYTES: usize = 4 << 20;
/// A block smaller than this is parsed in one chunk.
const MIN_PARALLEL_BYTES: usize = 256 << 10;

/// Where the case labels are.
///
/// # Example
/// ```
/// use fsqca::{CsvOptions, Labels};
/// let csv = "id,A\nx,0.2\ny,0.9\n";
/// let data = CsvOptions::new().labels(Labels::Column("id".into())).read(csv.as_bytes())?;
/// assert_eq!(data.cases(), ["x", "y"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Labels {
    /// The first column holds the labels when its header is empty or `case` (in any letter
    /// case), or when most of its cells (in the first block of 4 MiB) are not numbers; otherwise
    /// it is data and the cases are numbered `1`, `2`, ...
    #[default]
    Auto,
    /// The first column holds the labels.
    FirstColumn,
    /// The column of this name holds the labels.
    Column(String),
    /// No column holds labels: every column is data and the cases are numbered.
    None,
}

/// Something the reader decided that the caller may want to tell the user about.
///
/// # Example
/// ```
/// use fsqca::{CsvOptions, ReadNote};
/// let csv = "year,A\n1990,0.2\n1991,0.9\n";
/// let (data, notes) = CsvOptions::new().read_with_notes(csv.as_bytes())?;
/// assert_eq!(data.cases(), ["1", "2"]);
/// assert_eq!(notes, [ReadNote::NumberedCases { first_column: "year".into() }]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadNote {
    /// The first column holds distinct whole numbers, like case identifiers, but its header
    /// is neither empty nor `case`: it was read as data and the cases were numbered. Name it
    /// with [`Labels::Column`] (or [`Labels::FirstColumn`]) if it labels the cases.
    NumberedCases {
        /// The first column's header.
        first_column: String,
    },
}

impl std::fmt::Display for ReadNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadNote::NumberedCases { first_column } => write!(
                f,
                "the first column `{first_column}` holds distinct whole numbers but is read as \
                 data, and the cases are numbered 1, 2, ...; if it labels the cases, say so \
                 (its header `case`, or the labels option)"
            ),
        }
    }
}

/// How to read CSV: delimiter, missing-value tokens, where the labels are, size limits.
///
/// Defaults: delimiter `,`; missing values: an empty cell and `NA`; labels [`Labels::Auto`];
/// quoted fields may not hold line breaks; a field may have at most 1 MiB and a line at most
/// 16 MiB. Fields are trimmed of spaces and tabs; a UTF-8 byte-order mark is skipped.
///
/// # Example
/// ```
/// use fsqca::CsvOptions;
/// let csv = "case;A;Y\nSE;0.9;1\nFI;.;0\n";
/// let data = CsvOptions::new().delimiter(b';').missing_values(["", "NA", "."]).read(csv.as_bytes())?;
/// assert_eq!(data.missing()[0].cases, ["FI"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CsvOptions {
    delimiter: u8,
    missing_values: Vec<String>,
    labels: Labels,
    line_breaks_in_fields: bool,
    max_field_bytes: usize,
    max_line_bytes: usize,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            delimiter: b',',
            missing_values: vec![String::new(), "NA".to_owned()],
            labels: Labels::Auto,
            line_breaks_in_fields: false,
            max_field_bytes: 1 << 20,
            max_line_bytes: 16 << 20,
        }
    }
}

impl Dataset {
    /// Reads a data set from CSV with the default [`CsvOptions`]: a header row, `,` between
    /// fields, empty cells and `NA` missing, case labels in the first column when its header is
    /// empty or `case` or when most of its cells are not numbers.
    ///
    /// # Errors
    /// Those of [`CsvOptions::read`].
    ///
    /// # Example
    /// ```
    /// use fsqca::Dataset;
    ///
    /// let csv = "case,A,Y\nSE,0.9,1\nFI,0.2,\n";
    /// let data = Dataset::from_reader(csv.as_bytes())?;
    /// assert_eq!(data.cases(), ["SE", "FI"]);
    /// assert_eq!(data.missing()[0].column, "Y");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_reader<R: Read>(reader: R) -> Result<Self, DataError> {
        CsvOptions::new().read(reader)
    }

    /// Reads a CSV file with the default [`CsvOptions`]; see [`Dataset::from_reader`].
    ///
    /// # Errors
    /// [`DataError::Io`] when the file cannot be opened, and those of [`CsvOptions::read`].
    ///
    /// # Example
    /// ```no_run
    /// let data = fsqca::Dataset::from_path("study.csv")?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path<P: AsRef<Path>>(path: P) -> Result<Self, DataError> {
        CsvOptions::new().read_path(path)
    }
}

impl CsvOptions {
    /// The default options.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::CsvOptions::new().get_delimiter(), b',');
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The byte between fields (default `,`).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::CsvOptions::new().delimiter(b'\t').read("case\tA\nx\t0.5\n".as_bytes())?;
    /// assert_eq!(data.names(), ["A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// The cell texts (after trimming) that mean "missing" (default: the empty cell and `NA`).
    ///
    /// # Example
    /// ```
    /// let options = fsqca::CsvOptions::new().missing_values(["", "NA", "."]);
    /// assert_eq!(options.get_missing_values(), ["", "NA", "."]);
    /// ```
    pub fn missing_values<I, S>(mut self, tokens: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.missing_values = tokens.into_iter().map(Into::into).collect();
        self
    }

    /// Where the case labels are (default [`Labels::Auto`]).
    ///
    /// # Example
    /// ```
    /// use fsqca::{CsvOptions, Labels};
    /// let data = CsvOptions::new().labels(Labels::None).read("case,A\n1,0.5\n".as_bytes())?;
    /// assert_eq!(data.names(), ["case", "A"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn labels(mut self, labels: Labels) -> Self {
        self.labels = labels;
        self
    }

    /// Whether a quoted field may hold a line break (default `false`: such a field is an error,
    /// since it is most often a quote that lost its partner). When `true`, the input is read
    /// whole and parsed in one piece.
    ///
    /// # Example
    /// ```
    /// use fsqca::CsvOptions;
    /// let csv = "case,A\n\"two\nlines\",0.5\n";
    /// assert!(CsvOptions::new().read(csv.as_bytes()).is_err());
    /// let data = CsvOptions::new().line_breaks_in_fields(true).read(csv.as_bytes())?;
    /// assert_eq!(data.cases(), ["two\nlines"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_breaks_in_fields(mut self, yes: bool) -> Self {
        self.line_breaks_in_fields = yes;
        self
    }

    /// The largest field, in bytes (default 1 MiB).
    ///
    /// # Example
    /// ```
    /// let csv = format!("case,A\n{},0.5\n", "x".repeat(100));
    /// assert!(fsqca::CsvOptions::new().max_field_bytes(64).read(csv.as_bytes()).is_err());
    /// ```
    pub fn max_field_bytes(mut self, bytes: usize) -> Self {
        self.max_field_bytes = bytes;
        self
    }

    /// The longest line, in bytes (default 16 MiB): endless input without a line end stops
    /// with an error after this many bytes.
    ///
    /// # Example
    /// ```
    /// let zeros = std::io::repeat(0).take(1 << 20);
    /// # use std::io::Read;
    /// assert!(fsqca::CsvOptions::new().max_line_bytes(1 << 16).read(zeros).is_err());
    /// ```
    pub fn max_line_bytes(mut self, bytes: usize) -> Self {
        self.max_line_bytes = bytes;
        self
    }

    /// The delimiter.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::CsvOptions::new().delimiter(b';').get_delimiter(), b';');
    /// ```
    pub fn get_delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The missing-value tokens.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::CsvOptions::new().get_missing_values(), ["", "NA"]);
    /// ```
    pub fn get_missing_values(&self) -> &[String] {
        &self.missing_values
    }

    /// Where the labels are.
    ///
    /// # Example
    /// ```
    /// assert_eq!(*fsqca::CsvOptions::new().get_labels(), fsqca::Labels::Auto);
    /// ```
    pub fn get_labels(&self) -> &Labels {
        &self.labels
    }

    /// Whether quoted fields may hold line breaks.
    ///
    /// # Example
    /// ```
    /// assert!(!fsqca::CsvOptions::new().get_line_breaks_in_fields());
    /// ```
    pub fn get_line_breaks_in_fields(&self) -> bool {
        self.line_breaks_in_fields
    }

    /// The largest field, in bytes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::CsvOptions::new().get_max_field_bytes(), 1 << 20);
    /// ```
    pub fn get_max_field_bytes(&self) -> usize {
        self.max_field_bytes
    }

    /// The longest line, in bytes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(fsqca::CsvOptions::new().get_max_line_bytes(), 16 << 20);
    /// ```
    pub fn get_max_line_bytes(&self) -> usize {
        self.max_line_bytes
    }

    /// Reads a data set from CSV with a header row.
    ///
    /// # Errors
    /// [`DataError::RaggedRow`] for a record with the wrong number of fields,
    /// [`DataError::LineBreakInField`], [`DataError::TooLong`], [`DataError::InvalidUtf8`],
    /// [`DataError::WrongDelimiter`], [`DataError::Csv`] for other malformed CSV,
    /// [`DataError::Io`] when reading fails, [`DataError::UnknownColumn`] for a labels column
    /// that does not exist, and the errors of the data set's constructors (empty, duplicate
    /// names, given by their 1-based position in the header).
    ///
    /// # Example
    /// ```
    /// let data = fsqca::CsvOptions::new().read("case,A,Y\nSE,0.9,1\nFI,0.2,0\n".as_bytes())?;
    /// assert_eq!(data.cases(), ["SE", "FI"]);
    /// let err = fsqca::CsvOptions::new().read("case,A\n\"SE,0.9\nFI\",0.2\n".as_bytes()).unwrap_err();
    /// assert!(err.to_string().starts_with("line 2, field 1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read<R: Read>(&self, reader: R) -> Result<Dataset, DataError> {
        self.read_with_notes(reader).map(|(data, _)| data)
    }

    /// Reads a CSV file; see [`CsvOptions::read`].
    ///
    /// # Errors
    /// [`DataError::Io`] when the file cannot be opened, and those of [`CsvOptions::read`].
    ///
    /// # Example
    /// ```no_run
    /// let data = fsqca::CsvOptions::new().delimiter(b';').read_path("study.csv")?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_path<P: AsRef<Path>>(&self, path: P) -> Result<Dataset, DataError> {
        self.read_path_with_notes(path).map(|(data, _)| data)
    }

    /// Reads a CSV file, with the reader's notes; see [`CsvOptions::read_with_notes`].
    ///
    /// # Errors
    /// As [`CsvOptions::read_path`].
    ///
    /// # Example
    /// ```no_run
    /// let (data, notes) = fsqca::CsvOptions::new().read_path_with_notes("study.csv")?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_path_with_notes<P: AsRef<Path>>(
        &self,
        path: P,
    ) -> Result<(Dataset, Vec<ReadNote>), DataError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| DataError::Io {
            path: path.display().to_string(),
            source,
        })?;
        self.read_with_notes(file)
    }

    /// Reads a data set from CSV, with what the reader decided that a user may want to know
    /// ([`ReadNote`]).
    ///
    /// # Errors
    /// As [`CsvOptions::read`].
    ///
    /// # Example
    /// ```
    /// let (data, notes) = fsqca::CsvOptions::new().read_with_notes("case,A\nx,1\n".as_bytes())?;
    /// assert!(notes.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_with_notes<R: Read>(
        &self,
        reader: R,
    ) -> Result<(Dataset, Vec<ReadNote>), DataError> {
        let mut blocks = Blocks::new(reader, self)?;
        let Some(first) = blocks.next_block()? else {
            return Err(DataError::Empty {
                cases: 0,
                columns: 0,
            });
        };
        let (header, body_start) = self.header(&first)?;
        let label = self.label_column(&header, &first[body_start..])?;
        let mut table = Table::new(&header, label);
        let mut line = 1 + count_lines(&first[..body_start], blocks.terminator);
        let mut block = first;
        let mut start = body_start;
        loop {
            line = table.parse_block(self, &block[start..], line, blocks.terminator)?;
            let next = blocks.next_block().map_err(|mut e| {
                shift_line(&mut e, line);
                e
            })?;
            match next {
                Some(next) => {
                    block = next;
                    start = 0;
                }
                None => break,
            }
        }
        table.finish(header, label)
    }

    /// The header's fields and the offset of the first record.
    fn header(&self, block: &[u8]) -> Result<(Vec<String>, usize), DataError> {
        let mut rdr = self.csv_reader(block);
        let mut record = csv::ByteRecord::new();
        if !rdr.read_byte_record(&mut record)? {
            return Err(DataError::Empty {
                cases: 0,
                columns: 0,
            });
        }
        let end = rdr.position().byte() as usize;
        let mut header = Vec::with_capacity(record.len());
        for (j, field) in record.iter().enumerate() {
            self.check_field(field, 1, j)?;
            let text =
                std::str::from_utf8(field.trim_ascii()).map_err(|_| DataError::InvalidUtf8 {
                    line: 1,
                    field: j + 1,
                })?;
            header.push(text.trim_start_matches('\u{feff}').to_owned());
        }
        if let [only] = header.as_slice() {
            if let Some(found) = [',', ';', '\t', '|']
                .into_iter()
                .find(|&c| c != char::from(self.delimiter) && only.contains(c))
            {
                return Err(DataError::WrongDelimiter {
                    header: only.chars().take(60).collect(),
                    found,
                    expected: char::from(self.delimiter),
                });
            }
        }
        Ok((header, end.min(block.len())))
    }

    /// Which field holds the labels, if any.
    fn label_column(&self, header: &[String], body: &[u8]) -> Result<Option<usize>, DataError> {
        Ok(match &self.labels {
            Labels::None => None,
            Labels::FirstColumn => Some(0),
            Labels::Column(name) => {
                Some(header.iter().position(|h| h == name).ok_or_else(|| {
                    DataError::UnknownColumn {
                        name: name.clone(),
                        available: header.to_vec(),
                    }
                })?)
            }
            Labels::Auto => {
                let first = header.first().map_or("", String::as_str);
                if first.is_empty() || first.eq_ignore_ascii_case("case") {
                    Some(0)
                } else {
                    // Most of the first column's cells in the first block are not numbers?
                    let mut rdr = self.csv_reader(body);
                    let mut record = csv::ByteRecord::new();
                    let numeric_missing = self.numeric_missing();
                    let (mut text, mut cells) = (0usize, 0usize);
                    while rdr.read_byte_record(&mut record).unwrap_or(false) {
                        if let Some(cell) = record.get(0) {
                            cells += 1;
                            text +=
                                usize::from(matches!(self.cell(cell, numeric_missing), Cell::Text));
                        }
                    }
                    (text * 2 > cells).then_some(0)
                }
            }
        })
    }

    fn csv_reader<'a>(&self, bytes: &'a [u8]) -> csv::Reader<&'a [u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(bytes)
    }

    /// Refuses a field above the size limit or holding a line break.
    fn check_field(&self, field: &[u8], line: u64, j: usize) -> Result<(), DataError> {
        if field.len() > self.max_field_bytes {
            return Err(DataError::TooLong {
                line,
                what: "a field",
                limit: self.max_field_bytes,
            });
        }
        if !self.line_breaks_in_fields && memchr::memchr2(b'\n', b'\r', field).is_some() {
            return Err(DataError::LineBreakInField { line, field: j + 1 });
        }
        Ok(())
    }

    /// What a (data) cell holds.
    /// `numeric_missing`: [`CsvOptions::numeric_missing`], computed once by the caller.
    fn cell(&self, raw: &[u8], numeric_missing: bool) -> Cell {
        let raw = raw.trim_ascii();
        let missing = || self.missing_values.iter().any(|m| m.as_bytes() == raw);
        // A missing-value token that reads as a number (`-99`) must be looked for first.
        if numeric_missing && missing() {
            return Cell::Missing;
        }
        match short_decimal(raw).map_or_else(|| fast_float2::parse::<f64, _>(raw), Ok) {
            Ok(v) if v.is_finite() => Cell::Number(v),
            _ if missing() => Cell::Missing,
            _ => Cell::Text,
        }
    }

    /// Whether a missing-value token reads as a number.
    fn numeric_missing(&self) -> bool {
        self.missing_values
            .iter()
            .any(|m| fast_float2::parse::<f64, _>(m.trim()).is_ok())
    }
}

/// Powers of ten that are exact in an `f64` (10^0 to 10^22).
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a plain decimal such as `0.57`, `-12`, `+3.` or `.5` with at most 15 digits,
/// else `None` (then the general parser decides). The digits form an integer m below 2^53 and
/// the point a power 10^f with f <= 15, both exact in an `f64`, so m / 10^f is the correctly
/// rounded value of the decimal, as any correct parser gives it (Clinger 1990's fast path):
/// the membership data of a QCA study are such decimals, and this is most of reading them.
pub(super) fn short_decimal(raw: &[u8]) -> Option<f64> {
    let (negative, digits) = match raw.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, raw),
    };
    if digits.len() > 16 {
        return None;
    }
    let (mut m, mut count, mut fraction) = (0u64, 0usize, None::<usize>);
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(c - b'0');
                count += 1;
                if let Some(f) = fraction.as_mut() {
                    *f += 1;
                }
            }
            b'.' if fraction.is_none() => fraction = Some(0),
            _ => return None,
        }
    }
    if count == 0 || count > 15 {
        return None;
    }
    let v = m as f64 / EXACT_POWERS_OF_TEN[fraction.unwrap_or(0)];
    Some(if negative { -v } else { v })
}

/// One parsed cell.
enum Cell {
    Number(f64),
    Missing,
    Text,
}

/// The input in blocks that end at a line end.
struct Blocks<R> {
    reader: R,
    pending: Vec<u8>,
    eof: bool,
    whole: bool,
    max_line: usize,
    terminator: u8,
}

impl<R: Read> Blocks<R> {
    fn new(reader: R, options: &CsvOptions) -> Result<Self, DataError> {
        let mut blocks = Self {
            reader,
            pending: Vec::new(),
            eof: false,
            whole: options.line_breaks_in_fields,
            max_line: options.max_line_bytes.max(1),
            terminator: b'\n',
        };
        blocks.fill(BLOCK_BYTES)?;
        if memchr::memchr(b'\n', &blocks.pending).is_none()
            && memchr::memchr(b'\r', &blocks.pending).is_some()
        {
            blocks.terminator = b'\r';
        }
        Ok(blocks)
    }

    /// Reads until `pending` holds `target` bytes or the input ends.
    fn fill(&mut self, target: usize) -> Result<(), DataError> {
        let read_error = |source| DataError::Io {
            path: "the input".into(),
            source,
        };
        if !self.eof && self.pending.len() < target {
            self.pending.reserve(target - self.pending.len());
        }
        while !self.eof && self.pending.len() < target {
            let want = (target - self.pending.len()).max(64 << 10);
            let before = self.pending.len();
            let got = (&mut self.reader)
                .take(want as u64)
                .read_to_end(&mut self.pending)
                .map_err(read_error)?;
            if got == 0 {
                self.eof = true;
            }
            debug_assert_eq!(self.pending.len(), before + got);
        }
        Ok(())
    }

    /// The next block: whole lines, at least one unless the input ends without a line end.
    fn next_block(&mut self) -> Result<Option<Vec<u8>>, DataError> {
        if self.whole {
            while !self.eof {
                let target = self.pending.len() + BLOCK_BYTES;
                self.fill(target)?;
            }
            return Ok((!self.pending.is_empty()).then(|| std::mem::take(&mut self.pending)));
        }
        self.fill(BLOCK_BYTES)?;
        loop {
            if let Some(end) = memchr::memrchr(self.terminator, &self.pending) {
                let rest = self.pending.split_off(end + 1);
                return Ok(Some(std::mem::replace(&mut self.pending, rest)));
            }
            if self.eof {
                return Ok((!self.pending.is_empty()).then(|| std::mem::take(&mut self.pending)));
            }
            if self.pending.len() > self.max_line {
                return Err(DataError::TooLong {
                    line: 1,
                    what: "a line",
                    limit: self.max_line,
                });
            }
            let target = (self.pending.len() * 2).min(self.max_line + 1);
            self.fill(target.max(self.pending.len() + 1))?;
        }
    }
}

/// Number of line ends in `bytes` (`\n`, or `\r` in a file without `\n`).
fn count_lines(bytes: &[u8], terminator: u8) -> u64 {
    memchr::memchr_iter(terminator, bytes).count() as u64
}

/// The fields of one record, as `csv_core` leaves them: their bytes one after the other, and
/// where each ends.
struct Fields<'a> {
    out: &'a [u8],
    ends: &'a [usize],
}

impl Fields<'_> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, j: usize) -> &[u8] {
        let start = if j == 0 { 0 } else { self.ends[j - 1] };
        &self.out[start..self.ends[j]]
    }
}

/// One data column while it is read.
#[derive(Default)]
struct ColumnBuf {
    values: Vec<f64>,
    missing: Vec<usize>,
    /// Cells that are not numbers: (case, text).
    texts: Vec<(usize, String)>,
    /// The line of the first of them.
    first_text_line: Option<u64>,
}

/// The columns of one parsed chunk (case indices local to the chunk).
struct Chunk {
    records: usize,
    lines: u64,
    labels: Vec<String>,
    columns: Vec<ColumnBuf>,
    error: Option<DataError>,
    /// Whether a missing-value token reads as a number.
    numeric_missing: bool,
    /// Whether the chunk holds a quote.
    quoted: bool,
}

/// The whole table while it is read.
struct Table {
    width: usize,
    label: Option<usize>,
    labels: Vec<String>,
    columns: Vec<ColumnBuf>,
    n: usize,
}

impl Table {
    fn new(header: &[String], label: Option<usize>) -> Self {
        let data_columns = header.len() - usize::from(label.is_some());
        Self {
            width: header.len(),
            label,
            labels: Vec::new(),
            columns: (0..data_columns).map(|_| ColumnBuf::default()).collect(),
            n: 0,
        }
    }

    /// Parses whole lines starting at line `line`; returns the line after them.
    fn parse_block(
        &mut self,
        options: &CsvOptions,
        bytes: &[u8],
        line: u64,
        terminator: u8,
    ) -> Result<u64, DataError> {
        // Chunks are cut at line ends, which a field may hold only when the options allow it.
        let pieces = if bytes.len() < MIN_PARALLEL_BYTES || options.line_breaks_in_fields {
            1
        } else {
            crate::parallel::pieces()
        };
        let mut bounds = vec![0usize];
        for p in 1..pieces {
            let at = bytes.len() * p / pieces;
            let last = *bounds.last().unwrap_or(&0);
            if at <= last {
                continue;
            }
            if let Some(off) = memchr::memchr(terminator, &bytes[at..]) {
                bounds.push(at + off + 1);
            }
        }
        bounds.push(bytes.len());
        bounds.dedup();
        let slices: Vec<&[u8]> = bounds.windows(2).map(|w| &bytes[w[0]..w[1]]).collect();
        let mut chunks: Vec<Chunk> = if slices.len() == 1 {
            vec![self.parse_chunk(options, slices[0], terminator)]
        } else {
            crate::parallel::map_slice(&slices, |s| self.parse_chunk(options, s, terminator))
        };
        // Each chunk's first case and first line; the first error in file order.
        let mut starts = Vec::with_capacity(chunks.len());
        let (mut n, mut line) = (self.n, line);
        for chunk in &mut chunks {
            if let Some(mut error) = chunk.error.take() {
                shift_line(&mut error, line);
                return Err(error);
            }
            starts.push((n, line));
            n += chunk.records;
            line += chunk.lines;
        }
        for chunk in &mut chunks {
            self.labels.append(&mut chunk.labels);
        }
        // The columns are appended to in parallel, each from the chunks in order.
        crate::parallel::for_each_mut(&mut self.columns, |c, col| {
            for (chunk, &(base, first_line)) in chunks.iter().zip(&starts) {
                let part = &chunk.columns[c];
                col.values.extend_from_slice(&part.values);
                col.missing.extend(part.missing.iter().map(|i| i + base));
                if col.first_text_line.is_none() {
                    col.first_text_line = part.first_text_line.map(|l| l + first_line - 1);
                }
                col.texts
                    .extend(part.texts.iter().map(|(i, t)| (i + base, t.clone())));
            }
        });
        self.n = n;
        Ok(line)
    }

    /// Parses one chunk of whole lines; line numbers in it count from 1.
    fn parse_chunk(&self, options: &CsvOptions, bytes: &[u8], terminator: u8) -> Chunk {
        let mut chunk = Chunk {
            records: 0,
            lines: count_lines(bytes, terminator),
            labels: Vec::new(),
            columns: (0..self.columns.len())
                .map(|_| ColumnBuf {
                    values: Vec::with_capacity(bytes.len() / (4 * self.width).max(1)),
                    ..ColumnBuf::default()
                })
                .collect(),
            error: None,
            numeric_missing: options.numeric_missing(),
            // Without a quote no field can hold a line break.
            quoted: memchr::memchr(b'"', bytes).is_some(),
        };
        // The line of the record that starts at byte `start` (blank lines before it skipped).
        let line_of = |start: usize| -> u64 {
            let mut at = start.min(bytes.len());
            while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
                at += 1;
            }
            1 + count_lines(&bytes[..at], terminator)
        };
        let mut core = csv_core::ReaderBuilder::new()
            .delimiter(options.delimiter)
            .build();
        let mut out = vec![0u8; 1024];
        let mut ends = vec![0usize; self.width.max(8) + 1];
        let (mut input, mut consumed, mut start) = (bytes, 0usize, 0usize);
        let (mut nout, mut nend) = (0usize, 0usize);
        loop {
            let (result, nin, o, e) = core.read_record(input, &mut out[nout..], &mut ends[nend..]);
            input = &input[nin..];
            consumed += nin;
            nout += o;
            nend += e;
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
                csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                csv_core::ReadRecordResult::Record => {
                    let fields = Fields {
                        out: &out[..nout],
                        ends: &ends[..nend],
                    };
                    if let Err(e) =
                        self.parse_record(options, &fields, &mut chunk, || line_of(start))
                    {
                        chunk.error = Some(e);
                        break;
                    }
                    chunk.records += 1;
                    (start, nout, nend) = (consumed, 0, 0);
                }
                csv_core::ReadRecordResult::End => break,
            }
        }
        chunk
    }

    fn parse_record(
        &self,
        options: &CsvOptions,
        record: &Fields<'_>,
        chunk: &mut Chunk,
        line_of: impl Fn() -> u64,
    ) -> Result<(), DataError> {
        // A quoted field that swallowed line ends explains a wrong field count: say so first.
        if chunk.quoted && !options.line_breaks_in_fields {
            let broken =
                (0..record.len()).find(|&j| memchr::memchr2(b'\n', b'\r', record.get(j)).is_some());
            if let Some(j) = broken {
                return Err(DataError::LineBreakInField {
                    line: line_of(),
                    field: j + 1,
                });
            }
        }
        if record.len() != self.width {
            return Err(DataError::RaggedRow {
                line: line_of(),
                expected: self.width,
                found: record.len(),
            });
        }
        let case = chunk.records;
        let numeric_missing = chunk.numeric_missing;
        let mut col = 0;
        for j in 0..record.len() {
            let field = record.get(j);
            if field.len() > options.max_field_bytes {
                options.check_field(field, line_of(), j)?;
            }
            let utf8 = |field: &[u8]| {
                std::str::from_utf8(field.trim_ascii())
                    .map(str::to_owned)
                    .map_err(|_| DataError::InvalidUtf8 {
                        line: line_of(),
                        field: j + 1,
                    })
            };
            if Some(j) == self.label {
                chunk.labels.push(utf8(field)?);
                continue;
            }
            let buf = &mut chunk.columns[col];
            col += 1;
            match options.cell(field, numeric_missing) {
                Cell::Number(v) => buf.values.push(v),
                Cell::Missing => {
                    buf.values.push(f64::NAN);
                    buf.missing.push(case);
                }
                Cell::Text => {
                    let text = utf8(field)?;
                    if buf.first_text_line.is_none() {
                        buf.first_text_line = Some(line_of());
                    }
                    buf.values.push(f64::NAN);
                    buf.texts.push((case, text));
                }
            }
        }
        Ok(())
    }

    /// The data set, and the notes.
    fn finish(
        self,
        header: Vec<String>,
        label: Option<usize>,
    ) -> Result<(Dataset, Vec<ReadNote>), DataError> {
        let n = self.n;
        let mut names = header;
        if let Some(l) = label {
            names.remove(l);
            // The labels' column may be unnamed; the others may not (1-based file positions).
            if let Some(j) = names.iter().position(|h| h.trim().is_empty()) {
                return Err(DataError::EmptyColumnName {
                    position: if j >= l { j + 2 } else { j + 1 },
                });
            }
        }
        let cases = match label {
            Some(_) => self.labels,
            None => numbered(n),
        };
        let mut notes = Vec::new();
        let columns: Vec<Column> = self
            .columns
            .into_iter()
            .map(|buf| {
                if buf.texts.is_empty() {
                    Column::numbers(buf.values, buf.missing)
                } else {
                    let first_case = buf.texts[0].0;
                    let mut texts = buf.texts.into_iter().peekable();
                    let cells = (0..n)
                        .map(|i| match texts.next_if(|(c, _)| *c == i) {
                            Some((_, t)) => t,
                            None if buf.missing.binary_search(&i).is_ok() => String::new(),
                            None => buf.values[i].to_string(),
                        })
                        .collect();
                    Column::Text {
                        cells,
                        first_line: buf.first_text_line,
                        first_case,
                    }
                }
            })
            .collect();
        if label.is_none() && n > 1 {
            if let (
                Some(Column::Numbers {
                    values, missing, ..
                }),
                Some(first),
            ) = (columns.first(), names.first())
            {
                if missing.is_empty() && looks_like_ids(values) {
                    notes.push(ReadNote::NumberedCases {
                        first_column: first.clone(),
                    });
                }
            }
        }
        Ok((Dataset::validated(cases, names, columns, n)?, notes))
    }
}

/// Distinct whole numbers.
fn looks_like_ids(values: &[f64]) -> bool {
    if values.iter().any(|v| v.fract() != 0.0) {
        return false;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    sorted.windows(2).all(|w| w[0] != w[1]) && sorted.last().is_some_and(|&m| m > 1.0)
}

/// Turns a chunk-local line number (counted from 1) into the file's.
fn shift_line(error: &mut DataError, first_line: u64) {
    match error {
        DataError::RaggedRow { line, .. }
        | DataError::InvalidUtf8 { line, .. }
        | DataError::LineBreakInField { line, .. }
        | DataError::TooLong { line, .. } => *line += first_line - 1,
        _ => {}
    }
}
