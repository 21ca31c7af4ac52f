//! `factdeck extract` through the binary: formats and bad input.

use crate::common::*;

#[test]
fn missing_file_is_reported_and_others_still_processed() {
    let s = Scratch::new();
    let good = s.file("good.txt", "The fund paid $2 million in 2019.\n");
    let d = factdeck([
        "extract".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        s.path("nope.txt").as_os_str(),
        good.as_os_str(),
    ])
    .fails();
    assert!(d.stderr.contains("nope.txt"), "{}", d.stderr);
    assert!(
        d.stdout.is_empty() || d.stdout.contains("good.txt"),
        "{}",
        d.stdout
    );
}

#[test]
fn directory_is_an_error_naming_it() {
    let s = Scratch::new();
    let d = factdeck(["extract".as_ref(), s.dir.path().as_os_str()]).fails();
    assert!(d.stderr.contains("is a directory"), "{}", d.stderr);
}

#[test]
fn empty_file_gives_no_facts_and_no_error() {
    let s = Scratch::new();
    let e = s.file("empty.txt", "");
    let d = factdeck([
        "extract".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        e.as_os_str(),
    ])
    .ok();
    assert_eq!(d.stdout, "");
}

#[test]
fn binary_file_is_skipped_with_a_message() {
    let s = Scratch::new();
    let b = s.file("img.png", [0x89u8, b'P', b'N', b'G', 0, 0, 1, 2]);
    let d = factdeck(["extract".as_ref(), b.as_os_str()]).ok();
    assert!(d.stderr.contains("binary"), "{}", d.stderr);
}

#[test]
fn invalid_utf8_warns_with_byte_offset() {
    let s = Scratch::new();
    let f = s.file("bad.txt", b"Hello \xff world.\n");
    let d = factdeck(["extract".as_ref(), f.as_os_str()]).ok();
    assert!(d.stderr.contains("byte 6"), "{}", d.stderr);
}
