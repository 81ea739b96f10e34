//! The files that connect trame to the team's tools: the workflow `trame init` writes, the
//! GitHub Action it uses (action.yml), the pre-commit hooks and the release configuration.
//! (actionlint itself runs on the workflow in .ci/run: scripts/actionlint.sh.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use serde_yaml::Value;

fn yaml(path: &Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn init_writes_a_workflow_that_checks_pull_requests_and_publishes_main() {
    let dir = tempfile::tempdir().unwrap();
    common::trame()
        .args(["init", "--quiet"])
        .arg(dir.path().join("p"))
        .assert()
        .success();
    let wf = yaml(&dir.path().join("p/.github/workflows/trame.yml"));
    let on = &wf["on"];
    assert!(on.get("pull_request").is_some() && on["push"]["branches"][0] == "main");
    let action = format!(
        "{}@v{}",
        env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/"),
        env!("CARGO_PKG_VERSION")
    );
    let inputs = yaml(&here().join("action.yml"))["inputs"].clone();
    let mut trame_steps = 0;
    for job in ["check", "publish"] {
        let steps = wf["jobs"][job]["steps"].as_sequence().unwrap();
        // The history is fetched whole: `--changed` and the post pages' history need it.
        assert_eq!(steps[0]["uses"], "actions/checkout@v4");
        assert_eq!(steps[0]["with"]["fetch-depth"], 0);
        for step in steps
            .iter()
            .filter(|s| s["uses"].as_str() == Some(action.as_str()))
        {
            trame_steps += 1;
            for (key, _) in step["with"].as_mapping().unwrap() {
                assert!(
                    inputs.get(key.as_str().unwrap()).is_some(),
                    "{job}: `{}` is not an input of action.yml",
                    key.as_str().unwrap()
                );
            }
        }
    }
    assert_eq!(trame_steps, 2, "{wf:?}");
    let check = wf["jobs"]["check"]["steps"][1]["with"]["command"]
        .as_str()
        .unwrap();
    assert!(check.starts_with("check --format github") && check.contains("--changed"));
    let publish = &wf["jobs"]["publish"];
    assert_eq!(publish["permissions"]["pages"], "write");
    assert!(
        publish["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .any(|s| s["uses"] == "actions/deploy-pages@v4")
    );
}

#[test]
fn the_action_runs_the_command_it_is_given_without_a_shell_evaluating_it() {
    let action = yaml(&here().join("action.yml"));
    assert_eq!(action["runs"]["using"], "composite");
    for input in ["version", "command", "sarif", "working-directory"] {
        assert!(action["inputs"].get(input).is_some(), "{input}");
    }
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let run: String = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    // Inputs reach the scripts through the environment, never pasted into them.
    assert!(!run.contains("${{"), "{run}");
    assert!(run.contains("trame-installer.sh") && run.contains("trame-installer.ps1"));
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
    }));
}

#[test]
fn the_pre_commit_hooks_run_real_commands() {
    let hooks = yaml(&here().join(".pre-commit-hooks.yaml"));
    let hooks = hooks.as_sequence().unwrap();
    assert!(hooks.len() >= 2);
    for hook in hooks {
        assert_eq!(hook["language"], "rust");
        let entry = hook["entry"].as_str().unwrap();
        let mut words = entry.split_whitespace();
        assert_eq!(words.next(), Some("trame"));
        let command: Vec<&str> = words.collect();
        // The command exists: its --help answers.
        common::trame()
            .args(&command)
            .arg("--help")
            .assert()
            .success();
    }
}

#[test]
fn binstall_and_dist_agree_on_the_archives() {
    let cargo: toml::Value =
        toml::from_str(&std::fs::read_to_string(here().join("Cargo.toml")).unwrap()).unwrap();
    let binstall = &cargo["package"]["metadata"]["binstall"];
    let url = binstall["pkg-url"].as_str().unwrap();
    assert!(
        url.starts_with("{ repo }/releases/download/v{ version }/trame-{ target }"),
        "{url}"
    );
    let workspace: toml::Value =
        toml::from_str(&std::fs::read_to_string(here().join("dist-workspace.toml")).unwrap())
            .unwrap();
    let dist = &workspace["dist"];
    let installers: Vec<&str> = dist["installers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(installers.contains(&"shell") && installers.contains(&"powershell"));
    let targets: Vec<&str> = dist["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for os in ["linux", "apple-darwin", "windows"] {
        assert!(targets.iter().any(|t| t.contains(os)), "{os}: {targets:?}");
    }
    assert!(here().join(".github/workflows/release.yml").is_file());
}
