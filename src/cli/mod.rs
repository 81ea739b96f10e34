//! The command line: clap definitions and what each command does. Errors that stop a command
//! are typed; the binary turns them into messages and exit codes.

pub mod check;
pub mod export;
pub mod fix;
mod progress;
pub mod scaffold;
pub mod serve;
pub mod veille;
pub mod watch;

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::base::l10n::t;
use crate::diagnostics::{self, Severity, Summary};
use crate::engine::{self, Options, Plan};
use crate::load::config::{self, ConfigError, Language};
use crate::load::networks::{self, Networks};
use crate::render;
use crate::write::{self, OutputError};
use scaffold::{NewKind, ScaffoldError};

/// Exit codes of every command (SPEC §5).
pub const EXIT_OK: i32 = 0;
pub const EXIT_CONTENT: i32 = 1;
pub const EXIT_FAILURE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "trame",
    version = env!("TRAME_LONG_VERSION"),
    about = "Check, adapt and publish a social-media editorial calendar kept as Markdown files",
    long_about = None,
)]
pub struct Cli {
    /// The project folder (default: the nearest folder upward that holds trame.yaml)
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The date taken as today, for overdue checks and the calendar (YYYY-MM-DD)
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
    /// Print only errors
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: timings of each stage
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Language of the messages outside a project (default: from LANG, else French); inside a
    /// project, its `language:` is used
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LanguageArg>,
    #[command(subcommand)]
    pub command: Command,
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    // clap reports this before the language is known: the locale's.
    s.parse::<Date>()
        .map_err(|_| t!(Language::from_environment(), "cli-today", date = s))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Github,
    /// SARIF 2.1.0, for code scanning
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewWhat {
    Post,
    Entry,
    Audit,
    Veille,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Trame,
    Charter,
    Post,
    Entry,
    Audit,
    Veille,
}

impl From<SchemaKind> for crate::validate::schema::Kind {
    fn from(k: SchemaKind) -> Self {
        use crate::validate::schema::Kind;
        match k {
            SchemaKind::Trame => Kind::Trame,
            SchemaKind::Charter => Kind::Charter,
            SchemaKind::Post => Kind::Post,
            SchemaKind::Entry => Kind::Entry,
            SchemaKind::Audit => Kind::Audit,
            SchemaKind::Veille => Kind::Veille,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a project: trame.yaml, charter.yaml, and one example of each kind of file
    Init {
        /// Where (default: the current folder)
        dir: Option<PathBuf>,
        /// Site and typography language
        #[arg(long, value_enum, default_value = "fr")]
        language: LanguageArg,
    },
    /// Create a post, a calendar entry, an audit note or a veille note with the right front
    /// matter
    New {
        #[arg(value_enum)]
        what: NewWhat,
        /// Its title (a post started `--from` a note takes the note's)
        title: Option<String>,
        /// Publication date: 2026-12-03 or 2026-12-03T09:30
        #[arg(long)]
        date: Option<String>,
        /// Networks, comma-separated: linkedin,instagram
        #[arg(long)]
        networks: Option<String>,
        /// A veille note's kind: metier, sectorielle, concurrentielle, e-reputation
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Start a post from this veille note (its id): its title, link and source
        #[arg(long, value_name = "NOTE")]
        from: Option<String>,
    },
    /// Check every file; write nothing
    Check(check::CheckArgs),
    /// Apply the corrections trame is certain of: French typography, brand names and their
    /// hashtags as the charter writes them, preferred terms
    Fix(fix::FixArgs),
    /// Check, then write the variants and the calendar into the output folder
    Build {
        /// Output folder (default: `output` from trame.yaml)
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Write even when there are errors, and replace files of yours where the site goes
        #[arg(long)]
        force: bool,
    },
    /// Rebuild on every change to the project, printing the diagnostics of the last rebuild
    Watch {
        #[command(flatten)]
        watch: WatchArgs,
    },
    /// `watch`, plus a preview server with live reload (http://127.0.0.1:4000/)
    Serve {
        #[command(flatten)]
        watch: WatchArgs,
        /// Port to listen on (default: 4000, or the next free one)
        #[arg(long, short)]
        port: Option<u16>,
        /// Address to listen on; the default keeps the preview on this computer
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        bind: std::net::IpAddr,
    },
    /// Fetch the monitoring sources of trame.yaml (`veille.sources`) and write each new item
    /// as a veille note in content/veille/ (never replacing a note)
    Veille {
        /// Only this source (its id in `veille.sources`)
        #[arg(long, value_name = "ID")]
        source: Option<String>,
    },
    /// The JSON Schema of a kind of file (trame, charter, post, entry, audit, veille), for
    /// editors
    Schema {
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// The completion script of a shell: `trame completions bash > ~/.local/share/bash-completion/completions/trame`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The posts ready to go out as the bulk-upload file of a scheduling tool (csv, hootsuite,
    /// metricool, publer)
    Export(export::ExportArgs),
    /// Length of a text as a network counts it (TEXT, or standard input)
    Count {
        #[arg(long, short)]
        network: String,
        text: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: CountFormat,
    },
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Output folder (default: `output` from trame.yaml)
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Quiet period after the last change before rebuilding, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = crate::cli::watch::DEFAULT_DEBOUNCE_MS,
          value_parser = clap::value_parser!(u64).range(1..=10_000))]
    debounce: u64,
    /// Scan the disk for changes instead of using file-system events (network drives, Docker
    /// bind mounts, WSL)
    #[arg(long)]
    poll: bool,
}

/// Why a command could not do its work (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Scaffold(#[from] ScaffoldError),
    #[error(transparent)]
    Theme(#[from] render::ThemeError),
    #[error(transparent)]
    Watch(#[from] crate::cli::watch::WatchError),
    #[error(transparent)]
    Serve(#[from] crate::cli::serve::ServeError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot read standard input: {0}")]
    Stdin(std::io::Error),
}

impl From<engine::EngineError> for CliError {
    fn from(e: engine::EngineError) -> CliError {
        match e {
            engine::EngineError::Config(c) => CliError::Config(c),
            engine::EngineError::Theme(t) => CliError::Theme(t),
        }
    }
}

impl From<LanguageArg> for Language {
    fn from(l: LanguageArg) -> Language {
        match l {
            LanguageArg::Fr => Language::Fr,
            LanguageArg::En => Language::En,
        }
    }
}

/// The language the command line speaks: the project's `language:` when the command runs in a
/// project (the site and the diagnostics speak it too), else `--lang`, else the locale (LANG).
pub fn language(cli: &Cli) -> Language {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = match &cli.root {
        Some(r) => Some(cwd.join(r)).filter(|r| r.join(config::CONFIG_FILE).is_file()),
        None => config::find_root(&cwd).ok(),
    };
    let project = root.and_then(|r| {
        let path = r.join(config::CONFIG_FILE);
        crate::base::fs::read_io(&r, &path, crate::base::fs::MAX_CONFIG_BYTES).ok()
    });
    match project {
        Some(bytes) => config::language_of(&String::from_utf8_lossy(&bytes)),
        None => cli
            .lang
            .map_or_else(Language::from_environment, Language::from),
    }
}

/// How the run talks to the terminal.
pub struct Term {
    pub color_out: bool,
    pub color_err: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// A progress line for long builds: on a terminal, without `--quiet`, outside CI.
    pub progress: bool,
    /// The language of what is printed ([`language`]).
    pub lang: Language,
}

impl Term {
    pub fn detect(quiet: bool, verbose: bool, lang: Language) -> Term {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Term {
            color_out: !no_color && std::io::stdout().is_terminal(),
            color_err: !no_color && std::io::stderr().is_terminal(),
            quiet,
            verbose,
            progress: !quiet
                && std::io::stderr().is_terminal()
                && std::env::var_os("CI").is_none_or(|v| v.is_empty()),
            lang,
        }
    }
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli, term: &Term) -> Result<i32, CliError> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let lang = term.lang;
    let options = Options {
        today: cli.today,
        render: false,
    };
    match cli.command {
        Command::Init { dir, language } => {
            let dir = dir.unwrap_or_else(|| cli.root.clone().unwrap_or(cwd));
            let today = cli
                .today
                .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
            let created = scaffold::init(&dir, language.into(), today)?;
            if !term.quiet {
                for p in &created {
                    eprintln!(
                        "  {}",
                        t!(lang, "cli-created", path = p.display().to_string())
                    );
                }
                eprintln!(
                    "{}",
                    t!(lang, "cli-init-done", dir = dir.display().to_string())
                );
            }
            Ok(EXIT_OK)
        }
        Command::New {
            what,
            title,
            date,
            networks,
            kind: veille_kind,
            from,
        } => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            let (config, _) = config::load(&root)?;
            let today = cli.today.unwrap_or_else(|| engine::today_in(&config));
            let kind = match what {
                NewWhat::Post => NewKind::Post,
                NewWhat::Entry => NewKind::Entry,
                NewWhat::Audit => NewKind::Audit,
                NewWhat::Veille => NewKind::Veille,
            };
            let notes = match &from {
                Some(_) => crate::load::store::notes(&root, &config),
                None => Vec::new(),
            };
            let note = match &from {
                Some(id) => Some(
                    notes
                        .iter()
                        .filter_map(|l| l.note())
                        .find(|n| n.id() == id.trim())
                        .ok_or_else(|| {
                            let ids = notes.iter().map(|l| l.id.as_str());
                            let help = crate::diagnostics::did_you_mean(id, ids)
                                .map(|s| t!(lang, "did-you-mean", name = s))
                                .unwrap_or_else(|| t!(lang, "veille-unknown-note-help"));
                            scaffold::ScaffoldError::Invalid(format!(
                                "{}\nhelp: {help}",
                                t!(lang, "veille-unknown-note", id = id.as_str())
                            ))
                        })?,
                ),
                None => None,
            };
            let path = scaffold::new(
                &config,
                &scaffold::NewRequest {
                    kind,
                    title: title.as_deref(),
                    date: date.as_deref(),
                    networks: networks.as_deref(),
                    veille_kind: veille_kind.as_deref(),
                    from: note,
                    today,
                },
            )?;
            let shown = path.strip_prefix(&root).unwrap_or(&path);
            println!("{}", shown.display());
            if !term.quiet {
                eprintln!(
                    "{}",
                    t!(lang, "cli-new-done", path = shown.display().to_string())
                );
            }
            Ok(EXIT_OK)
        }
        Command::Check(args) => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            check::run(&root, &cwd, &options, &args, term)
        }
        Command::Export(args) => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            export::run(&root, &cwd, &options, &args, term)
        }
        Command::Fix(args) => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            fix::run(&root, &cwd, &options, &args, term)
        }
        Command::Build { output, force } => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            let started = Instant::now();
            // Sites replaced by earlier builds are deleted while this one reads and renders.
            let tidy = write::site::tidy(&root);
            let progress = progress::Progress::start(term);
            progress.step(t!(lang, "progress-reading"));
            let mut plan = engine::build(&root, &options)?;
            let loaded = started.elapsed();
            progress.suspend(|| print_diagnostics(&plan, term));
            if plan.blocks_build() && !force {
                progress.finish();
                eprintln!("{}", t!(lang, "cli-build-errors"));
                return Ok(EXIT_CONTENT);
            }
            let out_dir = match output {
                Some(o) => write::normalise_dir(&cwd.join(o)),
                None => write::normalise_dir(&plan.config.output),
            };
            write::check_output_dir(&root, &out_dir)?;
            progress.step(t!(lang, "progress-rendering", files = plan.files_checked()));
            plan.render()?;
            let rendered = started.elapsed();
            let files: Vec<&render::OutFile> = plan.files().collect();
            progress.step(t!(lang, "progress-writing", files = files.len()));
            let report = write::site(
                &root,
                &out_dir,
                &files,
                write::SiteOptions {
                    overwrite: force,
                    sync: true,
                },
            )?;
            progress.finish();
            if !term.quiet {
                eprintln!(
                    "{}",
                    t!(
                        lang,
                        "cli-built",
                        files = files.len(),
                        dir = out_dir
                            .strip_prefix(&root)
                            .unwrap_or(&out_dir)
                            .display()
                            .to_string(),
                        ms = (started.elapsed().as_secs_f64() * 1000.0).round(),
                        written = report.written,
                        unchanged = report.unchanged,
                        removed = report.removed
                    )
                );
            }
            if term.verbose {
                eprintln!(
                    "  load+check {:.0} ms, render {:.0} ms, write {:.0} ms",
                    loaded.as_secs_f64() * 1000.0,
                    (rendered - loaded).as_secs_f64() * 1000.0,
                    (started.elapsed() - rendered).as_secs_f64() * 1000.0
                );
            }
            let _ = tidy.join();
            let code = if plan.has_errors() {
                EXIT_CONTENT
            } else {
                EXIT_OK
            };
            drop(files);
            exit_without_drop(plan);
            Ok(code)
        }
        Command::Watch { watch } => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            watch_command(root, &cwd, options, &watch, None, term)
        }
        Command::Serve { watch, port, bind } => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            watch_command(root, &cwd, options, &watch, Some((bind, port)), term)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "trame", &mut std::io::stdout());
            Ok(EXIT_OK)
        }
        Command::Veille { source } => {
            let root = find_root(cli.root.as_deref(), &cwd)?;
            veille::run(&root, source.as_deref(), term)
        }
        Command::Schema { kind } => {
            // The project's language when run in one, else --lang or the locale.
            let schema = crate::validate::schema::schema(kind.into(), lang);
            print!("{}", crate::validate::schema::to_text(&schema));
            Ok(EXIT_OK)
        }
        Command::Count {
            network,
            text,
            format,
        } => {
            let networks = match find_root(cli.root.as_deref(), &cwd) {
                Ok(root) => match config::load(&root) {
                    Ok((c, _)) => c.networks,
                    Err(_) => Networks::builtin(),
                },
                Err(_) => Networks::builtin(),
            };
            let Some(n) = networks.get(&network) else {
                let hint = diagnostics::did_you_mean(&network, networks.ids())
                    .map(|s| t!(lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| {
                        t!(
                            lang,
                            "cli-networks",
                            networks = networks.ids().collect::<Vec<_>>().join(", ")
                        )
                    });
                return Err(CliError::Usage(format!(
                    "{}\nhelp: {hint}",
                    t!(lang, "network-unknown", network = network.as_str())
                )));
            };
            let text = match text {
                Some(t) => t,
                None => {
                    let mut s = String::new();
                    std::io::stdin()
                        .read_to_string(&mut s)
                        .map_err(CliError::Stdin)?;
                    // A trailing newline from `echo` or a file is not part of the post.
                    s.strip_suffix('\n')
                        .map(|t| t.strip_suffix('\r').unwrap_or(t))
                        .unwrap_or(&s)
                        .to_string()
                }
            };
            let length = n.count(&text);
            let valid = networks::is_valid(n, &text, length);
            match format {
                CountFormat::Json => {
                    let doc = serde_json::json!({
                        "network": n.id,
                        "length": length,
                        "limit": n.max_length,
                        "valid": valid,
                    });
                    println!("{doc}");
                }
                CountFormat::Human => {
                    let amount = n.counting.amount(lang, length);
                    let id = if valid {
                        "cli-count-fits"
                    } else {
                        "cli-count-over"
                    };
                    match n.max_length {
                        Some(limit) => println!(
                            "{}",
                            t!(
                                lang,
                                id,
                                network = n.label.as_str(),
                                length = amount,
                                limit = limit
                            )
                        ),
                        None => println!(
                            "{}",
                            t!(
                                lang,
                                "cli-count-no-limit",
                                network = n.label.as_str(),
                                length = amount
                            )
                        ),
                    }
                }
            }
            Ok(if valid { EXIT_OK } else { EXIT_CONTENT })
        }
    }
}

