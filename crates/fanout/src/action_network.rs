//! Action Network's API v2, as much of it as the fan-out needs: the record-signature helper
//! (`POST petitions/{id}/signatures`) and the petition listing, to find a petition's id.
//!
//! Every request carries `OSDI-API-Token` and waits its turn at a steady rate (governor, with
//! no burst: requests are evenly spaced, so no one-second window ever holds more than the
//! configured rate). What an answer means for the record is decided here, once:
//! - 2xx with a body: the signature is recorded.
//! - 200 with an empty body: a failure. The helper is a "blind" POST and answers a failed one
//!   that way rather than with an error status.
//! - 429: wait `Retry-After` (seconds or an HTTP date), else back off with jitter; try again.
//! - 5xx, timeouts, no connection: back off with jitter and try again, a bounded number of
//!   times; then the record is left for the next run (never marked failed for a bad day).
//! - any other 4xx: the record failed, with Action Network's reason kept for the organiser.
//!
//! A request that may have reached Action Network without a definite answer (the connection
//! dropped after it left, a timeout, a 5xx) leaves its record *in doubt*: before posting it
//! again, the client asks whether it arrived ([`Client::find_signature`]: the signer's person
//! by email, then that person's signatures for our `placard:RECORD_ID` identifier). So a
//! signature is posted twice only when that lookup cannot tell (a record with no email
//! address), and even then Action Network keeps one signature per person and petition.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use placard_vault::Record;
use rand::rngs::SmallRng;
use rand::{Rng as _, SeedableRng as _};
use serde_json::{Value, json};
use tokio::sync::Mutex;

/// Action Network's API root.
pub const DEFAULT_BASE: &str = "https://actionnetwork.org/api/v2/";
/// Requests per second when none is configured (Action Network allows 4).
pub const DEFAULT_RATE: NonZeroU32 = NonZeroU32::new(4).unwrap();
/// Tries for one record through 5xx answers and network errors before it is left for the
/// next run.
pub const MAX_ATTEMPTS: u32 = 8;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not an API address: {0}")]
    BadUrl(String),
    #[error("Action Network refused the token (401): check the API key")]
    Unauthorized,
    #[error("Action Network answered {status}: {reason}")]
    Refused { status: u16, reason: String },
    #[error("Action Network cannot be reached: {0}")]
    Unreachable(String),
    #[error("no petition on Action Network matches `{0}`")]
    NoPetition(String),
    /// A refusal of the petition or the account, not of the signer: the run stops, and no
    /// record is marked failed.
    #[error(
        "Action Network has no petition `{0}` (404): check the petition's id (--petition SLUG=AN_ID); no signature was marked failed"
    )]
    NoSuchPetition(String),
    #[error(
        "Action Network refused this API key access (403): check the key's permissions; no signature was marked failed"
    )]
    Forbidden,
    #[error(
        "Action Network answered with a redirect ({0}); the API key and signers' data go only to the address given, so it was not followed"
    )]
    Redirected(u16),
    #[error(
        "Action Network's answer pointed to another site for its next page ({0}); not followed"
    )]
    ForeignLink(String),
}

/// What became of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// Recorded; Action Network's id for the signature when it gave one.
    Sent(Option<String>),
    /// Refused for good; the reason is shown to the organiser.
    Failed(String),
    /// Not recorded after [`MAX_ATTEMPTS`] tries through errors that may pass; try again later.
    Deferred(String),
}

/// Where a petition's signatures go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Action Network's petition id.
    pub id: String,
    /// Whether Action Network sends its autoresponse email (the petition's
    /// `autoresponder_active`).
    pub autoresponse: bool,
}

