//! The vault's promises, end to end on real files.
#![allow(clippy::unwrap_used)] // a test helper that fails should panic

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use age::secrecy::SecretString;
use placard_vault::{OrganiserKey, Requirement, SignRules, SignerInput, Vault, VaultError};

const PASSPHRASE: &str = "correct horse battery staple";

/// One organiser key for the whole file: making one costs a second of scrypt on purpose.
fn key() -> &'static (tempfile::TempDir, PathBuf, String) {
    static KEY: OnceLock<(tempfile::TempDir, PathBuf, String)> = OnceLock::new();
    KEY.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("organiser.age");
        let key = OrganiserKey::generate();
        key.write_encrypted(&path, &SecretString::from(PASSPHRASE))
            .unwrap();
        let recipient = key.recipient();
        (dir, path, recipient)
    })
}

fn unlocked() -> OrganiserKey {
    OrganiserKey::unlock(&key().1, &SecretString::from(PASSPHRASE)).unwrap()
}

fn rules(petition: &str) -> SignRules {
    SignRules {
        petition_id: petition.into(),
        family_name_required: false,
        postal_code_required: false,
        street_address: Requirement::Optional,
        city: Requirement::Optional,
        comments: true,
        signature_pad: false,
        forced_opt_in: false,
        default_country: Some("US".into()),
        extra_fields: vec![],
        consent_required: false,
        notice: None,
    }
}

fn signer(given: &str, email: &str) -> SignerInput {
    let mut s = SignerInput::default();
    s.given_name = given.into();
    s.family_name = "Lovelace".into();
    s.email = email.into();
    s.postal_code = "02139".into();
    s.comment = "Encryption protects everyone.".into();
    s.subscribe = Some(true);
    s
}

fn new_vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::init(dir.path(), &key().2).unwrap();
    (dir, vault)
}

