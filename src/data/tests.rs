use super::*;
use ndarray::{array, Array2};
use std::sync::Arc;

fn has_autotraits<T: Send + Sync + Sized + Unpin>() {}

#[test]
fn autotraits() {
    has_autotraits::<Dataset>();
    has_autotraits::<DataError>();
}

#[test]
fn rejects_empty() {
    let e = Dataset::from_array(Vec::<String>::new(), Array2::zeros((3, 0))).unwrap_err();
    assert!(matches!(
        e,
        DataError::Empty {
            cases: 3,
            columns: 0
        }
    ));
    let e = Dataset::from_reader("A,B\n".as_bytes()).unwrap_err();
    assert!(matches!(e, DataError::Empty { cases: 0, .. }));
}

#[test]
fn rejects_nan_and_infinity() {
    let e = Dataset::from_array(["A"], array![[0.1], [f64::NAN]]).unwrap_err();
    assert!(matches!(e, DataError::NotFinite { ref case, .. } if case == "2"));
    let e = Dataset::from_columns([("A", vec![f64::INFINITY])]).unwrap_err();
    assert!(matches!(e, DataError::NotFinite { .. }));
}

#[test]
fn rejects_bad_names() {
    let e = Dataset::from_array(["A", "A"], array![[0.1, 0.2]]).unwrap_err();
    assert!(matches!(e, DataError::DuplicateColumn { ref name } if name == "A"));
    let e = Dataset::from_array(["A", " "], array![[0.1, 0.2]]).unwrap_err();
    assert!(matches!(e, DataError::EmptyColumnName { position: 2 }));
    let e = Dataset::from_array(["A"], array![[0.1, 0.2]]).unwrap_err();
    assert!(matches!(
        e,
        DataError::UnequalLengths {
            expected: 2,
            found: 1,
            ..
        }
    ));
}

#[test]
fn rejects_unequal_columns_and_labels() {
    let e = Dataset::from_columns([("A", vec![0.1, 0.2]), ("B", vec![0.3])]).unwrap_err();
    assert!(matches!(
        e,
        DataError::UnequalLengths {
            expected: 2,
            found: 1,
            ..
        }
    ));
    let d = Dataset::from_columns([("A", vec![0.1, 0.2])]).unwrap();
    assert!(matches!(
        d.with_cases(["x"]).unwrap_err(),
        DataError::UnequalLengths { .. }
    ));
}

#[test]
fn unknown_column_lists_the_known_ones() {
    let d = Dataset::from_columns([("A", vec![0.1]), ("B", vec![0.2])]).unwrap();
    let e = d.column("C").unwrap_err();
    assert_eq!(e.to_string(), "unknown column `C` (columns are: A, B)");
}

#[test]
fn csv_labels_detected() {
    let d = Dataset::from_reader("case,A\nx,1\ny,0\n".as_bytes()).unwrap();
    assert_eq!(d.cases(), ["x", "y"]);
    let d = Dataset::from_reader(",A\nx,1\ny,0\n".as_bytes()).unwrap();
    assert_eq!(d.cases(), ["x", "y"]);
    let d = Dataset::from_reader("name,A\nx,1\ny,0\n".as_bytes()).unwrap();
    assert_eq!(d.cases(), ["x", "y"]);
    assert_eq!(d.names(), ["A"]);
    let d = Dataset::from_reader("A,B\n1,0\n0,1\n".as_bytes()).unwrap();
    assert_eq!(d.cases(), ["1", "2"]);
    assert_eq!(d.names(), ["A", "B"]);
}

#[test]
fn csv_quoted_fields_and_spaces() {
    let d = Dataset::from_reader("\"case\",\"A\"\n\"New York\", 0.5\n".as_bytes()).unwrap();
    assert_eq!(d.cases(), ["New York"]);
    assert_eq!(d.column("A").unwrap()[0], 0.5);
}

