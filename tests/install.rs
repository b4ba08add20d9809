//! `scripts/install.sh` installs the release binary for this machine after checking its SHA-256,
//! and installs nothing when the download does not match the release's checksums. The "release"
//! is a folder made here from the binary under test, reached through `WDHS_DOWNLOAD_URL`.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::path::Path;
use std::process::Command;

const NAME: &str = "wdhs-x86_64-unknown-linux-musl";

/// A release folder holding `<NAME>.tar.gz` (with the wdhs under test inside) and SHA256SUMS.
fn release(folder: &Path) {
    let staged = folder.join(NAME);
    std::fs::create_dir_all(&staged).expect("mkdir");
    std::fs::copy(env!("CARGO_BIN_EXE_wdhs"), staged.join("wdhs")).expect("copy");
    let ok = Command::new("tar")
        .args(["-czf", &format!("{NAME}.tar.gz"), NAME])
        .current_dir(folder)
        .status()
        .expect("tar");
    assert!(ok.success());
    let sums = Command::new("sha256sum")
        .arg(format!("{NAME}.tar.gz"))
        .current_dir(folder)
        .output()
        .expect("sha256sum");
    std::fs::write(folder.join("SHA256SUMS"), sums.stdout).expect("write");
}

fn install(folder: &Path, into: &Path) -> std::process::Output {
    Command::new("sh")
        .arg(common::repo_root().join("scripts/install.sh"))
        .env("WDHS_DOWNLOAD_URL", format!("file://{}", folder.display()))
        .env("WDHS_INSTALL_DIR", into)
        .output()
        .expect("run install.sh")
}

#[test]
fn install_sh_puts_a_checked_binary_on_the_path() {
    let folder = tempfile::tempdir().expect("temp");
    let into = tempfile::tempdir().expect("temp");
    release(folder.path());
    let output = install(folder.path(), &into.path().join("bin"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("Installed: wdhs "), "{stdout}");
    let installed = Command::new(into.path().join("bin/wdhs"))
        .arg("--version")
        .output()
        .expect("run the installed wdhs");
    let version = String::from_utf8_lossy(&installed.stdout);
    assert!(
        version.starts_with("wdhs ") && version.contains("(commit "),
        "{version}"
    );
}

#[test]
fn install_sh_refuses_a_download_that_does_not_match_its_checksum() {
    let folder = tempfile::tempdir().expect("temp");
    let into = tempfile::tempdir().expect("temp");
    release(folder.path());
    let sums = std::fs::read_to_string(folder.path().join("SHA256SUMS")).expect("read");
    std::fs::write(
        folder.path().join("SHA256SUMS"),
        format!("{}{}", "0".repeat(64), &sums[64..]),
    )
    .expect("write");
    let output = install(folder.path(), &into.path().join("bin"));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nothing was installed"), "{stderr}");
    assert!(!into.path().join("bin/wdhs").exists());
}
