//! What the HTTP benchmarks share: where PostgreSQL is, how many clients, percentiles, and a
//! fresh PostgreSQL database per run.

#![allow(dead_code)] // Each benchmark uses what it needs.

use std::time::Duration;

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