/// `trame watch` and `trame serve`: runs until Ctrl-C.
fn watch_command(
    root: PathBuf,
    cwd: &Path,
    options: Options,
    args: &WatchArgs,
    serve: Option<(std::net::IpAddr, Option<u16>)>,
    term: &Term,
) -> Result<i32, CliError> {
    use crate::cli::serve;
    use crate::cli::watch::{self, Outcome, Session, Signal, Watcher};
    // trame.yaml may be broken at start: watch anyway, and build once it is fixed.
    let config = config::load(&root).ok().map(|(c, _)| c);
    let out_dir = match (&args.output, &config) {
        (Some(o), _) => cwd.join(o),
        (None, Some(c)) => c.output.clone(),
        (None, None) => root.join("output"),
    };
    write::check_output_dir(&root, &out_dir)?;
    let lang = config.as_ref().map_or(term.lang, |c| c.language);

    let (tx, rx) = std::sync::mpsc::channel();
    let stop = tx.clone();
    let stopping = std::sync::atomic::AtomicBool::new(false);
    // First Ctrl-C: finish the rebuild under way, then stop. Second: stop now (once the
    // files being written are in place).
    let _ = ctrlc::set_handler(move || {
        if watch::interrupt(&stopping) {
            let _ = stop.send(Signal::Stop);
        }
    });
    let mut watcher = Watcher::start(Duration::from_millis(args.debounce), args.poll, tx)
        .map_err(watch::WatchError::Start)?;

    let server = match serve {
        Some((addr, port)) => {
            let listener = serve::bind(addr, port)?;
            let server = serve::start(listener, &out_dir, lang)?;
            if port.is_none() && server.addr.port() != serve::DEFAULT_PORT {
                eprintln!(
                    "{}",
                    t!(
                        lang,
                        "cli-port-in-use",
                        port = serve::DEFAULT_PORT.to_string(),
                        other = server.addr.port().to_string()
                    )
                );
            }
            if !addr.is_loopback() {
                eprintln!(
                    "{}: {}\n  = {}: {}",
                    t!(lang, "label-warning"),
                    t!(lang, "cli-bind-public", address = addr.to_string()),
                    t!(lang, "label-help"),
                    t!(lang, "cli-bind-public-help")
                );
            }
            Some(server)
        }
        None => None,
    };
    let url = server.as_ref().map(|s| {
        let host = if s.addr.ip().is_unspecified() {
            "localhost".to_string()
        } else {
            s.addr.ip().to_string()
        };
        format!("http://{host}:{}/", s.addr.port())
    });
    let clear = std::io::stderr().is_terminal() && !term.quiet;
    let mut session = Session::new(root.clone(), out_dir.clone(), options);
    let shown_out = out_dir
        .strip_prefix(&root)
        .unwrap_or(&out_dir)
        .display()
        .to_string();
    watch::run_loop(
        &mut session,
        &rx,
        &mut watcher,
        |session, changes, outcome| {
            if clear {
                eprint!("\x1b[2J\x1b[3J\x1b[H");
            }
            let now = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
            let what = match (&changes.full, changes.shown.len()) {
                (Some(why), _) if why == "start" => t!(lang, "watch-first-build"),
                (Some(why), 0) => why.clone(),
                (None, 0) => t!(lang, "watch-change"),
                (_, 1) => t!(
                    lang,
                    "watch-file-changed",
                    file = changes.shown.iter().next().map_or("", |s| s.as_str())
                ),
                (_, n) => t!(lang, "watch-files-changed", count = n),
            };
            if !term.quiet {
                eprintln!("[{now}] {}", crate::diagnostics::printable(&what, false));
            }
            let mut status = serve::Status {
                build: server.as_ref().map_or(0, |s| s.build()) + 1,
                more: t!(lang, "serve-more"),
                hide: t!(lang, "serve-hide"),
                ..serve::Status::default()
            };
            match outcome {
                Outcome::Built {
                    full,
                    report,
                    rendered,
                    elapsed,
                    stages,
                } => {
                    if let Some(plan) = session.plan() {
                        // After a save, the saved files' problems, and errors anywhere: not the
                        // same thousands of warnings again on every save (the summary counts them
                        // all, the Diagnostics page lists them).
                        let saved = changes.full.is_none().then_some(&changes.shown);
                        print_diagnostics_of(plan, term, saved);
                        if let Some(saved) = saved.filter(|_| plan.config.fix_on_save) {
                            fix::on_save(plan, saved, term);
                        }
                        status.ok = true;
                        status.problems = watch::problems(plan);
                        status.problems.truncate(50);
                        let n = status.problems.len().max(plan.checked.summary.errors);
                        status.title = if n == 0 {
                            String::new()
                        } else {
                            t!(lang, "serve-errors", count = n)
                        };
                    }
                    if !term.quiet {
                        eprintln!(
                            "{}",
                            t!(
                                lang,
                                if *full {
                                    "watch-built"
                                } else {
                                    "watch-rebuilt"
                                },
                                ms = (elapsed.as_secs_f64() * 1000.0).round(),
                                written = report.written,
                                removed = report.removed,
                                rendered = *rendered,
                                unchanged = report.unchanged,
                                dir = shown_out.as_str()
                            )
                        );
                    }
                    if term.verbose && !stages.is_empty() {
                        let parts: Vec<String> = stages
                            .iter()
                            .map(|(name, at)| {
                                format!("{name} at {:.1} ms", at.as_secs_f64() * 1000.0)
                            })
                            .collect();
                        eprintln!("  {}", parts.join(", "));
                    }
                }
                Outcome::Failed { message, problems } => {
                    eprint!("{message}");
                    eprintln!("{}", t!(lang, "watch-failed", dir = shown_out.as_str()));
                    status.problems = problems.clone();
                    status.title = t!(lang, "serve-failed");
                }
                Outcome::Overtaken => {}
            }
            if !term.quiet {
                match &url {
                    Some(u) => eprintln!("{}", t!(lang, "watch-serving", url = u.as_str())),
                    None => eprintln!("{}", t!(lang, "watch-watching")),
                }
            }
            if let Some(s) = &server {
                s.publish(status);
            }
        },
    )?;
    if !term.quiet {
        eprintln!("{}", t!(lang, "watch-stopped", dir = shown_out.as_str()));
    }
    Ok(EXIT_OK)
}