#[test]
fn csv_ragged_row() {
    let e = Dataset::from_reader("case,A,B\nx,1,0\ny,1\n".as_bytes()).unwrap_err();
    assert!(matches!(
        e,
        DataError::RaggedRow {
            line: 3,
            expected: 3,
            found: 2
        }
    ));
}

#[test]
fn csv_non_numeric_cell() {
    let d = Dataset::from_reader("case,A\nx,1\ny,high\n".as_bytes()).unwrap();
    let e = d.column("A").unwrap_err();
    assert_eq!(
        e.to_string(),
        "column `A` is not numeric: line 3 holds `high`"
    );
    let d = Dataset::from_reader("case,A,B\nx,NaN,1\n".as_bytes()).unwrap();
    let e = d.require_complete(&["B", "A"]).unwrap_err();
    assert!(matches!(e, DataError::NotNumeric { ref value, line: Some(2), .. } if value == "NaN"));
}

#[test]
fn csv_duplicate_header() {
    let e = Dataset::from_reader("case,A,A\nx,1,0\n".as_bytes()).unwrap_err();
    assert!(matches!(e, DataError::DuplicateColumn { .. }));
}

#[test]
fn csv_invalid_utf8() {
    let e = Dataset::from_reader(&b"case,A\n\xff\xfe,1\n"[..]).unwrap_err();
    assert!(matches!(e, DataError::InvalidUtf8 { line: 2, field: 1 }));
}

#[test]
fn missing_file() {
    let e = Dataset::from_path("/no/such/file.csv").unwrap_err();
    assert!(e.to_string().starts_with("cannot read `/no/such/file.csv`"));
}

#[test]
fn missing_values_are_reported_and_dropped() {
    let d = Dataset::from_reader("case,A,B\nx,1,\ny,NA,0\nz,1,1\n".as_bytes()).unwrap();
    let m = d.missing();
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].cases, ["y"]);
    let e = d.require_complete(&["A", "B"]).unwrap_err();
    assert_eq!(e.to_string(), "missing values in column `A` for cases: y");
    let e = d.fuzzy_set("B").unwrap_err();
    assert!(e.to_string().contains("cases: x"));
    let kept = d.drop_missing(&["A", "B"]).unwrap();
    assert_eq!(kept.cases(), ["z"]);
    assert!(kept.missing().is_empty());
    let e = Dataset::from_reader("case,A\nx,\n".as_bytes())
        .unwrap()
        .drop_missing(&["A"])
        .unwrap_err();
    assert!(matches!(e, DataError::Empty { cases: 0, .. }));
}

#[test]
fn select_and_with_column() {
    let d = Dataset::from_columns([("A", vec![0.1, 0.2]), ("B", vec![0.3, 0.4])]).unwrap();
    let s = d.select(&["B", "A"]).unwrap();
    assert_eq!(s.names(), ["B", "A"]);
    assert_eq!(s.column("A").unwrap()[1], 0.2);
    assert!(matches!(
        d.select(&["A", "A"]).unwrap_err(),
        DataError::DuplicateColumn { .. }
    ));
    let w = d.with_column("C", vec![1.0, 0.0]).unwrap();
    assert_eq!(w.column("C").unwrap().to_vec(), [1.0, 0.0]);
    assert!(matches!(
        d.with_column("C", vec![1.0]).unwrap_err(),
        DataError::UnequalLengths { .. }
    ));
    assert!(matches!(
        d.with_column("A", vec![1.0, 0.0]).unwrap_err(),
        DataError::DuplicateColumn { .. }
    ));
}

#[test]
fn display_is_aligned() {
    let d = Dataset::from_reader("case,A,Bee\nx,1,\nlong,0.25,0\n".as_bytes()).unwrap();
    let text = d.to_string();
    assert_eq!(text, "         A  Bee\nx        1   NA\nlong  0.25    0\n");
}

// ---- The CSV reader: every way a file can be damaged is refused or stated (report D1-D15).

