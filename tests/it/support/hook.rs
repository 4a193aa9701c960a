//! A webhook receiver on loopback: records every POST (headers and body) and answers with a
//! status the test can change, to play a store that is up, down or misbehaving.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

#[derive(Debug, Clone)]
pub struct Hit {
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
    /// When the request arrived.
    pub at: std::time::Instant,
}

pub struct Hook {
    pub url: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    status: Arc<AtomicU16>,
    task: tokio::task::JoinHandle<()>,
}

impl Hook {
    pub async fn start() -> Hook {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/steward", l.local_addr().unwrap());
        let hits: Arc<Mutex<Vec<Hit>>> = Default::default();
        let status = Arc::new(AtomicU16::new(202));
        let (h, s) = (hits.clone(), status.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = l.accept().await {
                let (h, s) = (h.clone(), s.clone());
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut r = BufReader::new(read);
                    let mut line = String::new();
                    if r.read_line(&mut line).await.is_err() || !line.starts_with("POST") {
                        return;
                    }
                    let mut headers = HashMap::new();
                    loop {
                        line.clear();
                        if r.read_line(&mut line).await.unwrap_or(0) == 0 || line == "\r\n" {
                            break;
                        }
                        if let Some((k, v)) = line.trim_end().split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                    }
                    let len: usize = headers
                        .get("content-length")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let mut body = vec![0; len];
                    if r.read_exact(&mut body).await.is_err() {
                        return;
                    }
                    h.lock().unwrap().push(Hit {
                        headers,
                        body,
                        at: std::time::Instant::now(),
                    });
                    let code = s.load(Ordering::SeqCst);
                    let reply = format!(
                        "HTTP/1.1 {code} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    );
                    let _ = write.write_all(reply.as_bytes()).await;
                });
            }
        });
        Hook {
            url,
            hits,
            status,
            task,
        }
    }

    pub fn answer(&self, code: u16) {
        self.status.store(code, Ordering::SeqCst);
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }
}

impl Drop for Hook {
    fn drop(&mut self) {
        self.task.abort();
    }
}
