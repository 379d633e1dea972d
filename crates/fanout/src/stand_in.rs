//! A stand-in for Action Network's API v2, written from its public documentation, for tests
//! (the `stand-in` feature; never in a build that ships): the `OSDI-API-Token` header, the
//! petition listing (25 per page, following `_links.next`), the signature helper with people
//! de-duplicated by email, 429s above a configured rate (with and without `Retry-After`), an
//! occasional 500, the empty 200 the helper answers a failed blind post with, and the two
//! reads that tell whether a signature arrived (people filtered by `email_address`, a
//! person's signatures). It can also lose answers: record a signature, then never answer
//! in time. And an organisation's webhook receiver.
//!
//! It keeps people's email status as Action Network does: the signature helper subscribes a
//! person it has not seen before whatever the request says ("If the person is new to your email
//! list, they will be subscribed … The only valid status is subscribed"), and leaves an existing
//! person's status alone unless the request sends one; the person signup helper (`POST people`)
//! creates a person with the status it is given. `add_tags` are matched to existing tags by name
//! and unknown ones silently dropped; `POST tags` makes one. Redirects and foreign `next` links
//! can be switched on to test that the client follows neither.
#![allow(clippy::unwrap_used, clippy::missing_panics_doc)]

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::webhook::{SIGNATURE_HEADER, verify};

/// The API key the stand-in accepts.
pub const TOKEN: &str = "test-token-0123456789";

/// What the stand-in saw and holds.
#[derive(Debug, Default)]
pub struct Books {
    /// Requests it allows per second; more get 429.
    pub limit: usize,
    /// Every n-th signature request gets a 500 (0: never).
    pub error_every: usize,
    /// Every n-th signature request gets a 429 whatever the rate (0: never).
    pub inject_429_every: usize,
    /// Every n-th recorded signature's answer comes too late to be heard (0: never).
    pub lose_answer_every: usize,
    /// How late a lost answer comes.
    pub lost_answer_delay: Duration,
    pub lost_answers: usize,
    /// Lookups (people by email, a person's signatures).
    pub lookups: usize,
    pub recent: VecDeque<Instant>,
    /// Arrival times of every signature request (for the measured rate).
    pub arrivals: Vec<Instant>,
    pub throttled: usize,
    pub server_errors: usize,
    pub posts: usize,
    /// email → person id.
    pub people: HashMap<String, usize>,
    /// (petition, person) → the signature's body; one per person per petition.
    pub signatures: HashMap<(String, usize), Value>,
    /// (petition, person) → the signature's identifiers: its own, then every one posted to it.
    pub kept_identifiers: HashMap<(String, usize), Vec<String>>,
    /// How many times each `placard:…` identifier was posted.
    pub identifiers: HashMap<String, usize>,
    /// person → email status (`subscribed`, `unsubscribed`).
    pub statuses: HashMap<usize, String>,
    /// person → the tags applied to them.
    pub person_tags: HashMap<usize, Vec<String>>,
    /// The account's tags (`add_tags` naming anything else is dropped).
    pub tags: Vec<String>,
    /// (petition, person) → `action_network:referrer_data.source` of the signature.
    pub sources: HashMap<(String, usize), String>,
    /// Answer every signature post with a redirect to this URL (to test none is followed).
    pub redirect_to: Option<String>,
    /// Give the petition listing's first page a `next` link to this URL instead.
    pub foreign_next: Option<String>,
    /// Refuse (422) a signature whose email address contains this.
    pub refuse_email_containing: Option<String>,
}

impl Books {
    /// The most signature requests that arrived within any one second.
    pub fn most_in_any_second(&self) -> usize {
        self.arrivals
            .iter()
            .map(|t| {
                self.arrivals
                    .iter()
                    .filter(|u| **u >= *t && u.duration_since(*t) < Duration::from_secs(1))
                    .count()
            })
            .max()
            .unwrap_or(0)
    }
}

/// A running stand-in: its API root (`…/api/v2/`) and its books.
#[derive(Debug, Clone)]
pub struct StandIn {
    pub books: Arc<Mutex<Books>>,
    pub base: String,
}

fn authorised(headers: &HeaderMap) -> bool {
    headers.get("osdi-api-token").and_then(|v| v.to_str().ok()) == Some(TOKEN)
}

/// 60 petitions, so the listing has three pages; ours are on the last.
fn listed(i: usize) -> Value {
    let slug = match i {
        57 => "encryption-is-not-a-crime".to_owned(),
        58 => "defend-encryption-worldwide".to_owned(),
        _ => format!("other-petition-{i}"),
    };
    json!({
        "identifiers": [format!("action_network:pet-{i}")],
        "title": slug.replace('-', " "),
        "browser_url": format!("https://actionnetwork.org/petitions/{slug}"),
    })
}

