//! A small HTTP/1.1 server on 127.0.0.1 for the tests of `trame veille` and `check --links`:
//! each path answers what the test says, every request is recorded, and the server stops with
//! the test. Only the loopback address is ever used.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a path answers.
#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Never answer (until the server stops): a timeout.
    pub hang: bool,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            hang: false,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            hang: false,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn hang() -> Reply {
        Reply {
            hang: true,
            ..Reply::status(200)
        }
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: BTreeMap<String, String>,
}

type Handler = Box<dyn Fn(&Request, usize) -> Reply + Send + Sync>;

pub struct Server {
    pub port: u16,
    routes: Arc<Mutex<BTreeMap<String, Handler>>>,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        let port = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("{e}"))
            .port();
        let routes: Arc<Mutex<BTreeMap<String, Handler>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (r, l, s) = (routes.clone(), log.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (r, l, s) = (r.clone(), l.clone(), s.clone());
                std::thread::spawn(move || serve(conn, &r, &l, &s));
            }
        });
        Server {
            port,
            routes,
            log,
            stop,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// `path` answers `reply`, always.
    pub fn route(&self, path: &str, reply: Reply) {
        self.route_with(path, move |_, _| reply.clone());
    }

    /// `path` answers what `f` says, given the request and how many came to this path before.
    pub fn route_with(
        &self,
        path: &str,
        f: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static,
    ) {
        self.routes
            .lock()
            .unwrap_or_else(|e| panic!("{e}"))
            .insert(path.to_string(), Box::new(f));
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap_or_else(|e| panic!("{e}")).clone()
    }

    pub fn count(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }

    pub fn clear_log(&self) {
        self.log.lock().unwrap_or_else(|e| panic!("{e}")).clear();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(
    conn: TcpStream,
    routes: &Mutex<BTreeMap<String, Handler>>,
    log: &Mutex<Vec<Request>>,
    stop: &AtomicBool,
) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match conn.try_clone() {
        Ok(c) => c,
        Err(_) => return,
    });
    let mut conn = conn;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_string();
        let path = parts.next().unwrap_or_default().to_string();
        let mut headers = BTreeMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        if let Some(n) = headers
            .get("content-length")
            .and_then(|n| n.parse::<usize>().ok())
        {
            let mut body = vec![0; n];
            let _ = reader.read_exact(&mut body);
        }
        let req = Request {
            method,
            path: path.clone(),
            headers,
        };
        let before = {
            let mut l = log.lock().unwrap_or_else(|e| panic!("{e}"));
            let n = l.iter().filter(|r| r.path == path).count();
            l.push(req.clone());
            n
        };
        let reply = routes
            .lock()
            .unwrap_or_else(|e| panic!("{e}"))
            .get(&path)
            .map(|f| f(&req, before))
            .unwrap_or_else(|| Reply::status(404));
        if reply.hang {
            // Holds the connection open without answering until the client gives up (it
            // closes the connection) or the server stops.
            let mut byte = [0u8; 1];
            while !stop.load(Ordering::SeqCst) {
                match reader.read(&mut byte) {
                    Ok(0) => return,
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
                    Err(_) => return,
                }
            }
            return;
        }
        let reason = match reply.status {
            200 => "OK",
            301 => "Moved Permanently",
            302 => "Found",
            304 => "Not Modified",
            404 => "Not Found",
            405 => "Method Not Allowed",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            _ => "Status",
        };
        let mut head = format!("HTTP/1.1 {} {reason}\r\n", reply.status);
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        let body: &[u8] = if req.method == "HEAD" || reply.status == 304 {
            &[]
        } else {
            &reply.body
        };
        let length = if req.method == "HEAD" {
            reply.body.len()
        } else {
            body.len()
        };
        head.push_str(&format!("Content-Length: {length}\r\n\r\n"));
        if conn.write_all(head.as_bytes()).is_err() || conn.write_all(body).is_err() {
            return;
        }
        let _ = conn.flush();
        if req
            .headers
            .get("connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("close"))
        {
            return;
        }
    }
}
