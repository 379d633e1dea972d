//! Benchmark (`./dev bench`, never `./dev test`): sealed records from one vault to the real
//! collector on loopback, in records per second, beside a baseline of raw HTTP POSTs of the
//! same bodies to an endpoint that only reads them, in the same run.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use placard_sync::wire::Batch;

use common::{Backend, Collector, enroll_vault, kiosk_prefilled, sync_all};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: ./dev bench"]
async fn bench_sync_throughput() {
    let n: u64 = std::env::var("PLACARD_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let per_batch = 500;
    let (pristine, vault) = kiosk_prefilled(n, "encryption-is-not-a-crime");
    drop(vault);
    // Each run starts from its own copy of the untouched vault.
    let copy = || {
        let copy = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(pristine.path()).unwrap() {
            let p = entry.unwrap().path();
            std::fs::copy(&p, copy.path().join(p.file_name().unwrap())).unwrap();
        }
        copy
    };

    // The bodies the sync will send, built once for the baseline.
    let scratch_dir = copy();
    let mut scratch = placard_vault::Vault::open(scratch_dir.path()).unwrap();
    let mut bodies = Vec::new();
    let mut batches = Vec::new();
    let (mut json_bytes, mut sealed_bytes) = (0usize, 0usize);
    while let Some(b) = scratch.next_batch(per_batch, 16 << 20).unwrap() {
        let ids: Vec<String> = b.rows.iter().map(|r| r.id.clone()).collect();
        batches.push(
            b.rows
                .iter()
                .map(|r| (r.id.clone(), r.sealed.clone()))
                .collect::<Vec<_>>(),
        );
        let batch = Batch::from_outbox(scratch.device_id(), &b)
            .unwrap()
            .signed_by(&scratch.device_key().unwrap());
        json_bytes += serde_json::to_vec(&batch).unwrap().len();
        sealed_bytes += batch.records.iter().map(|r| r.sealed.len()).sum::<usize>();
        bodies.push(batch.to_binary());
        scratch.acknowledge(b.batch_id, &ids).unwrap();
    }
    let bytes: usize = bodies.iter().map(Vec::len).sum();

    // Baseline: the same bodies POSTed to an endpoint that reads them and answers 200.
    let sink = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sink_url = format!("http://{}/sink", sink.local_addr().unwrap());
    tokio::spawn(async move {
        let app = axum::Router::new().route(
            "/sink",
            axum::routing::post(|body: axum::body::Bytes| async move { body.len().to_string() }),
        );
        axum::serve(sink, app).await.unwrap();
    });
    let client = reqwest::Client::new();
    let t = Instant::now();
    for body in &bodies {
        let r = client
            .post(&sink_url)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());
        r.bytes().await.unwrap();
    }
    let baseline = n as f64 / t.elapsed().as_secs_f64();

    println!(
        "sync {n} sealed records ({:.1} MiB in {} batches of {per_batch}) to the collector on loopback:",
        bytes as f64 / (1 << 20) as f64,
        bodies.len()
    );
    println!("  raw HTTP POST (same bodies, trivial endpoint): {baseline:9.0} records/s");
    let per = |b: usize| b as f64 / n as f64;
    println!(
        "  body per record: {:.0} bytes binary, {:.0} JSON with base64 ({:.2} of it); sealed {:.0}",
        per(bytes),
        per(json_bytes),
        bytes as f64 / json_bytes as f64,
        per(sealed_bytes)
    );

    // What storing alone costs: the same ids and sealed bytes, in the same batches, into a
    // bare table with one durable commit per batch — the least any collector that keeps the
    // records in SQLite or PostgreSQL must do. No HTTP, no signature, no kiosk: if this is
    // already far below the baseline, no sync can come near it.
    println!(
        "  storing alone (same ids and sealed bytes, bare table, one durable commit per batch):"
    );
    let floor = |label: &str, secs: f64| {
        let rate = n as f64 / secs;
        println!(
            "    {label:<44} {rate:9.0} records/s; ratio {:.2}",
            rate / baseline
        );
        rate
    };
    let sqlite_floor = floor("SQLite", sqlite_floor_secs(&batches, false));
    floor(
        "SQLite, 64 KiB pages, no checkpoints",
        sqlite_floor_secs(&batches, true),
    );
    let pg_floor = postgres_floor(&batches)
        .await
        .map(|secs| floor("PostgreSQL, COPY BINARY", secs));

    // What the records' provenance costs alone: the kiosk signing each record as it leaves and
    // the collector checking each signature, for the same batches (both on this machine, as
    // in the sync below).
    let key = scratch.device_key().unwrap();
    let public =
        placard_sync::signing::public_key_of_pkcs8(&scratch.device_key_pkcs8().unwrap()).unwrap();
    let wires: Vec<Batch> = bodies
        .iter()
        .map(|b| Batch::from_body(b).unwrap())
        .collect();
    let t = Instant::now();
    let signed: Vec<Batch> = wires.into_iter().map(|b| b.signed_by(&key)).collect();
    let signing = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for b in &signed {
        assert_eq!(b.first_unsigned(&public), None);
    }
    let checking = t.elapsed().as_secs_f64();
    println!(
        "  provenance alone: signing {:.1} ms and checking {:.1} ms per batch of {per_batch} \
         ({:.0} records/s one after the other); storing alone (SQLite) {:.1} ms",
        signing * 1000.0 / signed.len() as f64,
        checking * 1000.0 / signed.len() as f64,
        n as f64 / (signing + checking),
        per_batch as f64 * 1000.0 / sqlite_floor
    );

    // The real thing: engine, signatures, verification, one durable commit per batch at the
    // collector, the acknowledgement committed back into the vault.
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(c) = Collector::start_on(backend) else {
            continue;
        };
        let dir = copy();
        let vault = placard_vault::Vault::open(dir.path()).unwrap();
        enroll_vault(&c, &vault, "bench").await;
        let t = Instant::now();
        let sent = sync_all(&c.url, vault, per_batch).await;
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(sent, n);
        assert_eq!(c.stats()["records"], n);
        let rate = n as f64 / secs;
        let floor = match backend {
            Backend::Sqlite => Some(sqlite_floor),
            Backend::Postgres => pg_floor,
        };
        println!(
            "  placard sync, {:<10}  {rate:9.0} records/s  ({secs:.2} s); ratio {:.2}; {:.2} of storing alone",
            format!("{backend:?}:"),
            rate / baseline,
            rate / floor.unwrap_or(f64::NAN)
        );
    }

    // Bytes on the wire: a kiosk syncs through a relay that counts what it carries each way
    // (HTTP heads, signatures, acknowledgements and all), on SQLite.
    let c = Collector::start();
    let wire_n = n.min(20_000);
    let (dir, vault) = kiosk_prefilled(wire_n, "encryption-is-not-a-crime");
    let sealed_here: usize = {
        let mut v = placard_vault::Vault::open(dir.path()).unwrap();
        let b = v.next_batch(per_batch, 16 << 20).unwrap().unwrap();
        b.rows.iter().map(|r| r.sealed.len()).sum::<usize>() / b.rows.len()
    };
    enroll_vault(&c, &vault, "wire").await;
    let (relay, up, down) = counting_relay(common::host_port(&c.url)).await;
    let via = url::Url::parse(&format!("http://{relay}/")).unwrap();
    assert_eq!(sync_all(&via, vault, per_batch).await, wire_n);
    // The relay counts a connection when it closes: the kiosk's client has just been dropped.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let up = up.load(std::sync::atomic::Ordering::SeqCst) as f64 / wire_n as f64;
    let down = down.load(std::sync::atomic::Ordering::SeqCst) as f64 / wire_n as f64;
    println!(
        "  on the wire, {wire_n} records: {up:.0} bytes per record to the collector, {down:.0} back; \
         sealed {sealed_here} bytes: ratio {:.3}",
        up / sealed_here as f64
    );
    println!(
        "  goals: ≥ 10,000 records/s on both backends, ≥ 0.5 × storing alone on SQLite, \
         bytes on the wire per record ≤ 1.1 × sealed"
    );
}