async fn petitions(
    State(s): State<StandIn>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if !authorised(&headers) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    let items: Vec<Value> = (0..60).skip((page - 1) * 25).take(25).map(listed).collect();
    let mut body = json!({
        "total_pages": 3,
        "per_page": 25,
        "page": page,
        "_embedded": {"osdi:petitions": items},
        "_links": {},
    });
    if page < 3 {
        body["_links"]["next"] = json!({"href": format!("{}petitions?page={}", s.base, page + 1)});
    }
    if let Some(foreign) = &s.books.lock().unwrap().foreign_next {
        body["_links"]["next"] = json!({ "href": foreign });
    }
    axum::Json(body).into_response()
}

/// The person with `email`, made if new with `status` (`None`: kept, or `subscribed` when new);
/// returns their id.
fn person(b: &mut Books, email: &str, status: Option<&str>) -> usize {
    let next = b.people.len();
    let id = *b.people.entry(email.to_owned()).or_insert(next);
    match status {
        Some(status) => {
            b.statuses.insert(id, status.to_owned());
        }
        None => {
            b.statuses.entry(id).or_insert_with(|| "subscribed".into());
        }
    }
    id
}

/// Applies the tags of `add_tags` the account has; the others are dropped without a word.
fn tag(b: &mut Books, person: usize, body: &Value) {
    let known: Vec<String> = body["add_tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|t| b.tags.iter().any(|k| k == t))
        .map(str::to_owned)
        .collect();
    let theirs = b.person_tags.entry(person).or_default();
    for t in known {
        if !theirs.contains(&t) {
            theirs.push(t);
        }
    }
}

/// `POST people`: the person signup helper.
async fn signup(State(s): State<StandIn>, headers: HeaderMap, body: String) -> Response {
    let mut b = match gate(&s, &headers) {
        Ok(b) => b,
        Err(refused) => return *refused,
    };
    let body: Value = serde_json::from_str(&body).unwrap();
    let address = &body["person"]["email_addresses"][0];
    let Some(email) = address["address"].as_str().filter(|e| e.contains('@')) else {
        return (
            StatusCode::BAD_REQUEST,
            r#"{"error":"an email address is required"}"#,
        )
            .into_response();
    };
    let status = address["status"].as_str().map(str::to_owned);
    let id = person(&mut b, email, status.as_deref());
    tag(&mut b, id, &body);
    axum::Json(json!({"identifiers": [format!("action_network:person-{id}")]})).into_response()
}

/// `GET tags` (25 a page) and `POST tags` (`{"name"}`; an existing name is answered as it is).
async fn tags(State(s): State<StandIn>, headers: HeaderMap) -> Response {
    let b = match gate(&s, &headers) {
        Ok(b) => b,
        Err(refused) => return *refused,
    };
    let items: Vec<Value> = b
        .tags
        .iter()
        .map(|t| json!({"name": t, "identifiers": [format!("action_network:tag-{t}")]}))
        .collect();
    axum::Json(json!({"_embedded": {"osdi:tags": items}, "_links": {}})).into_response()
}

async fn new_tag(State(s): State<StandIn>, headers: HeaderMap, body: String) -> Response {
    let mut b = match gate(&s, &headers) {
        Ok(b) => b,
        Err(refused) => return *refused,
    };
    let body: Value = serde_json::from_str(&body).unwrap();
    let Some(name) = body["name"].as_str().filter(|n| !n.trim().is_empty()) else {
        return (StatusCode::BAD_REQUEST, r#"{"error":"a name is required"}"#).into_response();
    };
    if !b.tags.iter().any(|t| t == name) {
        b.tags.push(name.to_owned());
    }
    axum::Json(json!({"name": name, "identifiers": [format!("action_network:tag-{name}")]}))
        .into_response()
}

/// Lets a request in: its token checked, then counted against the rate (429 when it is over,
/// or one is injected). The books, locked, when it is in; the answer otherwise.
fn gate<'a>(
    s: &'a StandIn,
    headers: &HeaderMap,
) -> Result<std::sync::MutexGuard<'a, Books>, Box<Response>> {
    if !authorised(headers) {
        return Err(Box::new(StatusCode::UNAUTHORIZED.into_response()));
    }
    let mut b = s.books.lock().unwrap();
    match admit(&mut b) {
        Some(throttled) => Err(Box::new(throttled)),
        None => Ok(b),
    }
}

