//! Every version of Fight for the Future's petitions (../shared/corpus/fftf, 346 files): 345
//! load, and the one with genuinely broken YAML fails at its true line.

use std::path::PathBuf;

use placard_petition::{Pack, Renderer};

/// `PLACARD_CORPUS`, else `../shared/corpus/fftf` beside the repository. Absent corpus: the test
/// fails and says so, unless `PLACARD_ALLOW_NO_CORPUS=1`, when it says so loudly and skips.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("PLACARD_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/fftf"),
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "THE FFTF CORPUS IS ABSENT: {} does not exist. Put the shared folder beside the \
         repository or set PLACARD_CORPUS=DIR.",
        dir.display()
    );
    if std::env::var_os("PLACARD_ALLOW_NO_CORPUS").is_some() {
        eprintln!("\n!!! SKIPPED: {msg}\n");
        return None;
    }
    panic!("{msg} (PLACARD_ALLOW_NO_CORPUS=1 skips this test)");
}

#[test]
fn whole_corpus_loads_but_the_one_broken_file() {
    let Some(dir) = corpus() else { return };
    let pack = Pack::load(&dir, &Renderer::default()).expect("corpus folder readable");
    assert_eq!(pack.report().len(), 346);
    let failures: Vec<_> = pack.failures().collect();
    assert_eq!(failures.len(), 1, "{failures:#?}");
    let f = failures[0];
    assert!(
        f.path
            .ends_with("history/2016-07-29_c70a7fba_save-chelsea.md"),
        "{}",
        f.path.display()
    );
    // `petition_copy: >|` sits on line 48; `>|` is not a block scalar header.
    assert_eq!((f.line, f.column), (48, 17), "{f}");
    assert_eq!(pack.report().len() - failures.len(), 345);
}

#[test]
fn corpus_images_resolve_to_the_packs_own_files() {
    let Some(dir) = corpus() else { return };
    let pack = Pack::load(&dir, &Renderer::default()).expect("corpus folder readable");
    // A file name with a space and parentheses, referenced through {{site.baseurl}}.
    let chelsea = pack
        .get("save-chelsea")
        .expect("current/2016/save-chelsea.md");
    let html = &chelsea.original.body_html;
    assert!(
        html.contains(r#"src="pack://localhost/img/action-network/chelsea%20%281%29.png""#),
        "{html}"
    );
    assert!(
        pack.asset("img/action-network/chelsea%20%281%29.png")
            .is_ok()
    );
    // Liquid: readmore and snapshot became a collapsible section and a figure.
    let malaysia = pack
        .get("2016-02-09_060edd66_malaysia")
        .expect("history file");
    let html = &malaysia.original.body_html;
    assert!(
        html.contains(r#"<details class="placard-readmore"><summary>Expand text</summary>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<figure class="placard-snapshot">"#),
        "{html}"
    );
    // No Liquid survives anywhere in the corpus.
    for entry in pack.petitions() {
        let html = &entry.original.body_html;
        assert!(
            !html.contains("{%") && !html.contains("{{"),
            "{}: {html}",
            entry.id()
        );
    }
}