/// A TCP relay to `target` that counts the bytes it carries each way.
async fn counting_relay(
    target: String,
) -> (
    String,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (up, down) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (u, d) = (up.clone(), down.clone());
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let (u, d, target) = (u.clone(), d.clone(), target.clone());
            tokio::spawn(async move {
                let Ok(mut server) = tokio::net::TcpStream::connect(target).await else {
                    return;
                };
                if let Ok((to_server, to_client)) =
                    tokio::io::copy_bidirectional(&mut client, &mut server).await
                {
                    u.fetch_add(usize::try_from(to_server).unwrap_or(0), Ordering::SeqCst);
                    d.fetch_add(usize::try_from(to_client).unwrap_or(0), Ordering::SeqCst);
                }
            });
        }
    });
    (addr, up, down)
}

type Rows = Vec<(String, Vec<u8>)>;

/// Seconds to write `batches` into a bare SQLite table, WAL and `synchronous=FULL` as the
/// collector opens its database, one transaction per batch. `tuned`: 64 KiB pages and no
/// checkpoints while it runs (the most SQLite's own settings can take off).
fn sqlite_floor_secs(batches: &[Rows], tuned: bool) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let mut db = rusqlite::Connection::open(dir.path().join("floor.db")).unwrap();
    if tuned {
        db.pragma_update(None, "page_size", 65536).unwrap();
    }
    db.pragma_update(None, "journal_mode", "WAL").unwrap();
    db.pragma_update(None, "synchronous", "FULL").unwrap();
    if tuned {
        db.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    }
    db.execute_batch("CREATE TABLE r (id TEXT PRIMARY KEY, sealed BLOB NOT NULL)")
        .unwrap();
    let t = Instant::now();
    for batch in batches {
        let tx = db
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .unwrap();
        {
            let mut insert = tx
                .prepare_cached("INSERT INTO r (id, sealed) VALUES (?1, ?2)")
                .unwrap();
            for (id, sealed) in batch {
                insert.execute(rusqlite::params![id, sealed]).unwrap();
            }
        }
        tx.commit().unwrap();
    }
    t.elapsed().as_secs_f64()
}

