use clap::Parser;

fn main() {
    let cli = trame::cli::Cli::parse();
    let term = trame::cli::Term::detect(cli.quiet, cli.verbose);
    let code = match trame::cli::run(cli, &term) {
        Ok(code) => code,
        Err(e) => trame::cli::report_error(&e, &term),
    };
    std::process::exit(code);
}