fn find_root(root: Option<&Path>, cwd: &Path) -> Result<PathBuf, CliError> {
    match root {
        Some(r) => {
            let r = cwd.join(r);
            if r.join(config::CONFIG_FILE).is_file() {
                Ok(r)
            } else {
                Err(CliError::Config(ConfigError::NotFoundAt(r)))
            }
        }
        None => Ok(config::find_root(cwd)?),
    }
}

/// The process is about to exit: the system takes the plan's memory back at once, where
/// dropping its millions of small allocations one by one took 5 to 8 % of a check or build of
/// 10,000 posts. Only for the commands that end after one plan (never watch or serve).
pub(crate) fn exit_without_drop(plan: Plan) {
    std::mem::forget(plan);
}

fn print_diagnostics(plan: &Plan, term: &Term) {
    print_diagnostics_of(plan, term, None);
}

/// Prints the diagnostics of the build, or, given the files just saved, theirs and the errors
/// of the others; then the summary of all.
fn print_diagnostics_of(
    plan: &Plan,
    term: &Term,
    saved: Option<&std::collections::BTreeSet<String>>,
) {
    let diags: Vec<_> = plan
        .diagnostics()
        .filter(|d| !term.quiet || d.severity == Severity::Error)
        .filter(|d| {
            saved.is_none_or(|files| d.severity == Severity::Error || files.contains(&d.file))
        })
        .cloned()
        .collect();
    if diags.is_empty() && (term.quiet || saved.is_none()) {
        return;
    }
    let lang = plan.config.language;
    let mut diags = diags;
    // Errors first, as `trame check` prints them.
    diagnostics::errors_first(&mut diags);
    let out = diagnostics::render_human(&diags, plan, term.color_err, lang);
    eprint!("{out}");
    if !term.quiet {
        let all: Vec<_> = plan.diagnostics().cloned().collect();
        let summary = Summary::of(plan.files_checked(), &all);
        eprintln!("{}", diagnostics::render_summary(&summary, lang));
    }
}