fn read_err(csv: &[u8]) -> DataError {
    match Dataset::from_reader(csv) {
        Ok(d) => panic!("expected an error, read {} cases: {d}", d.n_cases()),
        Err(e) => e,
    }
}

#[test]
fn label_without_closing_quote_is_refused_not_merged() {
    // D1: `"CZ,` lost its closing quote; the quote pairs with the next label's and would
    // merge two records into one case.
    let csv =
        "\"case\",\"A\",\"Y\"\n\"AT\",0.2,0.3\n\"CZ,0.58,0.9\n\"EE\",0.7,0.8\n\"FI\",0.1,0.2\n";
    let e = read_err(csv.as_bytes());
    assert!(
        matches!(e, DataError::LineBreakInField { line: 3, field: 1 }),
        "{e}"
    );
    // The damaged row last: the field runs to the end of the file.
    let csv = "\"case\",\"A\",\"Y\"\n\"AT\",0.2,0.3\n\"CZ,0.58,0.9\n";
    assert!(matches!(
        read_err(csv.as_bytes()),
        DataError::LineBreakInField { line: 3, .. } | DataError::RaggedRow { line: 3, .. }
    ));
}

#[test]
fn a_typo_in_the_first_column_does_not_make_it_labels() {
    // D2: one cell `0.9o` made the whole first column case labels, silently.
    let d = Dataset::from_reader(
        "A,B,Y\n0.2,0.8,0.9\n0.7,0.1,0.3\n0.9o,0.9,0.8\n0.1,0.3,0.2\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(d.cases(), ["1", "2", "3", "4"]);
    assert_eq!(d.names(), ["A", "B", "Y"]);
    assert_eq!(d.text_names(), ["A"]);
    let e = d.column("A").unwrap_err();
    assert_eq!(
        e.to_string(),
        "column `A` is not numeric: line 4 holds `0.9o`"
    );
    // A column of names is labels, by majority.
    let d = Dataset::from_reader("name,A\nOslo,0.2\nRome,0.9\n".as_bytes()).unwrap();
    assert_eq!(d.cases(), ["Oslo", "Rome"]);
}

#[test]
fn line_numbers_are_an_editors() {
    // D9: the csv crate's own line numbers are off for CRLF, CR and after blank lines.
    let cases: [(&str, u64); 6] = [
        ("A,Y\r\n0.1,0.2\r\n0.3,0.4\r\nx,0.5\r\n", 4),
        ("A,Y\r0.1,0.2\r0.3,0.4\rx,0.5\r", 4),
        ("A,Y\n0.1,0.2\n\nx,0.5\n", 4),
        ("A,Y\n0.1,0.2\n\n\n\nx,0.5\n", 6),
        ("A,Y\r\n0.1,0.2\r\n\r\n0.3,0.4\r\nx,0.5\r\n", 5),
        ("\u{feff}A,Y\n0.1,0.2\nx,0.5\n", 3),
    ];
    for (csv, line) in cases {
        let d = Dataset::from_reader(csv.as_bytes()).unwrap();
        match d.column("A") {
            Err(DataError::NotNumeric { line: Some(l), .. }) => assert_eq!(l, line, "{csv:?}"),
            other => panic!("{csv:?}: {other:?}"),
        }
    }
    let ragged: [(&str, u64); 4] = [
        ("A,Y\r\n0.1,0.2\r\n0.3,0.4\r\n0.5\r\n", 4),
        ("A,Y\r0.1,0.2\r0.3\r", 3),
        ("A,Y\n0.1,0.2\n\n0.3\n", 4),
        ("A,Y\n0.1,0.2\n\n   \n", 4),
    ];
    for (csv, line) in ragged {
        match read_err(csv.as_bytes()) {
            DataError::RaggedRow { line: l, .. } => assert_eq!(l, line, "{csv:?}"),
            other => panic!("{csv:?}: {other}"),
        }
    }
}

#[test]
fn line_numbers_hold_across_parallel_chunks() {
    // Big enough for several blocks and chunks: the bad cell is found at its own line.
    let mut csv = String::from("case,A,Y\n");
    for i in 0..300_000 {
        csv.push_str(&format!("c{i},0.{},0.5\n", i % 10));
    }
    let bad_line = 250_001 + 1;
    let mut lines: Vec<&str> = csv.lines().collect();
    let replaced = "c250000,0.x,0.5";
    lines[bad_line - 1] = replaced;
    let csv = lines.join("\r\n") + "\r\n";
    let d = Dataset::from_reader(csv.as_bytes()).unwrap();
    assert_eq!(d.n_cases(), 300_000);
    assert_eq!(d.cases()[299_999], "c299999");
    match d.column("A") {
        Err(DataError::NotNumeric {
            line: Some(l),
            value,
            ..
        }) => {
            assert_eq!((l, value.as_str()), (bad_line as u64, "0.x"));
        }
        other => panic!("{other:?}"),
    }
    // The values read in parallel equal those read in one piece.
    let whole = CsvOptions::new()
        .line_breaks_in_fields(true)
        .read(csv.as_bytes())
        .unwrap();
    assert_eq!(whole, d);
}

#[test]
fn line_breaks_allowed_in_a_big_file_stay_in_their_field() {
    // Read whole and in one piece: a cut at a line end inside a quoted field would split it.
    let mut csv = String::from("case,A\n");
    for i in 0..40_000 {
        csv.push_str(&format!("\"case\n{i}\",0.5\n"));
    }
    let d = CsvOptions::new()
        .line_breaks_in_fields(true)
        .read(csv.as_bytes())
        .unwrap();
    assert_eq!(d.n_cases(), 40_000);
    assert_eq!(d.cases()[39_999], "case\n39999");
}

#[test]
fn numeric_ids_under_another_header_are_stated() {
    // D11: `year` is read as data, and the reader says so.
    let (d, notes) = CsvOptions::new()
        .read_with_notes("year,A,Y\n1990,0.2,0.9\n1991,0.7,0.3\n".as_bytes())
        .unwrap();
    assert_eq!(d.cases(), ["1", "2"]);
    assert_eq!(
        notes,
        [ReadNote::NumberedCases {
            first_column: "year".into()
        }]
    );
    let d = CsvOptions::new()
        .labels(Labels::Column("year".into()))
        .read("year,A,Y\n1990,0.2,0.9\n1991,0.7,0.3\n".as_bytes())
        .unwrap();
    assert_eq!(d.cases(), ["1990", "1991"]);
    assert_eq!(d.names(), ["A", "Y"]);
    // Memberships in the first column: no note.
    let (_, notes) = CsvOptions::new()
        .read_with_notes("A,Y\n0.2,0.9\n0.7,0.3\n".as_bytes())
        .unwrap();
    assert!(notes.is_empty());
}

#[test]
fn empty_header_is_named_by_its_position_in_the_file() {
    // D13: the 5th field, counted from 1 as in the file.
    let e = read_err(b"case,DEV,URB,LIT,,STB\nx,1,1,1,1,1\n");
    assert!(
        matches!(e, DataError::EmptyColumnName { position: 5 }),
        "{e}"
    );
    let e = read_err(b"case,A,Y,\nx,1,1,1\n");
    assert_eq!(e.to_string(), "column 4 has an empty name");
}

#[test]
fn endless_input_and_huge_fields_end_in_an_error() {
    // D15: /dev/zero grew without bound.
    let zeros = std::io::Read::take(std::io::repeat(0), 64 << 20);
    let e = CsvOptions::new().read(zeros).unwrap_err();
    assert!(
        matches!(e, DataError::TooLong { what: "a line", .. }),
        "{e}"
    );
    let big = format!("case,A\n{},0.5\n", "x".repeat(2 << 20));
    assert!(matches!(
        read_err(big.as_bytes()),
        DataError::TooLong {
            line: 2,
            what: "a field",
            ..
        }
    ));
}

#[test]
fn another_delimiter_is_named() {
    // C10, C12: `;` and tab files said "0 columns".
    for (csv, found) in [
        ("case;A;Y\nx;0.1;0.2\n", ';'),
        ("case\tA\tY\nx\t0.1\t0.2\n", '\t'),
    ] {
        match read_err(csv.as_bytes()) {
            DataError::WrongDelimiter { found: f, .. } => assert_eq!(f, found),
            other => panic!("{other}"),
        }
    }
    let d = CsvOptions::new()
        .delimiter(b';')
        .read("case;A;Y\nx;0,1;0.2\n".as_bytes())
        .unwrap();
    assert_eq!(d.text_names(), ["A"]);
}

#[test]
fn invalid_utf8_names_line_and_field() {
    let e = read_err(b"case,A\nok,1\n\xff\xfe,1\n");
    assert!(
        matches!(e, DataError::InvalidUtf8 { line: 3, field: 1 }),
        "{e}"
    );
    let e = read_err(b"case,\xe9t\xe9\nx,1\n");
    assert!(
        matches!(e, DataError::InvalidUtf8 { line: 1, field: 2 }),
        "{e}"
    );
}

#[test]
fn text_columns_are_kept_and_refused_only_when_used() {
    let csv = "case,COUNTRY,A,Y\nALB,Albania,0.2,0.3\nAGO,Angola,0.9,0.8\n";
    let d = Dataset::from_reader(csv.as_bytes()).unwrap();
    assert_eq!(d.numeric_names(), ["A", "Y"]);
    assert_eq!(d.kind("COUNTRY").unwrap(), ColumnKind::Text);
    assert_eq!(
        d.require_complete(&["COUNTRY"]).unwrap_err().to_string(),
        "column `COUNTRY` is not numeric: line 2 holds `Albania`"
    );
    let mut out = Vec::new();
    d.write_csv(&mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), csv);
}

