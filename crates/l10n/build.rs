// The message files are compiled in by a macro that lists the folder once; Cargo is told to
// rebuild when anything under it changes, a new file included.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
