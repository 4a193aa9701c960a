//! What the HTTP benchmarks share: where PostgreSQL is, how many clients, percentiles, and a
//! fresh PostgreSQL database per run.

#![allow(dead_code)] // Each benchmark uses what it needs.

pub mod shop;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const CLIENTS: usize = 16;
pub const PG: &str = "postgres://postgres@127.0.0.1:5432";

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

/// A fresh PostgreSQL database for the run (dropped by hand: `DROP DATABASE <name>`).
pub async fn create_database(db: &str) -> Result<(), String> {
    let admin = sqlx::PgPool::connect(&format!("{PG}/test"))
        .await
        .map_err(|e| format!("PostgreSQL on 127.0.0.1:5432 not reachable: {e}"))?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
        .execute(&admin)
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Sends `total` requests from [`CLIENTS`] concurrent clients, request `i` built by
/// `request(client, i)`; each must answer 201. Prints the rate (`unit` per second) and the
/// latency percentiles the clients saw.
pub async fn load<F>(label: &str, unit: &str, total: usize, request: F)
where
    F: Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let (next, request) = (Arc::new(AtomicUsize::new(0)), Arc::new(request));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (next, request) = (next.clone(), request.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut took = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    return took;
                }
                let t = Instant::now();
                let res = request(&client, i)
                    .send()
                    .await
                    .expect("the server answers");
                let status = res.status();
                assert!(
                    status.is_success(),
                    "{status}: {}",
                    res.text().await.unwrap_or_default()
                );
                took.push(t.elapsed());
            }
        }));
    }
    let mut all = Vec::with_capacity(total);
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let elapsed = started.elapsed();
    all.sort();
    println!(
        "{label:<11} {total} {unit}, {CLIENTS} clients: {:>7.0} {unit}/s   p50 {:>6.1} ms   p99 {:>6.1} ms   max {:>6.1} ms",
        total as f64 / elapsed.as_secs_f64(),
        percentile(&all, 0.50).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.last().unwrap().as_secs_f64() * 1e3,
    );
}
