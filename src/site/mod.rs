//! Rendering: turns a checked project into the files of the output folder (SPEC §8).

pub mod json;

use crate::output::OutFile;
use crate::project::Project;

/// Every generated file, in a stable order.
pub fn render(project: &Project) -> Vec<OutFile> {
    let mut files = Vec::new();
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
    files
}

fn with_newline(s: &str) -> String {
    format!("{}\n", s.trim_end())
}
