use clap::Parser;

/// mimalloc rather than glibc's malloc: trame makes millions of small, short-lived allocations
/// from two threads (front matter, variants, pages), where glibc's arenas spent a fifth of the
/// build (`benches/scale.sh`, issue 13).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = trame::cli::Cli::parse();
    let lang = trame::cli::language(&cli);
    let term = trame::cli::Term::detect(cli.quiet, cli.verbose, lang);
    let code = match trame::cli::run(cli, &term) {
        Ok(code) => code,
        Err(e) => trame::cli::report_error(&e, &term),
    };
    std::process::exit(code);
}
