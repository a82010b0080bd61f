//! `portal-mock-api [--addr 127.0.0.1:3000] [--data-dir DIR] [--dist DIR] [--catalog-dir DIR] [--forms-dir DIR] [--synthetic N]`
//! `portal-mock-api --check-store [--data-dir DIR]` checks the application store and exits.
//!
//! Every start-up failure (a bad flag, a busy port, an unreadable data file) ends with one clear
//! line on stderr and a non-zero exit, never a panic.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::error::ErrorKind;
use clap::Parser;
use portal_mock_api::{app, AppState, Catalog, Forms, SqliteStore, UploadDir};

/// Mock JSON backend of the 一次办 portal.
#[derive(Debug, Parser)]
#[command(name = "portal-mock-api", version)]
struct Cli {
    /// Address to listen on.
    #[arg(long, env = "PORTAL_ADDR", default_value = "127.0.0.1:3000")]
    addr: SocketAddr,
    /// Directory of the server's own state (created if missing; submitted applications will live here).
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = ".portal-data")]
    data_dir: PathBuf,
    /// Also serve this built app (trunk's dist/), with SPA fallback to its index.html.
    #[arg(long, env = "PORTAL_DIST")]
    dist: Option<PathBuf>,
    /// Directory of the seed catalog's JSON files.
    #[arg(long, env = "PORTAL_CATALOG_DIR", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog"))]
    catalog_dir: PathBuf,
    /// Directory of the items' form definitions (`<item code>.json`). When not given, the
    /// repository's data/forms is used if it exists.
    #[arg(long, env = "PORTAL_FORMS_DIR")]
    forms_dir: Option<PathBuf>,
    /// Add this many generated items to the catalog (scale tests).
    #[arg(long, env = "PORTAL_SYNTHETIC", default_value_t = 0)]
    synthetic: usize,
    /// Check the application store under --data-dir (`PRAGMA integrity_check`, schema version)
    /// and exit: 0 when sound, 1 otherwise. Used by scripts/crash-test.sh after each kill.
    #[arg(long)]
    check_store: bool,
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("portal-mock-api: {message}");
    ExitCode::FAILURE
}

fn parse_cli() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|err| match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            ExitCode::SUCCESS
        }
        _ => {
            // clap's first line names the problem; the usage block after it is noise here.
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!(
                "portal-mock-api: {} (see --help)",
                first.trim_start_matches("error: ")
            );
            ExitCode::from(2)
        }
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match parse_cli() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    if cli.check_store {
        return check_store(&cli.data_dir).await;
    }
    let catalog = match Catalog::load(&cli.catalog_dir, cli.synthetic) {
        Ok(catalog) => catalog,
        Err(err) => return fail(err),
    };
    let default_forms = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/forms"));
    let forms = match &cli.forms_dir {
        Some(dir) => Forms::load(dir, &catalog),
        None if default_forms.is_dir() => Forms::load(&default_forms, &catalog),
        None => Ok(Forms::empty()),
    };
    let forms = match forms {
        Ok(forms) => forms,
        Err(err) => return fail(err),
    };
    if let Err(err) = std::fs::create_dir_all(&cli.data_dir) {
        return fail(format_args!(
            "无法创建数据目录 cannot create data directory {}: {err}",
            cli.data_dir.display()
        ));
    }
    if let Some(dist) = &cli.dist {
        if !dist.join("index.html").is_file() {
            return fail(format_args!(
                "{} 中没有 index.html, 请先运行 trunk build --release / no index.html in {} (run trunk build --release first)",
                dist.display(),
                dist.display()
            ));
        }
    }
    let listener = match tokio::net::TcpListener::bind(cli.addr).await {
        Ok(listener) => listener,
        Err(err) => {
            return fail(format_args!(
                "无法监听 {} (端口可能已被占用) cannot listen on {}: {err}",
                cli.addr, cli.addr
            ))
        }
    };
    // Opened before listening: migrations run (or fail) before the first request.
    let store = match SqliteStore::open(&cli.data_dir) {
        Ok(store) => store,
        Err(err) => {
            return fail(format_args!(
                "无法打开申请数据库 cannot open the application store in {}: {err}",
                cli.data_dir.display()
            ))
        }
    };
    let items = catalog.len();
    let form_count = forms.len();
    let state = AppState {
        catalog: Arc::new(catalog),
        dist: cli.dist.clone(),
        staff: Default::default(),
        forms: Arc::new(forms),
        store: Arc::new(store),
        uploads: Arc::new(UploadDir::new(cli.data_dir.join("uploads"))),
    };
    let serving = cli
        .dist
        .as_ref()
        .map(|d| format!(", serving {}", d.display()))
        .unwrap_or_default();
    println!(
        "portal-mock-api: {items} items, {form_count} forms, listening on http://{}{serving}",
        cli.addr
    );
    let served = axum::serve(
        listener,
        // The peer address lets staff sign-in slow down repeated failures per client.
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(format_args!("server error: {err}")),
    }
}

/// Opens the store as the server would (running any migration) and reports whether it is sound.
async fn check_store(data_dir: &std::path::Path) -> ExitCode {
    if !data_dir.join("portal.sqlite3").is_file() {
        return fail(format_args!(
            "{} 中没有申请数据库 / no application store in {}",
            data_dir.display(),
            data_dir.display()
        ));
    }
    let store = match SqliteStore::open(data_dir) {
        Ok(store) => store,
        Err(err) => return fail(format_args!("cannot open the application store: {err}")),
    };
    let (integrity, version) = (store.integrity_check().await, store.schema_version().await);
    match (integrity, version) {
        (Ok(integrity), Ok(version)) => {
            println!("store: integrity_check {integrity}, schema version {version}");
            if integrity == "ok" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        (Err(err), _) | (_, Err(err)) => fail(format_args!("store check failed: {err}")),
    }
}

/// Ctrl-C or SIGTERM (what the dev script's trap sends) ends the server cleanly.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
