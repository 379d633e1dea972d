//! The fan-out against the Action Network stand-in (`placard_fanout::stand_in`).
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use placard_fanout::action_network::{Client, Target, find_petition};
use placard_fanout::run::{ACTION_NETWORK, Outcome, push, push_each};
use placard_fanout::stand_in::{self, TOKEN};
use placard_vault::{OrganiserKey, Record, SignRules, SignerInput, Vault};
use serde_json::json;

fn rules(petition: &str) -> SignRules {
    SignRules {
        comments: true,
        ..SignRules::basic(petition, "US")
    }
}

/// An unlocked kiosk: a vault with `n` signatures over two petitions (every `blind_every`-th
/// with an address the stand-in answers with an empty 200), opened with its key.
fn kiosk(n: usize, blind_every: usize) -> (tempfile::TempDir, Vault, Vec<Record>) {
    let dir = tempfile::tempdir().unwrap();
    let key = OrganiserKey::generate();
    let mut vault = Vault::init(dir.path(), &key.recipient()).unwrap();
    vault.set_event(placard_vault::Event {
        name: "RightsCon".into(),
        tags: vec!["rightscon".into()],
    });
    for i in 0..n {
        let petition = if i % 3 == 0 {
            "defend-encryption-worldwide"
        } else {
            "encryption-is-not-a-crime"
        };
        let mut s = SignerInput::default();
        s.given_name = format!("Ada{i}");
        s.family_name = "Lovelace".into();
        s.email = if blind_every > 0 && i % blind_every == 0 {
            format!("ada{i}+blind@example.org")
        } else {
            format!("ada{i}@example.org")
        };
        s.postal_code = "02139".into();
        s.comment = format!("comment {i}");
        s.subscribe = Some(i % 2 == 0);
        vault.sign(&rules(petition), s).unwrap();
    }
    let records = vault
        .open_records(&key)
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    (dir, vault, records)
}

async fn targets(client: &Client) -> HashMap<String, Target> {
    let listed = client.petitions().await.unwrap();
    assert_eq!(listed.len(), 60, "all three pages");
    ["encryption-is-not-a-crime", "defend-encryption-worldwide"]
        .into_iter()
        .map(|slug| {
            let p = find_petition(&listed, slug).unwrap();
            (
                slug.to_owned(),
                Target {
                    id: p.id.clone(),
                    autoresponse: slug == "encryption-is-not-a-crime",
                },
            )
        })
        .collect()
}

/// Both petitions' records to the stand-in's `pet-57`, with no listing.
fn both_to_one_petition() -> HashMap<String, Target> {
    ["encryption-is-not-a-crime", "defend-encryption-worldwide"]
        .into_iter()
        .map(|slug| {
            (
                slug.to_owned(),
                Target {
                    id: "pet-57".into(),
                    autoresponse: false,
                },
            )
        })
        .collect()
}