/// An Action Network client for one API key.
pub struct Client {
    http: reqwest::Client,
    base: url::Url,
    token: String,
    limiter: Arc<DefaultDirectRateLimiter>,
    /// The pacing between two requests.
    period: Duration,
    jitter: Mutex<SmallRng>,
    /// The first wait after a 429 without `Retry-After`, or a 5xx; doubled up to `max_wait`.
    pub min_wait: Duration,
    pub max_wait: Duration,
    /// How long one request may take before it counts as unanswered.
    pub request_timeout: Duration,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Client")
            .field("base", &self.base.as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the API at `base` (ending in `/`), sending at most `rate` requests per
    /// second.
    pub fn new(base: &str, token: &str, rate: NonZeroU32) -> Result<Self, ApiError> {
        let mut base =
            url::Url::parse(base).map_err(|e| ApiError::BadUrl(format!("{base}: {e}")))?;
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        // No redirects: the token and signers' data go only where they were sent.
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ApiError::Unreachable(e.to_string()))?;
        // No burst: one request every 1/rate seconds, so no window exceeds the rate — plus 2 %,
        // so that a request delayed on its way does not land in the window of the one after
        // it (the server measures arrivals, not departures).
        let period = Duration::from_secs(1) * 102 / 100 / rate.get();
        let quota = Quota::with_period(period)
            .ok_or_else(|| ApiError::BadUrl("a rate above zero".into()))?
            .allow_burst(NonZeroU32::MIN);
        Ok(Self {
            http,
            base,
            token: token.to_owned(),
            limiter: Arc::new(RateLimiter::direct(quota)),
            period,
            jitter: Mutex::new(SmallRng::from_os_rng()),
            min_wait: Duration::from_secs(1),
            max_wait: Duration::from_secs(60),
            request_timeout: Duration::from_secs(30),
        })
    }

    fn url(&self, path: &str) -> Result<url::Url, ApiError> {
        self.base
            .join(path)
            .map_err(|e| ApiError::BadUrl(e.to_string()))
    }

