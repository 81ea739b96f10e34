//! `trame serve`: an HTTP server over the output folder, with live reload.
//!
//! It serves the files `trame build` would publish, as they are on disk, and only those: a
//! request path is decoded, refused if it climbs (`..`) or names a hidden file, and the file it
//! names must still be inside the output folder once symlinks are resolved. HTML pages get a
//! small script that listens to `/__trame/events` (server-sent events) and reloads the page
//! after a rebuild has put the new output in place, or shows the rebuild's errors.
//!
//! It runs on a developer's machine while web pages from anywhere are open beside it: at most
//! [`MAX_CONNECTIONS`] connections, each closed when it sends no complete request head within
//! [`HEAD_TIMEOUT`] (idle and half-open ones too); files other than pages are streamed; a
//! request is answered only when its `Host` is this server's own (a DNS-rebinding page cannot
//! read the drafts).

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::watch;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::WatchStream;

use crate::cli::watch::Problem;
use crate::load::config::Language;

/// Where the reload script and the event stream live: a name no generated file can take
/// (hidden names are never served from the output folder).
const EVENTS: &str = "/.trame/events";
const SCRIPT: &str = "/.trame/live.js";

/// Connections served at once; more wait in the listen queue (a browser opens six per host).
pub const MAX_CONNECTIONS: usize = 128;
/// How long a connection may take to send a request head, or stay idle between requests.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Pages are read whole to add the reload script: never one larger than this.
const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;
const LIVE_JS: &str = include_str!("live.js");

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 4000;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "port {port} is already in use on {addr}\nhelp: stop the program that uses it, or choose another port: `trame serve --port {next}`"
    )]
    PortInUse { addr: IpAddr, port: u16, next: u16 },
    #[error(
        "cannot listen on {addr}: {source}\nhelp: use an address of this computer with --bind, such as 127.0.0.1"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot start the preview server: {0}")]
    Runtime(std::io::Error),
}

/// What the browser is told after each rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// Counts rebuild attempts; a page served at build `n` reloads when it sees another number.
    pub build: u64,
    /// False when the last rebuild wrote nothing (the last good site is shown).
    pub ok: bool,
    pub title: String,
    pub problems: Vec<Problem>,
    /// The box's link to the diagnostics page and its close button, in the project's language.
    pub more: String,
    pub hide: String,
}

/// Binds the listening socket. With no explicit port, a busy default moves to the next free
/// port (the caller says so); an explicit busy port is an error.
pub fn bind(addr: IpAddr, port: Option<u16>) -> Result<TcpListener, ServeError> {
    let first = port.unwrap_or(DEFAULT_PORT);
    let tries = if port.is_some() { 1 } else { 20 };
    for p in first..first.saturating_add(tries) {
        let sock = SocketAddr::new(addr, p);
        match TcpListener::bind(sock) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(source) => {
                return Err(ServeError::Bind { addr: sock, source });
            }
        }
    }
    Err(ServeError::PortInUse {
        addr,
        port: first,
        next: first.saturating_add(tries),
    })
}

struct Shared {
    /// The output folder, symlinks resolved.
    root: PathBuf,
    /// The address the server listens on (its `Host` check).
    addr: SocketAddr,
    lang: Language,
    status: watch::Receiver<Status>,
}

/// The running server: publish a status after every rebuild.
pub struct Server {
    status: watch::Sender<Status>,
    pub addr: SocketAddr,
}

impl Server {
    pub fn publish(&self, status: Status) {
        self.status.send_replace(status);
    }

    pub fn build(&self) -> u64 {
        self.status.borrow().build
    }
}

/// Starts serving `out_dir` on its own thread (a one-thread async runtime).
pub fn start(listener: TcpListener, out_dir: &Path, lang: Language) -> Result<Server, ServeError> {
    std::fs::create_dir_all(out_dir).map_err(ServeError::Runtime)?;
    let root = out_dir.canonicalize().map_err(ServeError::Runtime)?;
    let addr = listener.local_addr().map_err(ServeError::Runtime)?;
    listener
        .set_nonblocking(true)
        .map_err(ServeError::Runtime)?;
    let (tx, rx) = watch::channel(Status::default());
    let shared = Arc::new(Shared {
        root,
        addr,
        lang,
        status: rx,
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    let listener = runtime
        .block_on(async { tokio::net::TcpListener::from_std(listener) })
        .map_err(ServeError::Runtime)?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let app = Router::new().fallback(handle).with_state(shared);
            accept_loop(listener, app).await;
        });
    });
    Ok(Server { status: tx, addr })
}