fn fast(client: &mut Client) {
    client.min_wait = Duration::from_millis(20);
    client.max_wait = Duration::from_millis(200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_signatures_from_an_unlocked_kiosk_arrive_once_with_their_fields_and_tags() {
    // The stand-in allows 80 requests a second and the client tries 100: 429s come, with and
    // without Retry-After, and every 13th request fails with a 500.
    let s = stand_in::start(80, true).await;
    let mut client = Client::new(&s.base, TOKEN, NonZeroU32::new(100).unwrap()).unwrap();
    fast(&mut client);
    let targets = targets(&client).await;
    let (_dir, mut vault, records) = kiosk(500, 50);
    let mut seen = 0;
    let mut outcomes = HashMap::new();
    let summary = push_each(&client, &records, &targets, &mut vault, |step| {
        assert_eq!(step.total, 500);
        seen = step.done;
        outcomes.insert(step.record.record_id, step.outcome.clone());
    })
    .await
    .unwrap();
    assert_eq!(seen, 500);
    // Every record's outcome was told as it came: the blind ones failed with the reason.
    assert_eq!(outcomes.len(), 500);
    for r in &records {
        match &outcomes[&r.record_id] {
            Outcome::Failed(why) => {
                assert!(
                    r.email.contains("+blind") && why.contains("empty body"),
                    "{why}"
                );
            }
            other => assert_eq!(other, &Outcome::Sent, "{}", r.email),
        }
    }
    assert_eq!(
        (
            summary.sent,
            summary.failed,
            summary.skipped,
            summary.deferred
        ),
        (490, 10, 0, 0),
        "{summary}"
    );
    assert!(
        summary.failures[0].1.contains("empty body"),
        "{:?}",
        summary.failures[0]
    );
    {
        let b = s.books.lock().unwrap();
        assert!(
            b.most_in_any_second() <= 100,
            "{} requests in one second; the limit is 100",
            b.most_in_any_second()
        );
        assert!(
            b.throttled > 0 && b.server_errors > 0,
            "the faults happened"
        );
        assert_eq!(b.signatures.len(), 490);
        assert!(
            b.identifiers.values().all(|n| *n == 1),
            "no record was recorded twice"
        );

        // The fields and tags of one record, as Action Network received them.
        let ada = records.iter().find(|r| r.given_name == "Ada4").unwrap();
        let (_, body) = b
            .signatures
            .iter()
            .find(|(_, v)| v["person"]["given_name"] == "Ada4")
            .unwrap();
        assert_eq!(body["person"]["family_name"], "Lovelace");
        assert_eq!(
            body["person"]["email_addresses"][0]["address"],
            "ada4@example.org"
        );
        assert_eq!(body["person"]["email_addresses"][0]["status"], "subscribed");
        assert_eq!(
            body["person"]["postal_addresses"][0]["postal_code"],
            "02139"
        );
        assert_eq!(body["person"]["postal_addresses"][0]["country"], "US");
        assert_eq!(body["comments"], "comment 4");
        assert_eq!(body["add_tags"], json!(["rightscon", "placard"]));
        assert_eq!(
            body["identifiers"],
            json!([format!("placard:{}", ada.record_id)])
        );
        assert_eq!(body["triggers"]["autoresponse"]["enabled"], true);
    }

    // A second run skips everything settled and posts nothing.
    let posts_before = s.books.lock().unwrap().posts;
    let again = push(&client, &records, &targets, &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!((again.sent, again.failed, again.skipped), (0, 0, 500));
    assert_eq!(s.books.lock().unwrap().posts, posts_before);
    assert_eq!(vault.settled_deliveries(ACTION_NETWORK).unwrap().len(), 500);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_run_resumes_without_posting_anything_twice() {
    let s = stand_in::start(1000, false).await;
    // The 30th signature is recorded, but its answer is slow: the run is cut while it waits,
    // the worst moment (Action Network has it, the kiosk does not know).
    {
        let mut b = s.books.lock().unwrap();
        b.lose_answer_every = 30;
        b.lost_answer_delay = Duration::from_secs(20);
    }
    let mut client = Client::new(&s.base, TOKEN, NonZeroU32::new(50).unwrap()).unwrap();
    fast(&mut client);
    let targets = targets(&client).await;
    let (_dir, mut vault, records) = kiosk(120, 0);
    // Cut the run short, as a closed laptop lid would, once the 30th is recorded and its
    // answer is being waited for.
    let books = s.books.clone();
    let recorded_unheard = async move {
        while books.lock().unwrap().lost_answers == 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    tokio::select! {
        _ = push(&client, &records, &targets, &mut vault, |_, _| {}) => {
            panic!("the run was to be cut, not finish");
        }
        () = recorded_unheard => {}
    }
    let settled = vault.settled_deliveries(ACTION_NETWORK).unwrap().len() as u64;
    assert_eq!(settled, 29, "settled before the cut");
    let in_doubt = vault.deliveries_in_doubt(ACTION_NETWORK).unwrap();
    assert_eq!(in_doubt.len(), 1, "the one on the wire");
    assert_eq!(s.books.lock().unwrap().signatures.len(), 30);

    s.books.lock().unwrap().lose_answer_every = 0;
    let resumed = push(&client, &records, &targets, &mut vault, |_, _| {})
        .await
        .unwrap();
    // The one on the wire was found recorded, not posted again.
    assert_eq!(
        (resumed.sent, resumed.skipped, resumed.failed),
        (90, 30, 0),
        "{resumed}"
    );
    assert!(
        vault
            .deliveries_in_doubt(ACTION_NETWORK)
            .unwrap()
            .is_empty()
    );
    let b = s.books.lock().unwrap();
    assert_eq!(b.signatures.len(), 120, "every signer once");
    assert!(b.lookups > 0, "the stand-in was asked");
    let repeated: Vec<_> = b.identifiers.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "posted twice: {repeated:?}");
    assert_eq!(b.identifiers.len(), 120);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_lost_on_the_way_back_are_looked_up_not_posted_again() {
    // Every 7th signature is recorded and its answer comes after the client stopped
    // listening; every 13th request fails with a 500 (not recorded).
    let s = stand_in::start(1000, true).await;
    {
        let mut b = s.books.lock().unwrap();
        b.lose_answer_every = 7;
        b.lost_answer_delay = Duration::from_secs(3);
    }
    let mut client = Client::new(&s.base, TOKEN, NonZeroU32::new(100).unwrap()).unwrap();
    fast(&mut client);
    client.request_timeout = Duration::from_secs(1);
    let (_dir, mut vault, records) = kiosk(60, 0);
    let summary = push(
        &client,
        &records,
        &both_to_one_petition(),
        &mut vault,
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!((summary.sent, summary.failed), (60, 0), "{summary}");
    let b = s.books.lock().unwrap();
    assert!(
        b.lost_answers >= 8 && b.server_errors > 0,
        "the faults happened"
    );
    assert_eq!(b.signatures.len(), 60);
    let repeated: Vec<_> = b.identifiers.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "posted twice: {repeated:?}");
    // Each found signature is settled with Action Network's id for it.
    assert_eq!(vault.settled_deliveries(ACTION_NETWORK).unwrap().len(), 60);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_rate_is_never_exceeded_and_a_wrong_token_stops_the_run() {
    let s = stand_in::start(4, false).await;
    let client = Client::new(&s.base, TOKEN, NonZeroU32::new(4).unwrap()).unwrap();
    let (_dir, mut vault, records) = kiosk(14, 0);
    let targets = both_to_one_petition();
    let summary = push(&client, &records, &targets, &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!(summary.sent, 14);
    {
        let b = s.books.lock().unwrap();
        assert_eq!(b.throttled, 0, "never over the stand-in's 4 per second");
        let most_in_a_second = b.most_in_any_second();
        assert!(
            most_in_a_second <= 4,
            "{most_in_a_second} requests in one second"
        );
    }

    // A wrong API key: the listing and the run stop at once, and nothing is settled.
    let wrong = Client::new(&s.base, "not-the-token", NonZeroU32::new(4).unwrap()).unwrap();
    let err = wrong.petitions().await.unwrap_err();
    assert!(err.to_string().contains("401"), "{err}");
    let (_dir2, mut fresh, records) = kiosk(3, 0);
    let err = push(&wrong, &records, &targets, &mut fresh, |_, _| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("401"), "{err}");
    assert!(fresh.settled_deliveries(ACTION_NETWORK).unwrap().is_empty());
}

/// Benchmark (`./dev bench`): the sustained request rate at the default limit, as a fraction
/// of it; then the same with a 429 injected every 10th request (half with `Retry-After: 1`),
/// where nothing may be lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: ./dev bench"]
async fn bench_sustained_rate_at_the_default_limit() {
    let n: usize = std::env::var("PLACARD_BENCH_AN_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let rate = placard_fanout::action_network::DEFAULT_RATE;
    println!("{n} signatures to the Action Network stand-in at the default limit ({rate}/s):");
    for inject in [0, 10] {
        let s = stand_in::start(4, false).await;
        s.books.lock().unwrap().inject_429_every = inject;
        let client = Client::new(&s.base, TOKEN, rate).unwrap();
        let (_dir, mut vault, records) = kiosk(n, 0);
        let targets = both_to_one_petition();
        let t = Instant::now();
        let summary = push(&client, &records, &targets, &mut vault, |_, _| {})
            .await
            .unwrap();
        let secs = t.elapsed().as_secs_f64();
        let b = s.books.lock().unwrap();
        let requests = b.arrivals.len();
        let sustained = requests as f64 / secs;
        let label = if inject == 0 {
            "no faults".to_owned()
        } else {
            format!("a 429 every {inject}th")
        };
        println!(
            "  {label:<17} {requests} requests in {secs:.1} s: {sustained:.2}/s = {:.3} of the limit; {} throttled; recorded {} of {n}, lost {}",
            sustained / f64::from(rate.get()),
            b.throttled,
            b.signatures.len(),
            n - b.signatures.len()
        );
        assert_eq!(summary.sent as usize, n);
        assert_eq!(b.signatures.len(), n);
    }
    println!("  goal: ≥ 0.95 of the limit, and 0 lost under injected 429s");
}