/// Counts a request against the rate: `Some(429)` when it is over (or one is injected).
fn admit(b: &mut Books) -> Option<Response> {
    let now = Instant::now();
    b.arrivals.push(now);
    while b
        .recent
        .front()
        .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
    {
        b.recent.pop_front();
    }
    let injected = b.inject_429_every > 0 && b.arrivals.len().is_multiple_of(b.inject_429_every);
    if injected || b.recent.len() >= b.limit {
        b.throttled += 1;
        // Every other 429 says when to come back.
        return Some(if b.throttled.is_multiple_of(2) {
            (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after", "1")],
                "slow down",
            )
                .into_response()
        } else {
            (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response()
        });
    }
    b.recent.push_back(now);
    None
}

async fn sign(
    State(s): State<StandIn>,
    headers: HeaderMap,
    Path(petition): Path<String>,
    body: String,
) -> Response {
    let (answer, late) = record(&s, &headers, petition, &body);
    if let Some(delay) = late {
        tokio::time::sleep(delay).await;
    }
    answer
}

/// The signature helper's work; the second value delays the answer (a lost one).
fn record(
    s: &StandIn,
    headers: &HeaderMap,
    petition: String,
    body: &str,
) -> (Response, Option<Duration>) {
    let mut b = match gate(s, headers) {
        Ok(b) => b,
        Err(refused) => return (*refused, None),
    };
    b.posts += 1;
    if let Some(to) = b.redirect_to.clone() {
        return (
            (StatusCode::TEMPORARY_REDIRECT, [("location", to)]).into_response(),
            None,
        );
    }
    if b.error_every > 0 && b.posts.is_multiple_of(b.error_every) {
        b.server_errors += 1;
        return (
            (StatusCode::INTERNAL_SERVER_ERROR, "oops").into_response(),
            None,
        );
    }
    if !petition.starts_with("pet-") {
        return (
            (StatusCode::NOT_FOUND, r#"{"error":"petition not found"}"#).into_response(),
            None,
        );
    }
    if petition.ends_with("-closed") {
        return (
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                r#"{"error":"this petition is closed to new signatures"}"#,
            )
                .into_response(),
            None,
        );
    }
    let body: Value = serde_json::from_str(body).unwrap();
    let email = body["person"]["email_addresses"][0]["address"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    if b.refuse_email_containing
        .as_deref()
        .is_some_and(|bad| email.contains(bad))
    {
        // Echoing what it was sent, as servers do: the kiosk must not keep these words.
        return (
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(r#"{{"error":"{email} cannot be used"}}"#),
            )
                .into_response(),
            None,
        );
    }
    for id in body["identifiers"].as_array().unwrap() {
        *b.identifiers
            .entry(id.as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    // A blind post that fails is answered 200 with nothing in it.
    if !email.contains('@') || email.contains("+blind") {
        return (StatusCode::OK.into_response(), None);
    }
    // New people are subscribed whatever the request says; an existing person's status
    // changes only if the request sends one (and the helper knows no other than subscribed).
    let status = body["person"]["email_addresses"][0]["status"]
        .as_str()
        .filter(|s| *s == "subscribed");
    let person = person(&mut b, &email, status);
    tag(&mut b, person, &body);
    let key = (petition, person);
    if let Some(source) = body["action_network:referrer_data"]["source"].as_str() {
        b.sources.insert(key.clone(), source.to_owned());
    }
    let n = b.signatures.len();
    let posted: Vec<String> = body["identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_owned())
        .collect();
    let kept = b
        .kept_identifiers
        .entry(key.clone())
        .or_insert_with(|| vec![format!("action_network:sig-{n}")]);
    kept.extend(posted);
    let own = kept[0].clone();
    b.signatures.insert(key, body);
    let late = (b.lose_answer_every > 0 && b.signatures.len().is_multiple_of(b.lose_answer_every))
        .then(|| {
            b.lost_answers += 1;
            b.lost_answer_delay
        });
    (
        axum::Json(json!({"identifiers": [own]})).into_response(),
        late,
    )
}

/// `GET people?filter=email_address eq '…'`: the person with that address, if any.
async fn people(
    State(s): State<StandIn>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut b = match gate(&s, &headers) {
        Ok(b) => b,
        Err(refused) => return *refused,
    };
    b.lookups += 1;
    let filter = q.get("filter").map(String::as_str).unwrap_or("");
    let Some(email) = filter
        .strip_prefix("email_address eq '")
        .and_then(|f| f.strip_suffix('\''))
        .map(|e| e.replace("''", "'"))
    else {
        return (StatusCode::BAD_REQUEST, "unsupported filter").into_response();
    };
    let found: Vec<Value> = b
        .people
        .get(&email)
        .map(|id| {
            json!({
                "identifiers": [format!("action_network:person-{id}")],
                "email_addresses": [{"address": email, "primary": true}],
            })
        })
        .into_iter()
        .collect();
    axum::Json(json!({"_embedded": {"osdi:people": found}, "_links": {}})).into_response()
}

/// `GET people/{id}/signatures`: that person's signatures, 25 a page.
async fn person_signatures(
    State(s): State<StandIn>,
    headers: HeaderMap,
    Path(person): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut b = match gate(&s, &headers) {
        Ok(b) => b,
        Err(refused) => return *refused,
    };
    b.lookups += 1;
    let Some(person) = person
        .strip_prefix("person-")
        .and_then(|p| p.parse::<usize>().ok())
    else {
        return (StatusCode::NOT_FOUND, "no such person").into_response();
    };
    let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    let mut theirs: Vec<(&String, &Vec<String>)> = b
        .kept_identifiers
        .iter()
        .filter(|((_, p), _)| *p == person)
        .map(|((petition, _), ids)| (petition, ids))
        .collect();
    theirs.sort();
    let pages = theirs.len().div_ceil(25).max(1);
    let items: Vec<Value> = theirs
        .iter()
        .skip((page - 1) * 25)
        .take(25)
        .map(|(petition, ids)| {
            json!({
                "identifiers": ids,
                "_links": {"osdi:petition": {"href": format!("{}petitions/{petition}", s.base)}},
            })
        })
        .collect();
    let mut body = json!({"_embedded": {"osdi:signatures": items}, "_links": {}});
    if page < pages {
        body["_links"]["next"] = json!({
            "href": format!("{}people/person-{person}/signatures?page={}", s.base, page + 1)
        });
    }
    axum::Json(body).into_response()
}

/// Starts a stand-in on loopback that allows `limit` signature requests a second (more get
/// 429) and, when `flaky`, answers every 13th with a 500.
pub async fn start(limit: usize, flaky: bool) -> StandIn {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/api/v2/", listener.local_addr().unwrap());
    let s = StandIn {
        books: Arc::new(Mutex::new(Books {
            limit,
            error_every: if flaky { 13 } else { 0 },
            lost_answer_delay: Duration::from_secs(3),
            ..Books::default()
        })),
        base,
    };
    let app = axum::Router::new()
        .route("/api/v2/petitions", get(petitions))
        .route("/api/v2/petitions/{id}/signatures", post(sign))
        .route("/api/v2/people", get(people).post(signup))
        .route("/api/v2/tags", get(tags).post(new_tag))
        .route("/api/v2/people/{id}/signatures", get(person_signatures))
        .with_state(s.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    s
}

/// What the webhook receiver saw.
#[derive(Debug, Default)]
pub struct Receiver {
    /// batch id → how many times it arrived.
    pub batches: HashMap<String, usize>,
    /// record id → its JSON, from the first delivery of its batch.
    pub records: HashMap<String, Value>,
    pub refused_signatures: usize,
    /// Answer 503 to this many requests first.
    pub fail_first: usize,
}

/// An organisation's webhook endpoint on loopback (`…/hook`): checks the signature with
/// `secret` (401 otherwise), drops a batch id seen before, and keeps the records.
pub async fn receiver(secret: &str) -> (String, Arc<Mutex<Receiver>>) {
    let secret = secret.to_owned();
    let state: Arc<Mutex<Receiver>> = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let s = state.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: axum::body::Bytes| {
            let s = s.clone();
            let secret = secret.clone();
            async move {
                let mut r = s.lock().unwrap();
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs();
                let header = headers
                    .get(SIGNATURE_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !verify(&secret, header, &body, now, 300) {
                    r.refused_signatures += 1;
                    return StatusCode::UNAUTHORIZED.into_response();
                }
                if r.fail_first > 0 {
                    r.fail_first -= 1;
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
                let batch: Value = serde_json::from_slice(&body).unwrap();
                let id = batch["batch_id"].as_str().unwrap().to_owned();
                assert_eq!(
                    headers.get("idempotency-key").unwrap().to_str().unwrap(),
                    id
                );
                let seen = r.batches.entry(id).or_default();
                *seen += 1;
                if *seen == 1 {
                    for rec in batch["records"].as_array().unwrap() {
                        let rid = rec["record_id"].as_str().unwrap().to_owned();
                        assert!(
                            r.records.insert(rid, rec.clone()).is_none(),
                            "a record twice"
                        );
                    }
                }
                StatusCode::NO_CONTENT.into_response()
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, state)
}

/// Asserts that a push command (`placard push …`, `placard-collector push …`) succeeded and
/// ended with `summary` (`sent N, failed M, skipped K`).
pub fn assert_ran(out: &std::process::Output, summary: &str) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.lines().last(), Some(summary), "{stdout}");
}