/// Every byte of every file under `dir`.
fn all_bytes(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(all_bytes(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn signed_records_open_with_the_organiser_key_and_match_what_was_signed() {
    let (_dir, mut vault) = new_vault();
    let a = vault
        .sign(&rules("save-x"), signer("Ada", "ada@example.org"))
        .unwrap();
    let b = vault
        .sign(&rules("save-y"), signer("Grace", "grace@example.org"))
        .unwrap();
    let records: Vec<_> = vault
        .open_records(&unlocked())
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].record_id, a);
    assert_eq!(records[1].record_id, b);
    assert_eq!(
        (
            records[0].given_name.as_str(),
            records[0].email.as_str(),
            records[0].petition_id.as_str()
        ),
        ("Ada", "ada@example.org", "save-x")
    );
    assert_eq!(
        records[0].country, "US",
        "the petition's target country fills an empty country"
    );
    assert!(records[0].subscribe);
    assert_eq!(records[0].device_id, vault.device_id());
    assert_eq!(
        a.get_version_num(),
        4,
        "record ids are random: no time in them"
    );
    let report = vault.verify(Some(&unlocked())).unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert_eq!((report.rows, report.opened), (2, 2));
}

#[test]
fn counts_need_no_key() {
    let (_dir, mut vault) = new_vault();
    for i in 0..3 {
        vault
            .sign(
                &rules("save-x"),
                signer("Ada", &format!("ada{i}@example.org")),
            )
            .unwrap();
    }
    vault
        .sign(&rules("save-y"), signer("Grace", "grace@example.org"))
        .unwrap();
    let stats = vault.stats().unwrap();
    assert_eq!((stats.total, stats.pending, stats.sent), (4, 4, 0));
    assert_eq!(stats.by_petition.len(), 2);
    assert_eq!(
        (
            stats.by_petition[0].petition_id.as_str(),
            stats.by_petition[0].pending
        ),
        ("save-x", 3)
    );
    assert_eq!(stats.by_hour.iter().map(|h| h.count).sum::<u64>(), 4);
    assert_eq!(stats.by_hour[0].hour.len(), "2026-11-22T16".len());
    assert_eq!(vault.count("save-x").unwrap(), 3);
}

#[test]
fn no_plaintext_at_rest_in_any_file_of_the_vault() {
    let (dir, mut vault) = new_vault();
    let marks = [
        "Zephyrine-Quillfeather",
        "zq.8841@distinctive.example",
        "Vexholm-Oakridge",
        "Unmistakable comment 7731",
    ];
    for i in 0..20 {
        let mut s = signer(marks[0], marks[1]);
        s.family_name = format!("{}-{i}", marks[2]);
        s.comment = marks[3].into();
        vault.sign(&rules("save-x"), s).unwrap();
    }
    // While open (WAL and shared-memory files present) and after closing.
    let check = |when: &str, at_least: usize| {
        let files = all_bytes(dir.path());
        assert!(
            files.len() >= at_least,
            "{when}: expected {at_least} files, got {}",
            files.len()
        );
        for (path, bytes) in files {
            for m in marks {
                assert!(
                    !contains(&bytes, m.as_bytes()),
                    "{when}: `{m}` found in {}",
                    path.display()
                );
            }
        }
    };
    check("open", 4); // db, -wal, -shm, device key
    drop(vault);
    check("closed", 2); // the WAL was checkpointed into the db and removed
    // And it really is all there, sealed.
    let vault = Vault::open(dir.path()).unwrap();
    let records = vault.open_records(&unlocked()).unwrap();
    assert_eq!(records.len(), 20);
    assert!(
        records
            .iter()
            .all(|r| r.as_ref().unwrap().given_name == marks[0])
    );
}

#[test]
fn rejected_input_stores_nothing() {
    let (_dir, mut vault) = new_vault();
    vault
        .sign(&rules("save-x"), signer("Ada", "ada@example.org"))
        .unwrap();
    let err = vault
        .sign(&rules("save-x"), signer("Ada", "not an email"))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(err.fields()[0].field, "email");
    assert_eq!(err.fields()[0].code.as_str(), "invalid_email");
    assert_eq!(vault.stats().unwrap().total, 1);
}

#[test]
fn disk_full_is_a_clear_error_and_loses_nothing() {
    let (_dir, mut vault) = new_vault();
    let mut saved = Vec::new();
    for i in 0..5 {
        saved.push(
            vault
                .sign(
                    &rules("save-x"),
                    signer("Ada", &format!("a{i}@example.org")),
                )
                .unwrap(),
        );
    }
    let used: u32 = vault
        .connection_for_tests()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    vault.limit_pages(used + 1).unwrap();
    let mut full = None;
    for i in 0..500 {
        let mut s = signer("Ada", &format!("b{i}@example.org"));
        s.comment = "x".repeat(4000);
        match vault.sign(&rules("save-x"), s) {
            Ok(id) => saved.push(id),
            Err(e) => {
                full = Some(e);
                break;
            }
        }
    }
    let err = full.expect("the capped vault filled up");
    assert!(matches!(err, VaultError::StorageFull), "{err:?}");
    assert_eq!(err.code(), "storage_full");
    // Still usable, intact, and every signature that returned an id is there.
    let report = vault.verify(Some(&unlocked())).unwrap();
    assert!(report.is_ok(), "{report:?}");
    let opened: Vec<_> = vault
        .open_records(&unlocked())
        .unwrap()
        .into_iter()
        .map(|r| r.unwrap().record_id)
        .collect();
    assert_eq!(opened, saved);
    // Room again: signing works again.
    vault.limit_pages(1_000_000).unwrap();
    vault
        .sign(&rules("save-x"), signer("Ada", "after@example.org"))
        .unwrap();
}

#[test]
fn tampering_is_reported_for_that_row_and_the_others_still_open() {
    let (_dir, mut vault) = new_vault();
    let ids: Vec<String> = (0..4)
        .map(|i| {
            vault
                .sign(
                    &rules(&format!("p{i}")),
                    signer("Ada", &format!("a{i}@example.org")),
                )
                .unwrap()
                .to_string()
        })
        .collect();
    let conn = vault.connection_for_tests();
    // Flip one byte in the middle of row 0's sealed payload.
    let mut sealed: Vec<u8> = conn
        .query_row(
            "SELECT sealed FROM signatures WHERE id = ?1",
            [&ids[0]],
            |r| r.get(0),
        )
        .unwrap();
    let mid = sealed.len() - 20;
    sealed[mid] ^= 0x01;
    conn.execute(
        "UPDATE signatures SET sealed = ?1 WHERE id = ?2",
        rusqlite::params![sealed, ids[0]],
    )
    .unwrap();
    // Swap the clear petition of rows 1 and 2.
    let dup_check = conn
        .query_row("SELECT COUNT(*) FROM signatures", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    assert_eq!(dup_check, 4);
    conn.execute(
        "UPDATE signatures SET petition_id = 'p2' WHERE id = ?1",
        [&ids[1]],
    )
    .unwrap();
    conn.execute(
        "UPDATE signatures SET petition_id = 'p1' WHERE id = ?1",
        [&ids[2]],
    )
    .unwrap();

    let report = vault.verify(Some(&unlocked())).unwrap();
    assert_eq!(report.integrity, ["ok"]);
    let mut bad: Vec<(&str, &str)> = report
        .problems
        .iter()
        .map(|p| (p.id.as_str(), p.problem.as_str()))
        .collect();
    bad.sort();
    let mut want = vec![
        (
            ids[0].as_str(),
            "cannot be opened: damaged, or not sealed to this key",
        ),
        (
            ids[1].as_str(),
            "tampered: the stored petition does not match the sealed record",
        ),
        (
            ids[2].as_str(),
            "tampered: the stored petition does not match the sealed record",
        ),
    ];
    want.sort();
    assert_eq!(bad, want);
    assert_eq!(report.opened, 1, "row 3 still opens");
    let ok: Vec<_> = vault
        .open_records(&unlocked())
        .unwrap()
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].record_id.to_string(), ids[3]);
}