    /// A wait drawn uniformly below the `attempt`-th cap (full jitter), caps doubling from
    /// `first`.
    async fn backoff_from(&self, first: Duration, attempt: u32) -> Duration {
        let cap = first
            .saturating_mul(1 << attempt.min(16))
            .min(self.max_wait);
        let millis = u64::try_from(cap.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(self.jitter.lock().await.random_range(0..=millis))
    }

    /// After a 5xx or no answer.
    async fn backoff(&self, attempt: u32) -> Duration {
        self.backoff_from(self.min_wait, attempt).await
    }

    /// After a 429 that says nothing of when to come back: the limit is near, not far, so the
    /// caps start at two pacing periods (the pacing itself still spaces the retry).
    async fn throttled(&self, attempt: u32) -> Duration {
        self.backoff_from(self.period * 2, attempt).await
    }

    async fn send(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, reqwest::Error> {
        self.limiter.until_ready().await;
        request
            .timeout(self.request_timeout)
            .header("OSDI-API-Token", &self.token)
            .header("content-type", "application/json")
            .send()
            .await
    }

    /// Records one signature. Retries 429s (as long as they come), 5xx and network errors (up
    /// to [`MAX_ATTEMPTS`]); see the module docs for what each answer means.
    pub async fn post_signature(
        &self,
        target: &Target,
        record: &Record,
    ) -> Result<Posted, ApiError> {
        let url = self.url(&format!("petitions/{}/signatures", target.id))?;
        let body = signature_body(record, target.autoresponse).to_string();
        if !record.subscribe
            && let Some(not_yet) = self.unsubscribed_if_new(record).await?
        {
            return Ok(not_yet);
        }
        let mut failures = 0u32;
        let mut throttled = 0u32;
        // Whether an earlier try may have been recorded without our hearing so.
        let mut in_doubt = false;
        loop {
            if in_doubt {
                match self.find_signature(target, record).await {
                    Ok(Some(id)) => return Ok(Posted::Sent(Some(id))),
                    Ok(None) => in_doubt = false,
                    Err(ApiError::Unauthorized) => return Err(ApiError::Unauthorized),
                    // Cannot tell now: try again later rather than risk a second post.
                    Err(e @ ApiError::Unreachable(_)) => {
                        return Ok(Posted::Deferred(e.to_string()));
                    }
                    // The lookup itself was refused: post again (Action Network keeps one
                    // signature per person and petition).
                    Err(_) => in_doubt = false,
                }
            }
            let answer = self
                .send(self.http.post(url.clone()).body(body.clone()))
                .await;
            let transient = match answer {
                Err(e) => {
                    // A connection never made carried nothing; any other failure may have
                    // carried the whole request.
                    in_doubt = !e.is_connect();
                    format!("no answer: {e}")
                }
                Ok(r) => {
                    let status = r.status().as_u16();
                    let retry_after = retry_after(r.headers());
                    let text = read_capped(r).await;
                    match status {
                        200..=299 if text.trim().is_empty() => {
                            return Ok(Posted::Failed(format!(
                                "Action Network: not recorded, an empty body (HTTP {status}; often a missing or invalid email address)"
                            )));
                        }
                        200..=299 => return Ok(Posted::Sent(signature_id(&text))),
                        300..=399 => return Err(ApiError::Redirected(status)),
                        401 => return Err(ApiError::Unauthorized),
                        403 => return Err(ApiError::Forbidden),
                        404 => return Err(ApiError::NoSuchPetition(target.id.clone())),
                        429 => {
                            let wait = match retry_after {
                                Some(wait) => wait,
                                None => self.throttled(throttled).await,
                            };
                            throttled += 1;
                            tokio::time::sleep(wait).await;
                            continue;
                        }
                        500..=599 => {
                            in_doubt = true;
                            refusal(status)
                        }
                        _ => {
                            return Ok(Posted::Failed(format!(
                                "Action Network: {}",
                                refusal(status)
                            )));
                        }
                    }
                }
            };
            failures += 1;
            if failures >= MAX_ATTEMPTS {
                return Ok(Posted::Deferred(transient));
            }
            let mut wait = self.backoff(failures - 1).await;
            if in_doubt {
                // A request we stopped waiting for may still be at work over there: give it
                // time to land before asking whether it did.
                wait = wait.max(self.min_wait);
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// The signature helper subscribes every person it has not seen before. So for a signer who
    /// did not opt in: if Action Network does not know their address, they are first made a
    /// person with the status `unsubscribed` (the person signup helper); a person it knows keeps
    /// their status, since the signature is then posted with none. `Some` when the record
    /// cannot go on now (the lookup could not be made: try later; the signup was refused).
    async fn unsubscribed_if_new(&self, record: &Record) -> Result<Option<Posted>, ApiError> {
        let email = record.email.trim();
        if email.is_empty() {
            return Ok(None);
        }
        match self.person_ids(email).await {
            Ok(ids) if !ids.is_empty() => return Ok(None),
            Ok(_) => {}
            Err(e @ ApiError::Unreachable(_)) => return Ok(Some(Posted::Deferred(e.to_string()))),
            Err(e) => return Err(e),
        }
        let mut person = person_json(record);
        person["email_addresses"][0]["status"] = json!("unsubscribed");
        let body = json!({ "person": person }).to_string();
        let url = self.url("people")?;
        match self
            .exchange(|| self.http.post(url.clone()).body(body.clone()))
            .await
        {
            Ok(_) => Ok(None),
            Err(e @ ApiError::Unreachable(_)) => Ok(Some(Posted::Deferred(e.to_string()))),
            Err(ApiError::Refused { status, .. }) => Ok(Some(Posted::Failed(format!(
                "Action Network: the person could not be added unsubscribed, {}",
                refusal(status)
            )))),
            Err(e) => Err(e),
        }
    }

    /// Action Network's ids of the people with this email address (one at most: people are
    /// kept one per address).
    async fn person_ids(&self, email: &str) -> Result<Vec<String>, ApiError> {
        let mut people = self.url("people")?;
        // OData string literal: a quote is written twice.
        people.query_pairs_mut().append_pair(
            "filter",
            &format!("email_address eq '{}'", email.replace('\'', "''")),
        );
        let found = self.get_json(people).await?;
        Ok(found["_embedded"]["osdi:people"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(action_network_id)
            .collect())
    }

    /// Makes sure the account has every tag in `names`: Action Network matches `add_tags` to
    /// existing tags by name and silently drops the others, so a run creates the missing ones
    /// (`placard`, the event's) before it starts.
    pub async fn ensure_tags(&self, names: &[String]) -> Result<(), ApiError> {
        let mut have = std::collections::HashSet::new();
        self.walk(self.url("tags")?, "osdi:tags", |t| {
            if let Some(name) = t["name"].as_str() {
                have.insert(name.to_owned());
            }
            None::<()>
        })
        .await?;
        for name in names.iter().filter(|n| !have.contains(*n)) {
            let body = json!({ "name": name }).to_string();
            self.post_json(self.url("tags")?, body).await?;
        }
        Ok(())
    }

    /// A POST whose answer is only checked (tags): 2xx, else the error.
    async fn post_json(&self, url: url::Url, body: String) -> Result<(), ApiError> {
        self.exchange(|| self.http.post(url.clone()).body(body.clone()))
            .await
            .map(drop)
    }

    /// One request, made again by `request` as often as needed: through 429s (waiting as told),
    /// and through 5xx answers and network errors up to [`MAX_ATTEMPTS`] (then `Unreachable`).
    /// A 2xx gives its status and body; a redirect, 401 or 403 stop (the run stops); any other
    /// answer is `Refused` with its status and a fixed category, never the server's words.
    async fn exchange(
        &self,
        request: impl Fn() -> reqwest::RequestBuilder,
    ) -> Result<(u16, String), ApiError> {
        let mut failures = 0u32;
        loop {
            let transient = match self.send(request()).await {
                Err(e) => e.to_string(),
                Ok(r) => {
                    let status = r.status().as_u16();
                    let retry_after = retry_after(r.headers());
                    let text = read_capped(r).await;
                    match status {
                        200..=299 => return Ok((status, text)),
                        300..=399 => return Err(ApiError::Redirected(status)),
                        401 => return Err(ApiError::Unauthorized),
                        403 => return Err(ApiError::Forbidden),
                        429 => {
                            let wait = match retry_after {
                                Some(w) => w,
                                None => self.throttled(failures).await,
                            };
                            tokio::time::sleep(wait).await;
                            continue;
                        }
                        500..=599 => refusal(status),
                        _ => {
                            return Err(ApiError::Refused {
                                status,
                                reason: refusal(status),
                            });
                        }
                    }
                }
            };
            failures += 1;
            if failures >= MAX_ATTEMPTS {
                return Err(ApiError::Unreachable(transient));
            }
            tokio::time::sleep(self.backoff(failures - 1).await).await;
        }
    }

    /// Action Network's id for the signature carrying `record`'s `placard:RECORD_ID`, if one
    /// arrived: the person with the record's email address (people are kept one per address),
    /// then that person's signatures, page by page. `None` when there is no such signature, or
    /// no email address to look for.
    pub async fn find_signature(
        &self,
        target: &Target,
        record: &Record,
    ) -> Result<Option<String>, ApiError> {
        let email = record.email.trim();
        if email.is_empty() {
            return Ok(None);
        }
        let mut people = self.url("people")?;
        // OData string literal: a quote is written twice.
        people.query_pairs_mut().append_pair(
            "filter",
            &format!("email_address eq '{}'", email.replace('\'', "''")),
        );
        let found = self.get_json(people).await?;
        let wanted = format!("placard:{}", record.record_id);
        let petition = format!("petitions/{}", target.id);
        for person in found["_embedded"]["osdi:people"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let Some(person_id) = action_network_id(person) else {
                continue;
            };
            let first = self.url(&format!("people/{person_id}/signatures"))?;
            let found = self
                .walk(first, "osdi:signatures", |signature| {
                    let ours = signature["identifiers"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|i| i.as_str() == Some(&wanted));
                    // The signature's petition, when the answer links it, must be the target.
                    let on_target = signature["_links"]["osdi:petition"]["href"]
                        .as_str()
                        .is_none_or(|h| h.trim_end_matches('/').ends_with(&petition));
                    (ours && on_target).then(|| action_network_id(signature).unwrap_or_default())
                })
                .await?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// Every petition the API key can see: (id, browser URL, title), following
    /// `_links.next` page by page (25 each).
    pub async fn petitions(&self) -> Result<Vec<ListedPetition>, ApiError> {
        let mut out = Vec::new();
        self.walk(self.url("petitions")?, "osdi:petitions", |p| {
            if let Some(id) = action_network_id(p) {
                out.push(ListedPetition {
                    id,
                    browser_url: p["browser_url"].as_str().unwrap_or("").to_owned(),
                    title: p["title"].as_str().unwrap_or("").to_owned(),
                });
            }
            None::<()>
        })
        .await?;
        Ok(out)
    }

    /// Walks a collection from `first` page by page along `_links.next`, showing `visit`
    /// each item under `_embedded[embedded]`, until `visit` returns something.
    async fn walk<T>(
        &self,
        first: url::Url,
        embedded: &str,
        mut visit: impl FnMut(&Value) -> Option<T>,
    ) -> Result<Option<T>, ApiError> {
        let mut next = Some(first);
        let mut pages = 0;
        while let Some(url) = next.take() {
            pages += 1;
            if pages > 10_000 {
                break; // a `next` that loops
            }
            let page = self.get_json(url).await?;
            for item in page["_embedded"][embedded].as_array().into_iter().flatten() {
                if let Some(found) = visit(item) {
                    return Ok(Some(found));
                }
            }
            next = page["_links"]["next"]["href"]
                .as_str()
                .and_then(|h| url::Url::parse(h).ok());
            // The token goes only to the API it was given for.
            if let Some(n) = &next
                && n.origin() != self.base.origin()
            {
                return Err(ApiError::ForeignLink(n.to_string()));
            }
        }
        Ok(None)
    }

    async fn get_json(&self, url: url::Url) -> Result<Value, ApiError> {
        let (status, text) = self.exchange(|| self.http.get(url.clone())).await?;
        serde_json::from_str(&text).map_err(|e| ApiError::Refused {
            status,
            reason: format!("unreadable answer: {e}"),
        })
    }
}

/// A petition as the listing shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedPetition {
    pub id: String,
    pub browser_url: String,
    pub title: String,
}

/// The petition among `listed` that `wanted` names: its Action Network URL, or a slug that
/// ends its browser URL (`…/petitions/SLUG`).
pub fn find_petition<'a>(listed: &'a [ListedPetition], wanted: &str) -> Option<&'a ListedPetition> {
    let wanted = wanted.trim().trim_end_matches('/');
    let slug = wanted.rsplit('/').next().unwrap_or(wanted);
    listed.iter().find(|p| {
        let url = p.browser_url.trim_end_matches('/');
        url == wanted || url.rsplit('/').next() == Some(slug)
    })
}

/// What the fan-out knows of a petition from its pack (nothing, without one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PetitionMeta {
    /// `action_network_petition_slug`, when the file gives one.
    pub slug: Option<String>,
    /// `action_network_url`, when the file gives one.
    pub url: Option<String>,
    /// `autoresponder_active`.
    pub autoresponse: bool,
}

impl PetitionMeta {
    /// What `pack` says of petition `id` (nothing when there is no pack, or no such petition).
    pub fn from_pack(pack: Option<&placard_petition::Pack>, id: &str) -> Self {
        pack.and_then(|p| p.get(id))
            .map(|e| {
                let p = &e.original.petition;
                Self {
                    slug: p.action_network.slug.clone(),
                    url: p.action_network.url.clone(),
                    autoresponse: p.autoresponder.active,
                }
            })
            .unwrap_or_default()
    }
}

/// Action Network's petition for each petition `records` were signed on: `given` first
/// (keyed by the petition's own id or its Action Network slug), else the listing (fetched
/// once, only if needed) matched against the petition's URL, else its slug, else its own id.
/// Returns the targets and the ids nothing matched (their records wait for a later run).
pub async fn resolve(
    client: &Client,
    records: &[Record],
    given: &HashMap<String, String>,
    meta: impl Fn(&str) -> PetitionMeta,
) -> Result<(HashMap<String, Target>, Vec<String>), ApiError> {
    let petition_ids: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r.petition_id.as_str()).collect();
    let mut listed: Option<Vec<ListedPetition>> = None;
    let mut targets = HashMap::new();
    let mut unmatched = Vec::new();
    for id in petition_ids {
        let m = meta(id);
        let slug = m.slug.clone().unwrap_or_else(|| id.to_owned());
        let found = match given.get(id).or_else(|| given.get(&slug)) {
            Some(an_id) => Some(an_id.clone()),
            None => {
                if listed.is_none() {
                    listed = Some(client.petitions().await?);
                }
                let all = listed.as_deref().unwrap_or_default();
                m.url
                    .as_deref()
                    .and_then(|u| find_petition(all, u))
                    .or_else(|| find_petition(all, &slug))
                    .map(|p| p.id.clone())
            }
        };
        match found {
            Some(an_id) => {
                targets.insert(
                    id.to_owned(),
                    Target {
                        id: an_id,
                        autoresponse: m.autoresponse,
                    },
                );
            }
            None => unmatched.push(id.to_owned()),
        }
    }
    Ok((targets, unmatched))
}

/// The signature helper's body for `record` (see the module docs; `add_tags` are the event's
/// tags and `placard`; `identifiers` carry the record id so a repeat can be recognised).
pub fn signature_body(record: &Record, autoresponse: bool) -> Value {
    let mut person = person_json(record);
    if record.subscribe {
        person["email_addresses"][0]["status"] = json!("subscribed");
    }
    let mut tags: Vec<&str> = record.event.tags.iter().map(String::as_str).collect();
    if !tags.contains(&"placard") {
        tags.push("placard");
    }
    let mut body = json!({
        "person": person,
        "add_tags": tags,
        "identifiers": [format!("placard:{}", record.record_id)],
        "triggers": {"autoresponse": {"enabled": autoresponse}},
    });
    let source = record.event.source_code();
    if !source.is_empty() {
        body["action_network:referrer_data"] = json!({ "source": source });
    }
    if !record.comment.is_empty() {
        body["comments"] = json!(record.comment);
    }
    body
}

/// The tags a run of `records` adds: `placard` and every event's.
pub fn run_tags(records: &[Record]) -> Vec<String> {
    let mut tags = vec!["placard".to_owned()];
    for t in records.iter().flat_map(|r| &r.event.tags) {
        if !tags.contains(t) {
            tags.push(t.clone());
        }
    }
    tags
}

/// The person as both helpers take them (no email status: the caller decides).
fn person_json(record: &Record) -> Value {
    let mut person = json!({
        "given_name": record.given_name,
        "email_addresses": [{"address": record.email}],
    });
    if !record.family_name.is_empty() {
        person["family_name"] = json!(record.family_name);
    }
    let mut address = json!({ "country": record.country });
    if !record.postal_code.is_empty() {
        address["postal_code"] = json!(record.postal_code);
    }
    if !record.street_address.is_empty() {
        address["address_lines"] = json!([record.street_address]);
    }
    if !record.city.is_empty() {
        address["locality"] = json!(record.city);
    }
    person["postal_addresses"] = json!([address]);
    if !record.phone.is_empty() {
        person["phone_numbers"] = json!([{"number": record.phone}]);
    }
    person
}

/// `Retry-After` as a wait: delta-seconds or an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// Action Network's id for a recorded signature, from its `identifiers`.
fn signature_id(body: &str) -> Option<String> {
    action_network_id(&serde_json::from_str(body).ok()?)
}

/// A resource's own id: its `action_network:…` identifier.
fn action_network_id(resource: &Value) -> Option<String> {
    resource["identifiers"]
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .find_map(|i| i.strip_prefix("action_network:"))
        .map(str::to_owned)
}

/// The most of one answer the client reads: a page of 25 people or petitions is a few tens of
/// KiB. An answer past it (a hostile or broken server sending without end) is cut there, and
/// then fails to parse, rather than filling memory.
pub const MAX_ANSWER: usize = 4 << 20;

/// `r`'s body as text, read up to [`MAX_ANSWER`] bytes (an unreadable one is empty).
async fn read_capped(mut r: reqwest::Response) -> String {
    let mut body = Vec::new();
    while let Ok(Some(chunk)) = r.chunk().await {
        let room = MAX_ANSWER.saturating_sub(body.len());
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if chunk.len() > room {
            break;
        }
    }
    String::from_utf8_lossy(&body).into_owned()
}

/// A destination's answer as Placard keeps and shows it: its HTTP status and a fixed category,
/// never its own words. A server may echo what it was sent ("x@y is not valid for Ada"), and
/// reasons are stored beside the records and shown on screen, where no signer data may be.
pub fn refusal(status: u16) -> String {
    let category = match status {
        400 | 422 => "refused as invalid",
        401 | 403 => "not allowed",
        404 | 410 => "not found",
        409 => "a conflict with what is there",
        413 => "too large",
        429 => "too many requests",
        500..=599 => "a server error",
        _ => "refused",
    };
    format!("{category} (HTTP {status})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petitions_are_found_by_url_or_slug() {
        let listed = vec![
            ListedPetition {
                id: "a1".into(),
                browser_url: "https://actionnetwork.org/petitions/encryption-is-not-a-crime".into(),
                title: "E".into(),
            },
            ListedPetition {
                id: "b2".into(),
                browser_url: "https://actionnetwork.org/petitions/defend-encryption/".into(),
                title: "D".into(),
            },
        ];
        assert_eq!(
            find_petition(&listed, "encryption-is-not-a-crime")
                .unwrap()
                .id,
            "a1"
        );
        assert_eq!(
            find_petition(
                &listed,
                "https://actionnetwork.org/petitions/defend-encryption"
            )
            .unwrap()
            .id,
            "b2"
        );
        assert!(find_petition(&listed, "nope").is_none());
    }
}