#[test]
fn missing_value_tokens_are_options() {
    let d = CsvOptions::new()
        .missing_values(["", "NA", "."])
        .read("case,A\nx,.\ny,0.5\n".as_bytes())
        .unwrap();
    assert_eq!(d.missing()[0].cases, ["x"]);
    let d = Dataset::from_reader("case,A\nx,.\ny,0.5\n".as_bytes()).unwrap();
    assert_eq!(d.text_names(), ["A"]);
}

#[test]
fn multi_value_is_declared_or_inferred_narrowly() {
    let d = Dataset::from_columns([
        ("DEV", vec![0.0, 1.0, 2.0, 1.0]),
        ("ES", vec![0.0, 1.0, 10.0, 1.0]),
        ("RANK", vec![1.0, 2.0, 3.0, 4.0]),
        ("A", vec![0.0, 1.0, 1.0, 0.0]),
    ])
    .unwrap();
    let (inferred, names) = d.infer_multi_value(&["DEV", "ES", "RANK", "A"]).unwrap();
    assert_eq!(names, ["DEV"]);
    assert_eq!(
        inferred.kind("DEV").unwrap(),
        ColumnKind::MultiValue { levels: 3 }
    );
    assert_eq!(inferred.kind("A").unwrap(), ColumnKind::Numbers);
    // Declared: any whole numbers below the limit.
    let declared = d.with_multi_value(&["ES", "A"]).unwrap();
    assert_eq!(declared.levels("ES").unwrap(), Some(11));
    assert_eq!(declared.levels("A").unwrap(), Some(2));
    let e = Dataset::from_columns([("M", vec![0.0, 1.5])])
        .unwrap()
        .with_multi_value(&["M"])
        .unwrap_err();
    assert!(matches!(e, DataError::NotALevel { value, .. } if value == 1.5));
    let text = Dataset::from_reader("case,T\nx,abc\n".as_bytes()).unwrap();
    assert!(matches!(
        text.with_multi_value(&["T"]).unwrap_err(),
        DataError::TextNotMultiValue { .. }
    ));
}

