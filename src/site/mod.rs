//! Rendering: turns a checked project into the files of the output folder (SPEC §8).

pub mod chart;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod json;

use crate::output::OutFile;
use crate::project::Project;

/// Every generated file, in a stable order.
pub fn render(project: &Project) -> Result<Vec<OutFile>, html::ThemeError> {
    let mut files = html::pages(project)?;
    for (post_id, variants) in &project.variants {
        for (network, v) in variants {
            let dir = format!("posts/{post_id}");
            files.push(OutFile::new(
                format!("{dir}/{network}.txt"),
                with_newline(&v.text),
            ));
            if let Some(t) = &v.title {
                files.push(OutFile::new(
                    format!("{dir}/{network}.title.txt"),
                    with_newline(t),
                ));
            }
            if let Some(c) = &v.first_comment {
                files.push(OutFile::new(
                    format!("{dir}/{network}.first-comment.txt"),
                    with_newline(c),
                ));
            }
            if let Some(l) = &v.link {
                files.push(OutFile::new(
                    format!("{dir}/{network}.link.txt"),
                    with_newline(l),
                ));
            }
        }
    }
    files.push(OutFile::new("calendar.json", json::calendar(project)));
    files.push(OutFile::new("calendar.ics", ics::feed(project, None)));
    for network in feed_networks(project) {
        files.push(OutFile::new(
            format!("calendar-{network}.ics"),
            ics::feed(project, Some(&network)),
        ));
    }
    Ok(files)
}

/// The networks that get their own feed: the configured ones and any a post uses.
pub fn feed_networks(project: &Project) -> Vec<String> {
    let mut nets: Vec<String> = project.config.networks.configured.clone();
    for p in &project.content.posts {
        for n in p.published_networks() {
            if project.config.networks.get(n).is_some() && !nets.iter().any(|x| x == n) {
                nets.push(n.to_string());
            }
        }
    }
    nets
}

fn with_newline(s: &str) -> String {
    format!("{}\n", s.trim_end())
}
