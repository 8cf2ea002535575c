use super::*;

fn example() -> Table {
    let mut table = Table::new(
        ["", "incl", "n"],
        [Align::Left, Align::Right, Align::Center],
    )
    .unwrap()
    .with_caption("Caption");
    table
        .push_row(vec![
            Cell::from("A*B"),
            Cell::Number(Some(0.8)),
            Cell::from("12"),
        ])
        .unwrap();
    table
        .push_footer_row(vec![
            Cell::from("Solution"),
            Cell::Number(None),
            Cell::Empty,
        ])
        .unwrap();
    table
}

#[test]
fn text_aligns_columns_and_rules_the_footer() {
    assert_eq!(
        example().render(TableFormat::Text, 2),
        "Caption\n          incl  n\n------------------\nA*B       0.80  12\n\
         ------------------\nSolution     -\n"
    );
}

#[test]
fn html_puts_the_footer_in_a_second_body() {
    let html = example().render(TableFormat::Html, 1);
    assert_eq!(html.matches("<tbody>").count(), 2);
    assert!(html.contains("<caption>Caption</caption>"));
    assert!(html.contains("<td style=\"text-align: right\">0.8</td>"));
}

#[test]
fn a_row_of_the_wrong_width_is_refused_with_its_index() {
    let mut table = example();
    assert_eq!(
        table.push_footer_row(vec![Cell::Empty]),
        Err(TableError::RowWidth {
            row: 2,
            expected: 3,
            found: 1
        })
    );
}