/// Seconds to write `batches` into a bare PostgreSQL table with `COPY … BINARY`, its fastest
/// way in, one transaction per batch; `None` when the PostgreSQL tests are left out.
async fn postgres_floor(batches: &[Rows]) -> Option<f64> {
    use tokio_postgres::binary_copy::BinaryCopyInWriter;
    use tokio_postgres::types::Type;

    let (url, _db) = common::pg_database()?;
    let (mut client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    client
        .batch_execute("CREATE TABLE r (id text PRIMARY KEY, sealed bytea NOT NULL)")
        .await
        .unwrap();
    let t = Instant::now();
    for batch in batches {
        let tx = client.transaction().await.unwrap();
        let sink = tx
            .copy_in("COPY r (id, sealed) FROM STDIN BINARY")
            .await
            .unwrap();
        let mut writer = std::pin::pin!(BinaryCopyInWriter::new(sink, &[Type::TEXT, Type::BYTEA]));
        for (id, sealed) in batch {
            writer.as_mut().write(&[id, sealed]).await.unwrap();
        }
        writer.finish().await.unwrap();
        tx.commit().await.unwrap();
    }
    Some(t.elapsed().as_secs_f64())
}

/// The console's overview at a million records (`PLACARD_BENCH_OVERVIEW_RECORDS`): its figures
/// come from running totals (`tallies`), beside a baseline of the same figures counted from the
/// records themselves — the scan the overview made before — on the same database, in the same
/// run. The totals are made by the migration, as for a collector that held records before it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: ./dev bench"]
async fn bench_overview_at_a_million() {
    let n: u64 = std::env::var("PLACARD_BENCH_OVERVIEW_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collector.db");
    let url = format!("sqlite://{}", path.display());
    drop(placard_collector::store::Store::open(&url).await.unwrap());
    // A season's records: 20 kiosks, 8 petitions, 400 hours, each the size of a real sealed one.
    let filled = Instant::now();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "BEGIN;
             WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {n})
             INSERT INTO records (id, device_id, batch_id, petition_id, captured_at, sealed, received_at)
             SELECT printf('%036d', x), 'device-' || (x % 20), 'batch-' || (x / 500),
                    'petition-' || (x % 8),
                    strftime('%Y-%m-%dT%H:00:00Z', '2026-11-01', '+' || (x % 400) || ' hours'),
                    zeroblob(1318), '2026-11-30T00:00:00.000Z'
             FROM c;
             COMMIT;"
        ))
        .unwrap();
        common::before_tallies(&conn);
    }
    let filled = filled.elapsed();
    let migrated = Instant::now();
    let store = placard_collector::store::Store::open(&url).await.unwrap();
    let migrated = migrated.elapsed();

    let (totals, (stats, hours)) = read_overview(&store).await;

    // The baseline: the same figures counted from the records.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut scans = Vec::new();
    let mut counted = None;
    for _ in 0..5 {
        let t = Instant::now();
        let held: i64 = conn
            .query_row("SELECT COUNT(*) FROM records", [], |r| r.get(0))
            .unwrap();
        let grouped = |sql: &str| -> Vec<(String, u64)> {
            let mut q = conn.prepare(sql).unwrap();
            q.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let by_device = grouped(
            "SELECT device_id, COUNT(*) FROM records GROUP BY device_id ORDER BY device_id",
        );
        let by_petition = grouped(
            "SELECT petition_id, COUNT(*) FROM records GROUP BY petition_id ORDER BY petition_id",
        );
        let per_hour = grouped(
            "SELECT captured_at, COUNT(*) FROM records WHERE captured_at >= '2026-11-10T00:00:00Z'
             GROUP BY captured_at ORDER BY captured_at",
        );
        scans.push(t.elapsed().as_secs_f64() * 1000.0);
        counted = Some((held as u64, by_device, by_petition, per_hour));
    }
    let (held, by_device, by_petition, per_hour) = counted.unwrap();
    assert_eq!(stats.held, n);
    assert_eq!(
        (stats.held, &stats.by_device, &stats.by_petition, &hours),
        (held, &by_device, &by_petition, &per_hour),
        "the running totals are the counts"
    );

    report_overview(
        n,
        "SQLite",
        &format!(
            "filled in {:.1} s; the migration made the running totals in {:.1} s",
            filled.as_secs_f64(),
            migrated.as_secs_f64()
        ),
        totals,
        scans,
    );
}