/// A fatal error in the user's language: `message\nhelp: help`. The library's errors say it in
/// English (their `Display`, for logs and other programs); the command line says it here.
pub fn error_text(err: &CliError, lang: Language) -> String {
    let shown =
        |p: &Path| crate::diagnostics::printable(&p.display().to_string(), false).into_owned();
    let io = |e: &std::io::Error| crate::base::l10n::io_reason(lang, e);
    let (message, help) = match err {
        CliError::Config(ConfigError::NotFound(p)) => (
            t!(lang, "err-no-project", dir = shown(p)),
            Some(t!(lang, "err-no-project-help")),
        ),
        CliError::Config(ConfigError::NotFoundAt(p)) => (
            t!(lang, "err-no-project-at", dir = shown(p)),
            Some(t!(lang, "err-no-project-at-help")),
        ),
        CliError::Config(ConfigError::Io { path, source }) => (
            t!(lang, "err-read", path = shown(path), reason = io(source)),
            None,
        ),
        CliError::Config(ConfigError::Invalid { source_file, .. }) => (
            t!(lang, "cli-config-errors", file = source_file.as_str()),
            None,
        ),
        CliError::Output(e) => return output_error_text(e, lang),
        CliError::Scaffold(ScaffoldError::Exists(p)) => (
            t!(lang, "err-exists", path = shown(p)),
            Some(t!(lang, "err-exists-help")),
        ),
        CliError::Scaffold(ScaffoldError::AlreadyProject { path }) => (
            t!(lang, "err-already-project", dir = shown(path)),
            Some(t!(lang, "err-already-project-help")),
        ),
        CliError::Scaffold(ScaffoldError::Io { path, source }) => (
            t!(lang, "err-write", path = shown(path), reason = io(source)),
            None,
        ),
        CliError::Theme(render::ThemeError::Template { name, message }) => (
            t!(
                lang,
                "err-template",
                name = name.as_str(),
                problem = message.as_str()
            ),
            Some(t!(lang, "err-template-help")),
        ),
        CliError::Watch(crate::cli::watch::WatchError::Start(e)) => (
            t!(lang, "err-watch-start", reason = e.to_string()),
            Some(t!(lang, "err-watch-start-help")),
        ),
        CliError::Watch(crate::cli::watch::WatchError::Watch { path, source }) => (
            t!(
                lang,
                "err-watch",
                path = shown(path),
                reason = source.to_string()
            ),
            Some(t!(lang, "err-watch-help")),
        ),
        CliError::Serve(crate::cli::serve::ServeError::PortInUse { addr, port, next }) => (
            t!(
                lang,
                "err-port-in-use",
                port = port.to_string(),
                address = addr.to_string()
            ),
            Some(t!(lang, "err-port-in-use-help", next = next.to_string())),
        ),
        CliError::Serve(crate::cli::serve::ServeError::Bind { addr, source }) => (
            t!(
                lang,
                "err-bind",
                address = addr.to_string(),
                reason = io(source)
            ),
            Some(t!(lang, "err-bind-help")),
        ),
        CliError::Serve(crate::cli::serve::ServeError::Runtime(e)) => {
            (t!(lang, "err-server", reason = io(e)), None)
        }
        CliError::Stdin(e) => (t!(lang, "err-stdin", reason = io(e)), None),
        // Already in the user's language, help included.
        CliError::Scaffold(ScaffoldError::Invalid(text)) | CliError::Usage(text) => {
            return text.clone();
        }
    };
    match help {
        Some(h) => format!("{message}\nhelp: {h}"),
        None => message,
    }
}

