//! The binary: start-up failures end with one clear line and a non-zero exit; a good start serves.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_portal-mock-api");

fn run(args: &[&str]) -> (i32, String) {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .args(args)
        .env("PORTAL_DATA_DIR", data.path())
        .env_remove("PORTAL_ADDR")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn assert_one_line(stderr: &str) {
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_bad_flag_is_one_line_and_exit_2() {
    let (code, stderr) = run(&["--port", "3000"]);
    assert_eq!(code, 2);
    assert_one_line(&stderr);
    assert!(stderr.contains("--port"), "{stderr}");
    let (code, stderr) = run(&["--addr", "not-an-address"]);
    assert_eq!(code, 2);
    assert_one_line(&stderr);
}

#[test]
fn a_busy_port_is_one_line_and_non_zero() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let (code, stderr) = run(&["--addr", &addr]);
    assert_ne!(code, 0);
    assert_one_line(&stderr);
    assert!(
        stderr.contains(&addr) && stderr.contains("占用"),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_catalog_is_one_line_and_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.json"), "{ not json").unwrap();
    let (code, stderr) = run(&[
        "--addr",
        "127.0.0.1:0",
        "--catalog-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert_one_line(&stderr);
    assert!(stderr.contains("bad.json"), "{stderr}");
}

#[test]
fn a_dist_without_index_html_is_refused() {
    let dist = tempfile::tempdir().unwrap();
    let (code, stderr) = run(&[
        "--addr",
        "127.0.0.1:0",
        "--dist",
        dist.path().to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert_one_line(&stderr);
    assert!(stderr.contains("index.html"), "{stderr}");
}

#[test]
fn a_good_start_announces_its_address_and_serves() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["--addr", &format!("127.0.0.1:{port}"), "--synthetic", "5"])
        .env("PORTAL_DATA_DIR", data.path().join("nested"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains(&format!("http://127.0.0.1:{port}")), "{line}");
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    use std::io::{Read, Write};
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"status\":\"ok\""), "{response}");
    assert!(
        data.path().join("nested").is_dir(),
        "the data directory is created"
    );
}

#[test]
fn check_store_reports_a_sound_store_and_refuses_a_missing_or_damaged_one() {
    let data = tempfile::tempdir().unwrap();
    let check = || {
        Command::new(BIN)
            .args(["--check-store", "--data-dir", data.path().to_str().unwrap()])
            .output()
            .unwrap()
    };
    // No store yet: a clear refusal, not a new empty database.
    let missing = check();
    assert_eq!(missing.status.code(), Some(1));
    assert_one_line(&String::from_utf8(missing.stderr).unwrap());
    assert!(!data.path().join("portal.sqlite3").exists());

    drop(portal_mock_api::SqliteStore::open(data.path()).unwrap());
    let sound = check();
    assert_eq!(sound.status.code(), Some(0));
    let stdout = String::from_utf8(sound.stdout).unwrap();
    assert!(stdout.contains("integrity_check ok"), "{stdout}");

    // A file that is not a database at all.
    std::fs::write(
        data.path().join("portal.sqlite3"),
        b"not a database, just text",
    )
    .unwrap();
    let _ = std::fs::remove_file(data.path().join("portal.sqlite3-wal"));
    let _ = std::fs::remove_file(data.path().join("portal.sqlite3-shm"));
    let damaged = check();
    assert_eq!(damaged.status.code(), Some(1));
    let stderr = String::from_utf8(damaged.stderr).unwrap();
    assert_one_line(&stderr);
}
