//! Generates a large trame project for benchmarks: `cargo run --release --example generate -- DIR N
//! [--typos]`. Posts vary in networks, sections, mentions, hashtags, links, media and statuses,
//! like the demo; with `--typos` each also has two misspelt keys (two warnings a post), for
//! measuring a project with thousands of problems. With `--results ROWS`, `metrics/` gets ROWS
//! result rows in trame's format (three quarters joined by post id, a quarter matching no post)
//! and a year of daily follower counts, and the campaigns get KPIs.

use std::fmt::Write as _;
use std::path::Path;

const NETWORKS: [&str; 8] = [
    "linkedin",
    "instagram",
    "facebook",
    "x",
    "mastodon",
    "bluesky",
    "pinterest",
    "threads",
];
const STATUSES: [&str; 6] = [
    "idea",
    "draft",
    "review",
    "approved",
    "scheduled",
    "published",
];
const IMAGES: [&str; 3] = [
    "gamme-hiver-4x5.jpg",
    "batons-nordic.jpg",
    "echauffement.jpg",
];

/// Day of the week, 0 = Sunday (Sakamoto's method).
fn weekday(y: usize, m: usize, d: usize) -> usize {
    const T: [usize; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    (y + y / 4 - y / 100 + y / 400 + T[m - 1] + d) % 7
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(args.get(1).map_or("/tmp/trame-bench", String::as_str));
    let n: usize = args.get(2).map_or(Ok(10_000), |s| s.parse())?;
    let typos = args.iter().any(|a| a == "--typos");
    let results: usize = match args.iter().position(|a| a == "--results") {
        Some(i) => args.get(i + 1).map_or(Ok(100_000), |s| s.parse())?,
        None => 0,
    };
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("content/posts"))?;
    std::fs::create_dir_all(dir.join("content/calendar"))?;
    std::fs::create_dir_all(dir.join("media"))?;
    std::fs::copy(demo.join("trame.yaml"), dir.join("trame.yaml"))?;
    std::fs::copy(demo.join("charter.yaml"), dir.join("charter.yaml"))?;
    std::fs::copy(demo.join("words.txt"), dir.join("words.txt"))?;
    for img in IMAGES.iter().chain(&["logo.svg"]) {
        std::fs::copy(demo.join("media").join(img), dir.join("media").join(img))?;
    }
    for c in 0..40 {
        let month = 1 + c % 12;
        std::fs::write(
            dir.join(format!("content/calendar/campagne-{c}.md")),
            format!(
                "---\ntitle: Campagne {c}\nkind: campaign\ndate: 2027-{month:02}-01\nend: 2027-{month:02}-20\n{}---\nBrief {c}.\n",
                if results > 0 {
                    "kpis: { clicks: 500, engagement_rate_impressions: 0.03, posts: 20 }\n"
                } else {
                    ""
                }
            ),
        )?;
    }
    for i in 0..n {
        let month = 1 + i % 12;
        let mut day = 1 + i % 28;
        if weekday(2027, month, day) == 0 {
            day += 1; // the demo charter's posting window has no Sundays
        }
        let hour = 8 + i % 11;
        let nets: Vec<&str> = (0..(2 + i % 4))
            .map(|k| NETWORKS[(i + k * 3) % NETWORKS.len()])
            .collect();
        let status = STATUSES[i % STATUSES.len()];
        let visual = nets.iter().any(|n| *n == "instagram" || *n == "pinterest");
        let mut fm = String::new();
        writeln!(fm, "---\ntitle: \"Post {i} : conseil de marche\"")?;
        writeln!(fm, "networks: [{}]", nets.join(", "))?;
        writeln!(
            fm,
            "date: 2027-{month:02}-{day:02}T{hour:02}:15\nstatus: {status}\nauthor: Camille\nreviewer: Nadia"
        )?;
        if typos {
            fm.push_str("autor: Camille\nreviewr: Nadia\n");
        }
        writeln!(fm, "campaign: campagne-{}\npillar: conseils", i % 40)?;
        writeln!(fm, "hashtags: [Campagne{}, Conseil{}]", i % 40, i % 7)?;
        writeln!(fm, "link: https://alti.example.com/conseils/{i}")?;
        if visual || i % 3 == 0 {
            let img = IMAGES[i % IMAGES.len()];
            writeln!(
                fm,
                "media:\n  - {{ path: media/{img}, alt: \"Photo d'illustration du conseil numéro {i}\" }}"
            )?;
        }
        if nets.contains(&"threads") || nets.contains(&"pinterest") {
            fm.push_str("variants:\n");
        }
        if nets.contains(&"threads") {
            writeln!(fm, "  threads: {{ hashtags: [Campagne{}] }}", i % 40)?;
        }
        if nets.contains(&"pinterest") {
            writeln!(fm, "  pinterest: {{ title: \"Conseil {i}\" }}")?;
        }
        fm.push_str("---\n");
        let mut body = String::new();
        writeln!(
            body,
            "Conseil numéro {i}\u{a0}: marcher trente minutes par jour, à son rythme, avec la @[ffrando].\n"
        )?;
        writeln!(
            body,
            "Des chaussures **confortables**, des couches fines et un parcours connu suffisent.\n"
        )?;
        writeln!(
            body,
            "- s’échauffer cinq minutes\n- boire avant de partir\n- partir accompagné\n"
        )?;
        if nets.contains(&"bluesky") {
            writeln!(
                body,
                "::: bluesky\nConseil {i}\u{a0}: trente minutes de marche par jour, avec @[ffrando].\n:::"
            )?;
        }
        if nets.contains(&"x") {
            writeln!(
                body,
                "::: x\nConseil {i}\u{a0}: trente minutes de marche par jour, à son rythme.\n:::"
            )?;
        }
        let sub = format!("content/posts/{:02}", i % 100);
        std::fs::create_dir_all(dir.join(&sub))?;
        std::fs::write(dir.join(format!("{sub}/post-{i:05}.md")), fm + &body)?;
    }
    if results > 0 {
        write_results(dir, n, results)?;
    }
    eprintln!("generated {n} posts in {}", dir.display());
    Ok(())
}