/// Accepts connections while fewer than [`MAX_CONNECTIONS`] are open, each served by hyper with
/// the head timeout. An accept error (out of file descriptors) waits a moment, never stops.
async fn accept_loop(listener: tokio::net::TcpListener, app: Router) {
    let permits = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = permits.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_headers(64)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let _ = connection.await;
            drop(permit);
        });
    }
}

/// Whether `Host` names this server: its own address, or a loopback name for a loopback
/// server. A server bound to every address (`--bind 0.0.0.0`) answers any name, as asked.
pub fn host_allowed(host: Option<&str>, addr: SocketAddr) -> bool {
    if addr.ip().is_unspecified() {
        return true;
    }
    let Some(host) = host else {
        return false;
    };
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) if !n.ends_with(']') || host.starts_with('[') => (n, p.parse::<u16>().ok()),
        _ => (host, None),
    };
    if port.is_some_and(|p| p != addr.port()) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = name.parse::<IpAddr>() {
        return ip == addr.ip() || (ip.is_loopback() && addr.ip().is_loopback());
    }
    addr.ip().is_loopback() && name.eq_ignore_ascii_case("localhost")
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host_allowed(host, shared.addr) {
        return plain(
            StatusCode::MISDIRECTED_REQUEST,
            "this preview answers only at its own address (open the one trame serve printed)",
        );
    }
    if method != Method::GET && method != Method::HEAD {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    match uri.path() {
        EVENTS => return events(shared.status.clone()).into_response(),
        SCRIPT => return file_response(LIVE_JS.as_bytes().to_vec(), "text/javascript"),
        _ => {}
    }
    match resolve(&shared.root, uri.path()) {
        Resolved::File(path) => {
            let mime = mime_guess::from_path(&path).first_or_octet_stream();
            let essence = mime.essence_str().to_string();
            if essence == "text/html" {
                let small = tokio::fs::metadata(&path)
                    .await
                    .is_ok_and(|m| m.len() <= MAX_PAGE_BYTES);
                match tokio::fs::read(&path).await {
                    Ok(bytes) if small => {
                        let build = shared.status.borrow().build;
                        file_response(inject(bytes, build), "text/html; charset=utf-8")
                    }
                    _ => not_found(&shared),
                }
            } else {
                let content_type = if mime.type_() == "text" || essence == "application/json" {
                    format!("{essence}; charset=utf-8")
                } else {
                    essence
                };
                stream_file(&path, request, &content_type).await
            }
        }
        Resolved::Redirect(to) => {
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::PERMANENT_REDIRECT;
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Resolved::BadRequest => plain(StatusCode::BAD_REQUEST, "bad request path"),
        Resolved::NotFound => not_found(&shared),
    }
}

/// What a request path names inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A folder asked without its trailing `/`: relative links need it.
    Redirect(String),
    BadRequest,
    NotFound,
}

/// Maps a URL path to a file of `root` (canonical), refusing anything that would leave it.
pub fn resolve(root: &Path, url_path: &str) -> Resolved {
    let Ok(decoded) = percent_encoding::percent_decode_str(url_path).decode_utf8() else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\0', '\\']) || !decoded.starts_with('/') {
        return Resolved::BadRequest;
    }
    let mut path = root.to_path_buf();
    // The path as the redirect gives it: one `/` between segments, so never `//host/…`.
    let mut clean = String::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." {
            return Resolved::BadRequest;
        }
        // Hidden names: trame's manifest and staging folder, a user's .git or .env.
        if segment.starts_with('.') {
            return Resolved::NotFound;
        }
        let p = Path::new(segment);
        if p.components().count() != 1
            || !matches!(p.components().next(), Some(Component::Normal(_)))
        {
            return Resolved::BadRequest;
        }
        path.push(segment);
        clean.push('/');
        clean.push_str(segment);
    }
    // Symlinks may point anywhere: what counts is where the file really is.
    let Ok(real) = path.canonicalize() else {
        return Resolved::NotFound;
    };
    if !real.starts_with(root) {
        return Resolved::NotFound;
    }
    if real.is_dir() {
        if !decoded.ends_with('/') {
            let encoded = crate::routes::url_path(&clean);
            return Resolved::Redirect(format!("{encoded}/"));
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::NotFound
    }
}

