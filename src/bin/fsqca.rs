//! The `fsqca` command-line tool (being written).

fn main() {
    eprintln!("fsqca: the command-line tool is not written yet");
    std::process::exit(2);
}