/// `metrics/`: `rows` result rows in files of 10,000, and the followers of each network per day.
fn write_results(dir: &Path, n: usize, rows: usize) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir.join("metrics"))?;
    let header = "network,post,url,date,impressions,reach,likes,comments,shares,saves,clicks,video_views,followers\n";
    let mut file = String::from(header);
    for r in 0..rows {
        let i = r % n.max(1);
        let month = 1 + i % 12;
        let mut day = 1 + i % 28;
        if weekday(2027, month, day) == 0 {
            day += 1;
        }
        let hour = 8 + i % 11;
        let network = NETWORKS[(i + (r / n.max(1)) * 3) % NETWORKS.len()];
        let (post, date) = match r % 4 {
            0..=2 => (
                format!("post-{i:05}"),
                format!("2027-{month:02}-{day:02}T{hour:02}:20"),
            ),
            _ => (
                String::new(),
                format!("2026-{month:02}-{day:02}T{hour:02}:00"),
            ),
        };
        let impressions = 500 + (r * 37) % 9000;
        let reach = if r % 5 == 0 {
            String::new()
        } else {
            (impressions * 4 / 5).to_string()
        };
        writeln!(
            file,
            "{network},{post},,{date},{impressions},{reach},{},{},{},{},{},,",
            10 + r % 90,
            r % 17,
            r % 11,
            if r % 3 == 0 {
                (r % 23).to_string()
            } else {
                String::new()
            },
            r % 40,
        )?;
        if (r + 1) % 10_000 == 0 || r + 1 == rows {
            std::fs::write(
                dir.join(format!("metrics/resultats-{:03}.csv", r / 10_000)),
                &file,
            )?;
            file = String::from(header);
        }
    }
    let mut followers = String::from("network,date,followers\n");
    for network in NETWORKS {
        for d in 0..365 {
            let (month, day) = (1 + d / 31 % 12, 1 + d % 28);
            writeln!(
                followers,
                "{network},2027-{month:02}-{day:02},{}",
                1000 + d * 3
            )?;
        }
    }
    std::fs::write(dir.join("metrics/abonnes.csv"), followers)?;
    Ok(())
}