#[test]
fn a_duplicated_record_id_is_reported() {
    let (_dir, mut vault) = new_vault();
    let id = vault
        .sign(&rules("p"), signer("Ada", "ada@example.org"))
        .unwrap()
        .to_string();
    vault
        .connection_for_tests()
        .execute(
            "INSERT INTO signatures (id, petition_id, captured_at, sealed)
             SELECT id, petition_id, captured_at, sealed FROM signatures WHERE id = ?1",
            [&id],
        )
        .unwrap();
    // Marked sent, so that only the duplicate is reported (not "neither sent nor queued").
    vault
        .connection_for_tests()
        .execute(
            "INSERT INTO sent SELECT MAX(rowid), id, 'x', 'b' FROM signatures WHERE id = ?1",
            [&id],
        )
        .unwrap();
    let report = vault.verify(None).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.id == id && p.problem.contains("more than once")),
        "{report:?}"
    );
}

#[test]
fn wrong_passphrase_is_clear_and_writes_nothing() {
    let (dir, path, _) = key();
    let before = all_bytes(dir.path());
    let err = OrganiserKey::unlock(path, &SecretString::from("wrong horse")).unwrap_err();
    assert!(matches!(err, VaultError::WrongPassphrase), "{err:?}");
    assert_eq!(err.code(), "wrong_passphrase");
    assert_eq!(all_bytes(dir.path()), before);
}