/// As [`bench_overview_at_a_million`], on PostgreSQL: the same records (filled by
/// `generate_series`, with their running totals made by the same grouping the migration uses),
/// the overview's figures from the totals beside the scan they replace, in the same run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: ./dev bench"]
async fn bench_overview_at_a_million_postgres() {
    let n: u64 = std::env::var("PLACARD_BENCH_OVERVIEW_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (url, _db) = common::pg_database().expect("PLACARD_TEST_POSTGRES (./dev bench sets it)");
    drop(placard_collector::store::Store::open(&url).await.unwrap());
    let filled = Instant::now();
    common::psql(
        &url,
        &format!(
            "INSERT INTO records (id, device_id, batch_id, petition_id, captured_at, sealed)
             SELECT lpad(x::text, 36, '0'), 'device-' || (x % 20), 'batch-' || (x / 500),
                    'petition-' || (x % 8),
                    to_char(timestamp '2026-11-01' + (x % 400) * interval '1 hour',
                            'YYYY-MM-DD\"T\"HH24:00:00\"Z\"'),
                    decode(repeat('00', 1318), 'hex')
             FROM generate_series(1, {n}) AS x;
             INSERT INTO tallies (device_id, petition_id, hour, n)
             SELECT device_id, petition_id, captured_at, COUNT(*) FROM records
             GROUP BY device_id, petition_id, captured_at;
             ANALYZE;"
        ),
    );
    let filled = filled.elapsed();
    let store = placard_collector::store::Store::open(&url).await.unwrap();
    let (totals, (stats, hours)) = read_overview(&store).await;
    let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(conn);
    let mut scans = Vec::new();
    let mut counted = None;
    for _ in 0..5 {
        let t = Instant::now();
        let held: i64 = client
            .query_one("SELECT COUNT(*) FROM records", &[])
            .await
            .unwrap()
            .get(0);
        let mut grouped = Vec::new();
        for sql in [
            "SELECT device_id, COUNT(*) FROM records GROUP BY device_id ORDER BY device_id",
            "SELECT petition_id, COUNT(*) FROM records GROUP BY petition_id ORDER BY petition_id",
            "SELECT captured_at, COUNT(*) FROM records WHERE captured_at >= '2026-11-10T00:00:00Z'
             GROUP BY captured_at ORDER BY captured_at",
        ] {
            let rows: Vec<(String, u64)> = client
                .query(sql, &[])
                .await
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get::<_, i64>(1) as u64))
                .collect();
            grouped.push(rows);
        }
        scans.push(t.elapsed().as_secs_f64() * 1000.0);
        counted = Some((held as u64, grouped));
    }
    let (held, grouped) = counted.unwrap();
    assert_eq!(stats.held, n);
    assert_eq!(
        (stats.held, &stats.by_device, &stats.by_petition, &hours),
        (held, &grouped[0], &grouped[1], &grouped[2]),
        "the running totals are the counts"
    );
    report_overview(
        n,
        "PostgreSQL",
        &format!(
            "filled (records and their totals) in {:.1} s",
            filled.as_secs_f64()
        ),
        totals,
        scans,
    );
}

/// The overview's figures read 15 times from the running totals: each time (ms) and the last.
async fn read_overview(
    store: &placard_collector::store::Store,
) -> (
    Vec<f64>,
    (placard_collector::store::Stats, Vec<(String, u64)>),
) {
    let mut totals = Vec::new();
    let mut figures = None;
    for _ in 0..15 {
        let t = Instant::now();
        let stats = store.stats().await.unwrap();
        let hours = store.per_hour("2026-11-10T00:00:00Z").await.unwrap();
        totals.push(t.elapsed().as_secs_f64() * 1000.0);
        figures = Some((stats, hours));
    }
    (totals, figures.unwrap())
}

/// Prints an overview benchmark's medians: from the running totals, beside the scan.
fn report_overview(n: u64, backend: &str, filled: &str, mut totals: Vec<f64>, mut scans: Vec<f64>) {
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (runs, scanned) = (totals.len(), scans.len());
    let (fast, slow) = (median(&mut totals), median(&mut scans));
    println!(
        "the console's overview at {n} records ({backend}, release={}):",
        !cfg!(debug_assertions)
    );
    println!("  {filled}");
    println!("  overview from the running totals: median {fast:7.1} ms of {runs}");
    println!(
        "  baseline, counted from the records: median {slow:7.1} ms of {scanned}; ratio {:.5}",
        fast / slow
    );
    println!(
        "  goal ≤ 200 ms: {}",
        if fast <= 200.0 { "met" } else { "NOT met" }
    );
}