/// [`error_text`] of an error of the writer (also what watch says when a rebuild fails).
pub fn output_error_text(err: &OutputError, lang: Language) -> String {
    let shown =
        |p: &Path| crate::diagnostics::printable(&p.display().to_string(), false).into_owned();
    let (message, help) = match err {
        OutputError::Io { path, source } => (
            t!(
                lang,
                "err-write",
                path = shown(path),
                reason = crate::base::l10n::io_reason(lang, source)
            ),
            None,
        ),
        OutputError::UnsafePath(p) => (t!(lang, "err-unsafe-path", path = p.as_str()), None),
        OutputError::OutputIsProject(p) => (
            t!(lang, "err-output-is-project", dir = shown(p)),
            Some(t!(lang, "err-output-is-project-help")),
        ),
        OutputError::WouldOverwrite { dir, files } => (
            t!(
                lang,
                "err-would-overwrite",
                dir = shown(dir),
                files = files.join(", ")
            ),
            Some(t!(lang, "err-would-overwrite-help")),
        ),
    };
    match help {
        Some(h) => format!("{message}\nhelp: {h}"),
        None => message,
    }
}

/// Prints a fatal error the way diagnostics look; returns the exit code for it.
pub fn report_error(err: &CliError, term: &Term) -> i32 {
    match err {
        CliError::Config(ConfigError::Invalid {
            diagnostics: diags,
            source_file,
            source_text,
        }) => {
            let mut sources = std::collections::BTreeMap::new();
            sources.insert(source_file.clone(), source_text.clone());
            let mut diags = diags.clone();
            diagnostics::sort(&mut diags);
            eprint!(
                "{}",
                diagnostics::render_human(&diags, &sources, term.color_err, term.lang)
            );
            eprintln!(
                "{}",
                t!(term.lang, "cli-config-errors", file = source_file.as_str())
            );
        }
        other => {
            let text = error_text(other, term.lang);
            let (msg, help) = match text.split_once("\nhelp: ") {
                Some((m, h)) => (m.to_string(), Some(h.to_string())),
                None => (text, None),
            };
            eprintln!("{}: {msg}", t!(term.lang, "label-error"));
            if let Some(h) = help {
                eprintln!("  = {}: {h}", t!(term.lang, "label-help"));
            }
        }
    }
    EXIT_FAILURE
}