#[test]
fn keys_are_never_overwritten_and_are_private() {
    let (_, path, _) = key();
    let err = OrganiserKey::generate()
        .write_encrypted(path, &SecretString::from("x"))
        .unwrap_err();
    assert_eq!(err.code(), "key_exists");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            std::fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let (dir, _vault) = new_vault();
        let mode = std::fs::metadata(dir.path().join(placard_vault::DEVICE_KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_vault_is_not_initialised_twice_and_bad_recipients_are_refused() {
    let (dir, _vault) = new_vault();
    assert_eq!(
        Vault::init(dir.path(), &key().2).unwrap_err().code(),
        "already_a_vault"
    );
    let other = tempfile::tempdir().unwrap();
    assert_eq!(
        Vault::init(other.path(), "age1notarecipient")
            .unwrap_err()
            .code(),
        "bad_recipient"
    );
    assert_eq!(Vault::open(other.path()).unwrap_err().code(), "not_a_vault");
}

#[test]
fn the_synchronous_mode_is_full_and_the_journal_is_wal() {
    let (_dir, vault) = new_vault();
    let conn = vault.connection_for_tests();
    let sync: i64 = conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!((sync, journal.as_str()), (2, "wal"), "2 = FULL");
}

#[test]
fn the_event_and_the_drawing_are_sealed_into_the_record() {
    let (_dir, mut vault) = new_vault();
    let mut with_pad = rules("pad");
    with_pad.signature_pad = true;
    vault.set_event(placard_vault::Event {
        name: "Rally at the Capitol".into(),
        tags: vec!["dc-rally".into(), "2026".into()],
        source: String::new(),
    });
    let mut s = signer("Ada", "ada@example.org");
    s.signature = "M10 10L20 25.5 30 12".into();
    vault.sign(&with_pad, s).unwrap();

    // A drawing that is not moves and lines is refused, and nothing is stored.
    let mut s = signer("Eve", "eve@example.org");
    s.signature = "M0 0C1 1 2 2 3 3".into();
    match vault.sign(&with_pad, s) {
        Err(VaultError::InvalidInput(fields)) => {
            assert_eq!(fields[0].field, "signature");
            assert_eq!(fields[0].code.as_str(), "invalid_signature");
        }
        other => panic!("expected invalid_signature, got {other:?}"),
    }
    // A petition without a pad refuses a drawing.
    let mut s = signer("Bob", "bob@example.org");
    s.signature = "M1 1L2 2".into();
    assert!(vault.sign(&rules("plain"), s).is_err());

    vault.set_event(placard_vault::Event::default());
    vault
        .sign(&rules("plain"), signer("Cy", "cy@example.org"))
        .unwrap();

    let records: Vec<_> = vault
        .open_records(&unlocked())
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].signature, "M10 10L20 25.5 30 12");
    assert_eq!(records[0].event.name, "Rally at the Capitol");
    assert_eq!(records[0].event.tags, ["dc-rally", "2026"]);
    assert!(records[1].event.is_empty() && records[1].signature.is_empty());
}

/// A paper sheet typed in (clipboard mode) is validated as the form is, and its record says
/// where it came from: the event's name and tags stay, the source is `paper`; the kiosk's own
/// signatures before and after keep the event's source.
#[test]
fn a_paper_entry_is_validated_and_sealed_with_the_paper_source() {
    let (_dir, mut vault) = new_vault();
    vault.set_event(placard_vault::Event {
        name: "Rally".into(),
        tags: vec!["dc".into()],
        source: "rally-2026".into(),
    });
    vault
        .sign(&rules("p"), signer("Ada", "ada@example.org"))
        .unwrap();
    match vault.sign_paper(&rules("p"), signer("Eve", "not-an-email")) {
        Err(VaultError::InvalidInput(fields)) => assert_eq!(fields[0].field, "email"),
        other => panic!("expected invalid_input, got {other:?}"),
    }
    let mut unticked = signer("Bo", "bo@example.org");
    unticked.subscribe = Some(false);
    vault.sign_paper(&rules("p"), unticked).unwrap();
    vault
        .sign(&rules("p"), signer("Cy", "cy@example.org"))
        .unwrap();

    let records: Vec<_> = vault
        .open_records(&unlocked())
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let by = |name: &str| records.iter().find(|r| r.given_name == name).unwrap();
    assert_eq!(records.len(), 3, "the refused entry stored nothing");
    assert_eq!(by("Bo").event.source, placard_vault::PAPER_SOURCE);
    assert_eq!(by("Bo").event.name, "Rally");
    assert_eq!(by("Bo").event.tags, ["dc"]);
    assert!(!by("Bo").subscribe);
    assert_eq!(by("Ada").event.source, "rally-2026");
    assert_eq!(by("Cy").event.source, "rally-2026", "paper does not stick");
}

/// A petition asking for consent cannot be signed without the box; the record carries its
/// receipt (the notice's hash and language, the boxes, the time) inside the seal, and the
/// plaintext exports carry it too.
#[test]
fn consent_is_required_when_asked_and_its_receipt_is_sealed_with_the_record() {
    let (_dir, mut vault) = new_vault();
    let mut asks = rules("asks");
    asks.consent_required = true;
    asks.notice = Some(placard_vault::NoticeShown {
        sha256: "ab".repeat(32),
        lang: Some("sw".into()),
    });
    for consent in [None, Some(false)] {
        let mut s = signer("Eve", "eve@example.org");
        s.consent = consent;
        match vault.sign(&asks, s) {
            Err(VaultError::InvalidInput(fields)) => {
                assert_eq!(fields.len(), 1);
                assert_eq!(fields[0].field, "consent");
                assert_eq!(fields[0].code.as_str(), "consent_missing");
            }
            other => panic!("expected consent_missing, got {other:?}"),
        }
    }
    assert_eq!(vault.stats().unwrap().total, 0, "nothing stored");
    let mut s = signer("Ada", "ada@example.org");
    s.consent = Some(true);
    s.subscribe = Some(false);
    vault.sign(&asks, s).unwrap();
    // A petition with neither notice nor box still records the updates box as it was.
    let mut s = signer("Cy", "cy@example.org");
    s.subscribe = Some(true);
    vault.sign(&rules("plain"), s).unwrap();

    let records: Vec<_> = vault
        .open_records(&unlocked())
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let ada = &records[0].consent;
    assert_eq!(ada.notice_sha256.as_deref(), Some("ab".repeat(32).as_str()));
    assert_eq!(ada.notice_lang.as_deref(), Some("sw"));
    assert_eq!(
        (ada.consent_box, ada.updates_box),
        (Some(true), Some(false))
    );
    assert_eq!(ada.at, records[0].captured_at);
    let cy = &records[1].consent;
    assert_eq!(cy.notice_sha256, None);
    assert_eq!((cy.consent_box, cy.updates_box), (None, Some(true)));

    let mut csv = Vec::new();
    placard_vault::write_csv(&vault, &unlocked(), &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with(",privacy_notice_sha256,privacy_notice_lang,consent_box,updates_box")
    );
    assert!(
        lines[1].ends_with(&format!(",{},sw,true,false", "ab".repeat(32))),
        "{}",
        lines[1]
    );
    assert!(lines[2].ends_with(",,,,true"), "{}", lines[2]);
    let mut jsonl = Vec::new();
    placard_vault::write_jsonl(&vault, &unlocked(), &mut jsonl).unwrap();
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(jsonl).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["consent"]["consent_box"], true);
    assert_eq!(first["consent"]["notice_lang"], "sw");
}

