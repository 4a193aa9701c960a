//! A store's long-lived pool is warm: all its connections are open before the first job, and
//! one that closes is opened again in the background, not by the next job.

use super::reconnect_tests::dataset;
use super::{SqlConnector, SqlUrl, open::POOL_SIZE};
use crate::reach::Reach;

async fn shop(dir: &std::path::Path) -> SqlUrl {
    let path = dir.join("shop.db");
    let setup = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap();
    sqlx::query("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, email TEXT)")
        .execute(&setup)
        .await
        .unwrap();
    setup.close().await;
    SqlUrl::Sqlite(path.display().to_string())
}

/// Waits up to five seconds for the pool to hold `n` connections.
async fn holds(store: &SqlConnector, n: u32) -> bool {
    for _ in 0..100 {
        if store.open_connections() == n {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn a_kept_pool_opens_every_connection_at_once_and_replaces_a_closed_one() {
    let dir = std::env::temp_dir().join(format!("steward-kept-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = shop(&dir).await;
    let reach = Reach::default().with_sqlite(Some(dir.clone()), vec![]);

    let once = SqlConnector::connect(&url, dataset(), b"k".to_vec(), &reach)
        .await
        .unwrap();
    assert_eq!(
        once.open_connections(),
        1,
        "a one-off check opens one connection"
    );
    once.close().await;

    let kept = SqlConnector::connect_kept(&url, dataset(), b"k".to_vec(), &reach)
        .await
        .unwrap();
    assert_eq!(
        kept.open_connections(),
        POOL_SIZE,
        "every connection is open before the first job"
    );
    kept.reconnect_for_tests().await;
    assert!(
        holds(&kept, POOL_SIZE).await,
        "a closed connection is opened again without a job asking: {} open",
        kept.open_connections()
    );
    kept.prepare().await.expect("the schema is read ahead");
    kept.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