#[test]
fn selecting_shares_columns_and_keeps_declarations() {
    let d = Dataset::from_columns([("M", vec![0.0, 2.0]), ("Y", vec![0.1, 0.9])])
        .unwrap()
        .with_multi_value(&["M"])
        .unwrap();
    let s = d.select(&["Y", "M"]).unwrap();
    assert_eq!(s.levels("M").unwrap(), Some(3));
    assert!(Arc::ptr_eq(&s.columns[1], &d.columns[0]));
}

#[test]
fn wide_text_does_not_panic_in_display() {
    // D4: a padded width above 65,535 panics in std's formatting.
    let d = Dataset::from_columns([("A", vec![0.1])])
        .unwrap()
        .with_cases(["L".repeat(70_000)])
        .unwrap();
    assert!(d.to_string().len() > 70_000);
    let d = Dataset::from_columns([("X".repeat(70_000), vec![0.1])]).unwrap();
    assert!(d.to_string().len() > 70_000);
}

#[cfg(feature = "serde")]
#[test]
fn deserialize_validates() {
    // D6: the derived Deserialize skipped every check.
    let good = Dataset::from_columns_with_missing([("A", vec![Some(0.5), None])]).unwrap();
    let json = serde_json::to_string(&good).unwrap();
    assert_eq!(serde_json::from_str::<Dataset>(&json).unwrap(), good);
    for bad in [
        r#"{"cases":["a"],"columns":[{"name":"A","numbers":{"values":[0.1,0.2]}}]}"#,
        r#"{"cases":["a","b"],"columns":[{"name":"A","numbers":{"values":[0.1,0.2]}},{"name":"A","numbers":{"values":[0.1,0.2]}}]}"#,
        r#"{"cases":[],"columns":[]}"#,
        r#"{"cases":["a"],"columns":[{"name":"","numbers":{"values":[0.1]}}]}"#,
        r#"{"cases":["a"],"columns":[{"name":"M","numbers":{"values":[3],"levels":2}}]}"#,
        r#"{"cases":["a"],"columns":[{"name":"M","numbers":{"values":[0],"levels":9999}}]}"#,
        r#"{"cases":["a"],"columns":[{"name":"T","text":{"cells":["x"],"first_case":5}}]}"#,
    ] {
        assert!(serde_json::from_str::<Dataset>(bad).is_err(), "{bad}");
    }
}

#[test]
fn short_decimals_read_as_the_general_parser_reads_them() {
    // The fast path agrees bit for bit with Rust's own parser, and leaves the rest to it.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200_000 {
        let r = next();
        let int = r % 1_000_000;
        let frac_digits = (r >> 20) % 10;
        let frac = (r >> 24) % 10u64.pow(frac_digits as u32);
        let sign = ["", "-", "+"][((r >> 50) % 3) as usize];
        let text = match (r >> 56) % 4 {
            0 => format!("{sign}{int}.{frac:0width$}", width = frac_digits as usize),
            1 => format!("{sign}{int}"),
            2 => format!("{sign}.{frac:0width$}", width = frac_digits.max(1) as usize),
            _ => format!("{sign}{int}."),
        };
        let want: f64 = text.parse().unwrap();
        let got = reader::short_decimal(text.as_bytes()).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "{text}");
    }
    for text in [
        "",
        ".",
        "-",
        "+",
        "1e5",
        "1..2",
        "0.9o",
        "0,5",
        "1 2",
        "1234567890123456",
        "NaN",
        "inf",
    ] {
        assert!(reader::short_decimal(text.as_bytes()).is_none(), "{text:?}");
    }
}
