//! The `placard` command line as scripts and organisers use it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn placard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_placard"))
        .args(args)
        .output()
        .expect("placard runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write fixture");
}

#[test]
fn check_prints_one_line_per_file_and_a_total() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a/ok.md",
        "---\nheadline: Fine\nmascot: owl\n---\nBody",
    );
    write(
        dir.path(),
        "b/bad.md",
        "---\nheadline: Bad\nopt_in: maybe\n---\n",
    );
    let out = placard(&["petitions", "check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let root = dir.path().display();
    assert_eq!(lines[0], format!("ok {root}/a/ok.md: Fine"));
    assert_eq!(
        lines[1],
        "  warning: unknown key `mascot` kept but not used"
    );
    assert!(
        lines[2].starts_with(&format!(
            "error {root}/b/bad.md:3:9: invalid front matter: `opt_in`"
        )),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "1 loaded, 1 failed, 0 skipped");
    assert_eq!(lines.len(), 4);
}

#[test]
fn check_exits_zero_when_everything_loads() {
    let out = placard(&[
        "petitions",
        "check",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../packs/demo"),
    ]);
    assert!(out.status.success(), "{}", stdout(&out));
    // The pack's privacy notices are not pages: told as what they are.
    assert!(stdout(&out).contains("privacy.md: the pack's privacy notice (sha256 "));
    assert!(stdout(&out).ends_with("3 loaded, 0 failed, 2 skipped\n"));
}

#[test]
fn check_on_a_missing_folder_is_a_clear_error() {
    let out = placard(&["petitions", "check", "/nonexistent/pack"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot open the petition pack /nonexistent/pack"),
        "{err}"
    );
}

#[test]
fn render_prints_sanitised_html_and_warnings_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "img/a b.png", "PNG");
    write(
        dir.path(),
        "p/x.md",
        "---\ntitle: X\n---\nHi ![pic]({{site.baseurl}}/img/a b.png) <script>alert(1)</script> ![gone](/img/none.png)",
    );
    write(dir.path(), "p/x.sw.md", "---\ntitle: X sw\n---\nHabari");
    let file = dir.path().join("p/x.md");
    let out = placard(&["petitions", "render", file.to_str().unwrap()]);
    assert!(out.status.success());
    let html = stdout(&out);
    assert!(
        html.contains(r#"<img src="pack://localhost/img/a%20b.png" alt="pic">"#),
        "{html}"
    );
    assert!(
        !html.contains("script") && !html.contains("alert"),
        "{html}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: image `/img/none.png` not found"),
        "{err}"
    );
    let out = placard(&[
        "petitions",
        "render",
        file.to_str().unwrap(),
        "--lang",
        "sw",
    ]);
    assert_eq!(stdout(&out).trim(), "<p>Habari</p>");
    let out = placard(&[
        "petitions",
        "render",
        file.to_str().unwrap(),
        "--lang",
        "de",
    ]);
    assert!(stdout(&out).contains("Hi "));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no `de` translation"));
}

#[test]
fn check_over_the_fftf_corpus() {
    let corpus = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/fftf"
    ));
    if !corpus.is_dir() {
        assert!(
            std::env::var_os("PLACARD_ALLOW_NO_CORPUS").is_some(),
            "THE FFTF CORPUS IS ABSENT at {} (PLACARD_ALLOW_NO_CORPUS=1 skips this test)",
            corpus.display()
        );
        eprintln!(
            "\n!!! SKIPPED: the FFTF corpus is absent at {}\n",
            corpus.display()
        );
        return;
    }
    let out = placard(&["petitions", "check", corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().last(), Some("345 loaded, 1 failed, 0 skipped"));
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error ")).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("history/2016-07-29_c70a7fba_save-chelsea.md:48:17: "),
        "{}",
        errors[0]
    );
    assert_eq!(text.lines().filter(|l| l.starts_with("ok ")).count(), 345);
}
