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
        source: String::new(),
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
                    r.email.contains("+blind") && why.contains("an empty body"),
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
        summary.failures[0].1.contains("an empty body"),
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

/// Action Network's signature helper subscribes everyone it has not seen. The stand-in does
/// the same, so on the code before this test a signer who did not opt in was subscribed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_signers_who_opted_in_are_subscribed_and_existing_people_keep_their_status() {
    let s = stand_in::start(1000, false).await;
    let mut client = Client::new(&s.base, TOKEN, NonZeroU32::new(500).unwrap()).unwrap();
    fast(&mut client);
    // Ten signers, the even ones opted in (see `kiosk`).
    let (_dir, mut vault, records) = kiosk(10, 0);
    // Two of them are on the organisation's list already: ada1 (did not opt in here) had
    // unsubscribed, ada3 (did not opt in either) is subscribed; ada4 (opts in) had unsubscribed.
    {
        let mut b = s.books.lock().unwrap();
        for (i, (email, status)) in [
            ("ada1@example.org", "unsubscribed"),
            ("ada3@example.org", "subscribed"),
            ("ada4@example.org", "unsubscribed"),
        ]
        .into_iter()
        .enumerate()
        {
            b.people.insert(email.into(), 100 + i);
            b.statuses.insert(100 + i, status.into());
        }
    }
    let summary = push(
        &client,
        &records,
        &both_to_one_petition(),
        &mut vault,
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!(summary.to_string(), "sent 10, failed 0, skipped 0");

    let b = s.books.lock().unwrap();
    let status = |i: usize| {
        let person = b.people[&format!("ada{i}@example.org")];
        b.statuses[&person].clone()
    };
    for i in [0, 2, 6, 8] {
        assert_eq!(status(i), "subscribed", "ada{i} opted in");
    }
    for i in [5, 7, 9] {
        assert_eq!(
            status(i),
            "unsubscribed",
            "ada{i} did not opt in: recorded, not subscribed"
        );
    }
    assert_eq!(
        status(1),
        "unsubscribed",
        "an existing person's status untouched"
    );
    assert_eq!(
        status(3),
        "subscribed",
        "an existing person's status untouched"
    );
    assert_eq!(status(4), "subscribed", "opted in here");
    assert_eq!(b.signatures.len(), 10, "every one recorded as a signer");

    // The tags the run adds were made first, so Action Network applied them; the source is
    // the event's name.
    assert!(b.tags.contains(&"placard".to_owned()) && b.tags.contains(&"rightscon".to_owned()));
    for i in 0..10 {
        let person = b.people[&format!("ada{i}@example.org")];
        let tags = &b.person_tags[&person];
        assert!(tags.contains(&"placard".to_owned()), "ada{i}: {tags:?}");
        assert!(tags.contains(&"rightscon".to_owned()), "ada{i}: {tags:?}");
        assert_eq!(b.sources[&("pet-57".to_owned(), person)], "RightsCon");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_and_signers_go_only_where_they_were_sent() {
    let s = stand_in::start(1000, false).await;
    let elsewhere = stand_in::start(1000, false).await;
    let mut client = Client::new(&s.base, TOKEN, NonZeroU32::new(500).unwrap()).unwrap();
    fast(&mut client);

    // A `next` page on another site is not fetched.
    s.books.lock().unwrap().foreign_next = Some(format!("{}petitions?page=2", elsewhere.base));
    let e = client.petitions().await.unwrap_err();
    assert!(e.to_string().contains("another site"), "{e}");
    assert_eq!(elsewhere.books.lock().unwrap().arrivals.len(), 0);
    s.books.lock().unwrap().foreign_next = None;

    // A redirect is not followed: the run stops, nothing failed, nothing went elsewhere.
    s.books.lock().unwrap().redirect_to =
        Some(format!("{}petitions/pet-57/signatures", elsewhere.base));
    let (_dir, mut vault, records) = kiosk(4, 0);
    let targets = both_to_one_petition();
    let e = push(&client, &records, &targets, &mut vault, |_, _| {})
        .await
        .unwrap_err();
    assert!(e.to_string().contains("redirect"), "{e}");
    assert_eq!(elsewhere.books.lock().unwrap().posts, 0);
    assert!(vault.failed_deliveries(ACTION_NETWORK).unwrap().is_empty());
    s.books.lock().unwrap().redirect_to = None;
    let summary = push(&client, &records, &targets, &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!(summary.to_string(), "sent 4, failed 0, skipped 0");
}

/// Tried as a new user would: a mistyped `--petition SLUG=AN_ID` made Action Network answer 404
/// for every record, each was marked failed for good, and the corrected run sent nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_of_the_petition_fails_no_signer_and_failed_ones_can_be_retried() {
    use placard_fanout::run::{RunError, RunOptions, push_with};
    let s = stand_in::start(1000, false).await;
    let mut client = Client::new(&s.base, TOKEN, NonZeroU32::new(500).unwrap()).unwrap();
    fast(&mut client);
    let (_dir, mut vault, records) = kiosk(6, 0);
    let to = |id: &str| {
        ["encryption-is-not-a-crime", "defend-encryption-worldwide"]
            .into_iter()
            .map(|slug| {
                (
                    slug.to_owned(),
                    Target {
                        id: id.to_owned(),
                        autoresponse: false,
                    },
                )
            })
            .collect::<HashMap<_, _>>()
    };

    // A petition id that does not exist: the run stops at the first 404; no one failed.
    let e = push(&client, &records, &to("a-typo"), &mut vault, |_, _| {})
        .await
        .unwrap_err();
    assert!(e.to_string().contains("no petition `a-typo`"), "{e}");
    assert!(vault.failed_deliveries(ACTION_NETWORK).unwrap().is_empty());

    // A petition that refuses every signature the same way (closed): stopped after three.
    let e = push(
        &client,
        &records,
        &to("pet-9-closed"),
        &mut vault,
        |_, _| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(e, RunError::SameRefusal { count: 3, .. }), "{e}");
    assert!(vault.failed_deliveries(ACTION_NETWORK).unwrap().is_empty());

    // The right petition: one signer is refused for their own reason (after a success, so it is
    // about them), the others arrive.
    s.books.lock().unwrap().refuse_email_containing = Some("ada3@".into());
    let summary = push(&client, &records, &to("pet-57"), &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!(summary.to_string(), "sent 5, failed 1, skipped 0");
    // Kept and shown as a status and a category, not Action Network's own words.
    assert_eq!(
        summary.failures[0].1,
        "Action Network: refused as invalid (HTTP 422)"
    );
    let kept: Vec<String> = vault
        .connection_for_tests()
        .prepare("SELECT detail FROM deliveries WHERE sent = 0")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(kept, ["Action Network: refused as invalid (HTTP 422)"]);
    let again = push(&client, &records, &to("pet-57"), &mut vault, |_, _| {})
        .await
        .unwrap();
    assert_eq!(
        again.to_string(),
        "sent 0, failed 0, skipped 6; 1 failed in an earlier run (retry failed sends them again)"
    );
    // The cause fixed, "retry failed" sends it.
    s.books.lock().unwrap().refuse_email_containing = None;
    let retried = push_with(
        &client,
        &records,
        &to("pet-57"),
        &mut vault,
        RunOptions { retry_failed: true },
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(retried.to_string(), "sent 1, failed 0, skipped 5");
    assert_eq!(s.books.lock().unwrap().signatures.len(), 6);
}

/// A server that answers without end (hostile, or broken) is read up to the cap and no
/// further: the run fails in words instead of filling the kiosk's memory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endless_answer_is_cut_at_the_cap() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v2/", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 << 10];
                let _ = stream.read(&mut buf).await;
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 << 10];
                let framed = [
                    format!("{:x}\r\n", chunk.len()).into_bytes(),
                    chunk,
                    b"\r\n".to_vec(),
                ]
                .concat();
                while stream.write_all(&framed).await.is_ok() {}
            });
        }
    });
    let client = Client::new(&base, TOKEN, NonZeroU32::new(100).unwrap()).unwrap();
    let started = Instant::now();
    let e = client.petitions().await.unwrap_err();
    assert!(e.to_string().contains("unreadable answer"), "{e}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "cut at the cap, not by a timeout"
    );
}
