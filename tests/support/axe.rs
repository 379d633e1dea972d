//! axe-core in a WebDriver session, shared by the kiosk's end-to-end tests (WebKitWebDriver)
//! and the organiser's console's (chromedriver): the same rules, the same verdict.

use std::path::Path;

use fantoccini::Client;
use serde_json::Value;

/// Runs axe-core (from `ui/node_modules` under `repo`) on what `client` shows and fails on any
/// serious or critical WCAG 2.x A/AA violation, naming the rule and the elements.
pub async fn check(client: &Client, repo: &Path, page: &str) {
    let source = std::fs::read_to_string(repo.join("ui/node_modules/axe-core/axe.min.js"))
        .expect("ui/node_modules/axe-core/axe.min.js missing: run `npm ci --prefix ui`");
    client
        .execute(&format!("{source}\nreturn typeof axe;"), vec![])
        .await
        .expect("axe loads");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {runOnly: {type: 'tag', values:\
               ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})\
             .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,\
               help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})),\
               passes: r.passes.length}))\
             .catch(e => done({error: String(e)}));",
            vec![],
        )
        .await
        .expect("axe runs");
    assert!(
        result.get("error").is_none(),
        "{page}: axe failed: {result}"
    );
    assert!(
        result["passes"].as_u64().unwrap_or(0) > 5,
        "{page}: axe checked almost nothing: {result}"
    );
    let bad: Vec<&Value> = result["violations"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
                .collect()
        })
        .unwrap_or_default();
    assert!(bad.is_empty(), "{page}: accessibility violations: {bad:#?}");
}