/// Adds the live-reload script to an HTML page, with the build it belongs to.
fn inject(mut html: Vec<u8>, build: u64) -> Vec<u8> {
    let tag = format!(
        "<script>window.__trameBuild = {build};</script><script src=\"{SCRIPT}\" defer></script>"
    );
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// A file streamed from disk (with range requests), as the other responses are headed.
async fn stream_file(path: &Path, request: Request, content_type: &str) -> Response {
    use tower::ServiceExt as _;
    let Ok(mut r) = tower_http::services::ServeFile::new(path)
        .oneshot(request)
        .await
        .map(IntoResponse::into_response);
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    headers(r.headers_mut());
    r
}

fn headers(h: &mut HeaderMap) {
    // A preview is always fresh: never let the browser keep an old page.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

fn file_response(bytes: Vec<u8>, content_type: &str) -> Response {
    let mut r = Response::new(Body::from(bytes));
    if let Ok(v) = HeaderValue::from_str(content_type) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    headers(r.headers_mut());
    r
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut r = file_response(text.as_bytes().to_vec(), "text/plain; charset=utf-8");
    *r.status_mut() = status;
    r
}

fn not_found(shared: &Shared) -> Response {
    let l = shared.lang;
    let (lang, title, text, back) = (
        l.code(),
        crate::base::l10n::tr(l, "serve-not-found", &[]),
        crate::base::l10n::tr(l, "serve-not-found-text", &[]),
        crate::base::l10n::tr(l, "serve-not-found-back", &[]),
    );
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head>\n<body><main id=\"main\"><h1>{title}</h1><p>{text}</p><p><a href=\"/\">{back}</a></p></main></body></html>\n"
    );
    let build = shared.status.borrow().build;
    let mut r = file_response(inject(html.into_bytes(), build), "text/html; charset=utf-8");
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

fn events(
    status: watch::Receiver<Status>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let stream = WatchStream::new(status).map(|s| {
        let data = serde_json::to_string(&s).unwrap_or_else(|_| "{}".into());
        Ok(Event::default().data(data))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_output_folder() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        std::fs::create_dir_all(out.join("posts/a b"))?;
        std::fs::write(out.join("index.html"), "<html></html>")?;
        std::fs::write(out.join("posts/a b/index.html"), "x")?;
        std::fs::write(out.join(".trame-manifest"), "index.html\n")?;
        std::fs::write(dir.path().join("secret.txt"), "secret")?;
        let root = out.canonicalize()?;

        assert_eq!(resolve(&root, "/"), Resolved::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/posts/a%20b/"),
            Resolved::File(root.join("posts/a b/index.html"))
        );
        assert_eq!(
            resolve(&root, "/posts/a%20b"),
            Resolved::Redirect("/posts/a%20b/".into())
        );
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/posts/..%2f..%2fsecret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/posts/%5c..%5c..%5csecret.txt",
            "/%00",
        ] {
            assert_eq!(resolve(&root, bad), Resolved::BadRequest, "{bad}");
        }
        assert_eq!(resolve(&root, "/.trame-manifest"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/nothing.html"), Resolved::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt"))?;
            assert_eq!(resolve(&root, "/link.txt"), Resolved::NotFound);
        }
        Ok(())
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let html = inject(b"<html><body><p>x</p></body></html>".to_vec(), 7);
        let text = String::from_utf8(html).unwrap_or_default();
        assert!(text.contains("window.__trameBuild = 7;"));
        assert!(text.ends_with("defer></script></body></html>"));
    }
}