#[test]
fn batches_are_reused_until_acknowledged_and_acks_mark_records_sent() {
    let (_dir, mut vault) = new_vault();
    let ids: Vec<String> = (0..5)
        .map(|i| {
            vault
                .sign(&rules("p"), signer("Ada", &format!("a{i}@example.org")))
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(vault.pending().unwrap(), 5);

    // A batch of two, oldest first; asking again before an ack returns the same batch.
    let first = vault.next_batch(2, 1 << 20).unwrap().unwrap();
    let first_ids: Vec<&str> = first.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(first_ids, [ids[0].as_str(), ids[1].as_str()]);
    let again = vault.next_batch(2, 1 << 20).unwrap().unwrap();
    assert_eq!(again, first, "a retry must carry the same id and rows");

    // The ack names one of them (and a record of no batch, which it cannot acknowledge): the
    // one is sent, the other goes back to the queue.
    let done = vault
        .acknowledge(first.batch_id, &[ids[0].clone(), ids[3].clone()])
        .unwrap();
    assert_eq!((done.sent, done.requeued), (1, 1));
    assert_eq!(vault.pending().unwrap(), 4);
    // A repeated or foreign ack changes nothing.
    let done = vault
        .acknowledge(first.batch_id, &[ids[0].clone()])
        .unwrap();
    assert_eq!((done.sent, done.requeued), (0, 0));

    // The next batch has a new id and starts with the requeued record; the byte cap keeps it
    // to whole records (at least one).
    let one = first.rows[0].sealed.len();
    let second = vault.next_batch(10, one + one / 2).unwrap().unwrap();
    assert_ne!(second.batch_id, first.batch_id);
    assert_eq!(second.rows.len(), 1);
    assert_eq!(second.rows[0].id, ids[1]);
    let tiny = vault.next_batch(10, 1).unwrap().unwrap();
    assert_eq!(tiny, second, "still the unacknowledged batch");
    vault
        .acknowledge(second.batch_id, &[ids[1].clone()])
        .unwrap();

    let rest = vault.next_batch(100, 1 << 20).unwrap().unwrap();
    assert_eq!(rest.rows.len(), 3);
    let rest_ids: Vec<String> = rest.rows.iter().map(|r| r.id.clone()).collect();
    vault.acknowledge(rest.batch_id, &rest_ids).unwrap();
    assert_eq!(vault.pending().unwrap(), 0);
    assert!(vault.next_batch(100, 1 << 20).unwrap().is_none());

    let stats = vault.stats().unwrap();
    assert_eq!((stats.total, stats.pending, stats.sent), (5, 0, 5));
    // Sent records are consistent: none is both sent and waiting, none neither.
    let report = vault.verify(Some(&unlocked())).unwrap();
    assert!(report.is_ok(), "{report:?}");
}

#[test]
fn a_batch_survives_reopening_the_vault() {
    let (dir, mut vault) = new_vault();
    for i in 0..3 {
        vault
            .sign(&rules("p"), signer("Ada", &format!("r{i}@example.org")))
            .unwrap();
    }
    let batch = vault.next_batch(10, 1 << 20).unwrap().unwrap();
    drop(vault);
    // A crash or restart between the upload and its ack: the same batch goes again.
    let mut vault = Vault::open(dir.path()).unwrap();
    assert_eq!(vault.next_batch(10, 1 << 20).unwrap().unwrap(), batch);
}

/// A vault from before "sent" had a table of its own (schema 5 stamped `sent_at` and `batch_id`
/// on the signature row): once opened, what the collector acknowledged is still sent, the rest
/// still waits, nothing reads as lost, and a purge still finds the confirmed ones.
#[test]
fn a_vault_that_stamped_sent_on_the_signature_keeps_what_was_sent() {
    let (dir, mut vault) = new_vault();
    for i in 0..3 {
        vault
            .sign(&rules("p"), signer("Ada", &format!("s{i}@example.org")))
            .unwrap();
    }
    let batch = vault.next_batch(2, 1 << 20).unwrap().unwrap();
    let ids: Vec<String> = batch.rows.iter().map(|r| r.id.clone()).collect();
    assert_eq!(vault.acknowledge(batch.batch_id, &ids).unwrap().sent, 2);
    // Back to schema 5, as an older Placard left it.
    vault
        .connection_for_tests()
        .execute_batch(
            "ALTER TABLE signatures ADD COLUMN sent_at TEXT;
             ALTER TABLE signatures ADD COLUMN batch_id TEXT;
             UPDATE signatures SET
                 sent_at = (SELECT sent_at FROM sent WHERE signature_rowid = signatures.rowid),
                 batch_id = (SELECT batch_id FROM sent WHERE signature_rowid = signatures.rowid);
             DROP TABLE sent;
             PRAGMA user_version = 5;",
        )
        .unwrap();
    drop(vault);

    let mut vault = Vault::open(dir.path()).unwrap();
    let stats = vault.stats().unwrap();
    assert_eq!((stats.sent, stats.pending), (2, 1));
    let report = vault.verify(None).unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    let columns: Vec<String> = vault
        .connection_for_tests()
        .prepare("SELECT name FROM pragma_table_info('signatures')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!columns.iter().any(|c| c == "sent_at"), "{columns:?}");
    // Confirmed a moment ago: a purge of everything confirmed until now takes exactly those.
    let later = chrono::Utc::now() + chrono::Duration::seconds(1);
    assert_eq!(vault.purge_confirmed(later).unwrap(), 2);
    assert_eq!(
        vault.next_batch(10, 1 << 20).unwrap().unwrap().rows.len(),
        1
    );
}

#[test]
fn a_vault_from_a_newer_placard_is_refused_in_words_and_left_as_it_is() {
    let (dir, vault) = new_vault();
    vault
        .connection_for_tests()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    drop(vault);
    let Err(err) = Vault::open(dir.path()) else {
        panic!("a newer vault was opened");
    };
    assert_eq!(err.code(), "storage_error");
    assert!(
        err.to_string().contains("newer version of Placard"),
        "{err}"
    );
    // Nothing was changed: the version is still the newer one.
    let conn = rusqlite::Connection::open(dir.path().join("vault.sqlite3")).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 999);
}

#[test]
fn the_pending_tally_follows_new_signatures_and_acknowledgements() {
    let (dir, mut vault) = new_vault();
    let sign = |vault: &mut Vault, who: &str| {
        vault
            .sign(&rules("p"), signer("Ada", &format!("{who}@example.org")))
            .unwrap()
            .to_string()
    };
    for i in 0..4 {
        sign(&mut vault, &format!("a{i}"));
    }
    let mut tally = vault.pending_tally().unwrap();
    assert_eq!(tally.pending(), 4);
    // Nothing new: the same count.
    assert_eq!(vault.refresh_tally(&mut tally).unwrap(), 4);

    // Two signed through another handle (the app's capture), one acknowledged here.
    let mut capture = Vault::open(dir.path()).unwrap();
    sign(&mut capture, "b0");
    sign(&mut capture, "b1");
    let batch = vault.next_batch(1, 1 << 20).unwrap().unwrap();
    vault
        .acknowledge_counted(batch.batch_id, &[batch.rows[0].id.clone()], &mut tally)
        .unwrap();
    assert_eq!(vault.refresh_tally(&mut tally).unwrap(), 5);
    assert_eq!(vault.pending().unwrap(), 5);

    // A batch put back in the queue (acknowledged with nothing) changes no count.
    let batch = vault.next_batch(3, 1 << 20).unwrap().unwrap();
    let done = vault
        .acknowledge_counted(batch.batch_id, &[], &mut tally)
        .unwrap();
    assert_eq!((done.sent, done.requeued), (0, 3));
    assert_eq!(vault.refresh_tally(&mut tally).unwrap(), 5);

    // A signature given after the last count, sent in the very next batch: counted before it
    // is taken off, so the tally never drops below what waits.
    let late = sign(&mut capture, "b2");
    let batch = vault.next_batch(10, 1 << 20).unwrap().unwrap();
    assert_eq!(batch.rows.last().unwrap().id, late);
    let done = vault
        .acknowledge_counted(batch.batch_id, &[late], &mut tally)
        .unwrap();
    assert_eq!((done.sent, done.requeued), (1, 5));
    assert_eq!(tally.pending(), 5);
    assert_eq!(vault.pending().unwrap(), 5);

    // Acknowledged through the other handle: this tally cannot see it; counting again can.
    let batch = capture.next_batch(10, 1 << 20).unwrap().unwrap();
    let ids: Vec<String> = batch.rows.iter().map(|r| r.id.clone()).collect();
    capture.acknowledge(batch.batch_id, &ids).unwrap();
    assert_eq!(vault.refresh_tally(&mut tally).unwrap(), 5);
    assert_eq!(vault.pending_tally().unwrap().pending(), 0);
    assert_eq!(vault.pending().unwrap(), 0);
}

/// What anyone holding the vault file sees without the key: the hour of each signature (not
/// its minute, as the record id and clear time told before) and a size bucket (not whether a
/// comment is inside or how long a name is: before, every input below had its own length).
#[test]
fn in_clear_a_signature_shows_its_hour_and_a_size_bucket_only() {
    let (_dir, mut vault) = new_vault();
    for i in 0..80usize {
        let mut s = signer(&"Å".repeat(1 + i % 40), &format!("a{i}@example.org"));
        s.comment = "x".repeat((i * 61) % 4_000);
        vault.sign(&rules("p"), s).unwrap();
    }
    let rows = vault.sealed_rows().unwrap();
    // An age file is a text header (its length varies with age's random "grease" stanza, which
    // says nothing of the contents), `--- MAC`, then the payload: a 16-byte nonce and the
    // plaintext with a 16-byte tag per 64 KiB chunk. The plaintext's length is the bucket.
    let payload = |sealed: &[u8]| {
        let mac = sealed.windows(5).position(|w| w == b"\n--- ").unwrap();
        let end = mac + 1 + sealed[mac + 1..].iter().position(|b| *b == b'\n').unwrap();
        sealed.len() - (end + 1) - 32
    };
    let lengths: std::collections::BTreeSet<usize> =
        rows.iter().map(|r| payload(&r.sealed)).collect();
    for len in &lengths {
        assert!(*len >= 1024 && len.is_power_of_two(), "{len}: {lengths:?}");
    }
    assert!(lengths.len() <= 4, "80 inputs, {} lengths", lengths.len());
    for row in &rows {
        assert!(row.captured_at.ends_with(":00:00Z"), "{}", row.captured_at);
        assert_eq!(uuid::Uuid::parse_str(&row.id).unwrap().get_version_num(), 4);
    }
    // Inside the seal, the exact time; and the padding opens as the same record.
    let key = unlocked();
    let records = vault.open_records(&key).unwrap();
    assert_eq!(records.len(), 80);
    let first = records[0].as_ref().unwrap();
    assert!(
        first.captured_at.len() > 20 && first.captured_at.starts_with(&rows[0].captured_at[..13])
    );
    assert_eq!(first.given_name, "Å");
    let report = vault.verify(Some(&key)).unwrap();
    assert!(report.is_ok(), "{report:?}");
}

/// A confirmed signature leaves the kiosk after the retention time and no byte of it stays in
/// any file of the vault's folder; an unconfirmed one is never purged; the counts stay.
#[test]
fn confirmed_signatures_are_purged_leaving_no_byte_and_the_counts_stay() {
    use chrono::{Duration, Utc};
    let (dir, mut vault) = new_vault();
    let ids: Vec<String> = (0..6)
        .map(|i| {
            let petition = if i % 2 == 0 { "p" } else { "q" };
            vault
                .sign(
                    &rules(petition),
                    signer("Ada", &format!("a{i}@example.org")),
                )
                .unwrap()
                .to_string()
        })
        .collect();
    // Three reach the collector; a fourth was recorded by Action Network (no collector).
    let batch = vault.next_batch(3, 1 << 20).unwrap().unwrap();
    let acked: Vec<String> = batch.rows.iter().map(|r| r.id.clone()).collect();
    vault.acknowledge(batch.batch_id, &acked).unwrap();
    vault
        .settle_delivery("action_network", &ids[5], true, "sig-1")
        .unwrap();
    let confirmed: Vec<String> = acked.iter().cloned().chain([ids[5].clone()]).collect();
    // 48 bytes from the middle of each sealed file: what a byte scan looks for.
    let sample = |sealed: &[u8]| sealed[sealed.len() / 2..sealed.len() / 2 + 48].to_vec();
    let samples: Vec<(String, Vec<u8>)> = vault
        .sealed_rows()
        .unwrap()
        .iter()
        .map(|r| (r.id.clone(), sample(&r.sealed)))
        .collect();
    let before = vault.stats().unwrap();

    // Within the retention time (24 hours): nothing goes.
    let retention = Duration::hours(24);
    assert_eq!(vault.purge_confirmed(Utc::now() - retention).unwrap(), 0);
    // A day later (the time is passed in): the four confirmed ones go, the two waiting stay.
    let a_day_later = Utc::now() + retention + Duration::seconds(1);
    assert_eq!(vault.purge_confirmed(a_day_later - retention).unwrap(), 4);
    let left: Vec<String> = vault
        .sealed_rows()
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(left.len(), 2);
    assert!(left.iter().all(|id| !confirmed.contains(id)));
    assert_eq!(vault.pending().unwrap(), 2, "the unsent are still to send");

    // Counts and the chart are what they were (the one Action Network took counts as sent).
    let after = vault.stats().unwrap();
    assert_eq!(after.total, before.total);
    assert_eq!(after.by_hour, before.by_hour);
    assert_eq!((after.pending, after.sent), (2, 4));
    let totals = |s: &placard_vault::Stats| {
        s.by_petition
            .iter()
            .map(|c| (c.petition_id.clone(), c.pending + c.sent))
            .collect::<Vec<_>>()
    };
    assert_eq!(totals(&after), totals(&before));
    assert_eq!(vault.count("p").unwrap(), 3);

    // No byte of a purged signature in any file (database, WAL, anything), while the vault is
    // open as at a kiosk; the scan does find the ones kept.
    let files = all_bytes(dir.path());
    for (id, bytes) in &samples {
        let found = files.iter().any(|(_, f)| contains(f, bytes));
        assert_eq!(found, !confirmed.contains(id), "record {id}");
    }
    let report = vault.verify(None).unwrap();
    assert!(report.is_ok(), "{report:?}");
}
