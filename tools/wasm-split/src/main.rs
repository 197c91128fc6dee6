//! Splits the app's wasm (rustc's output, linked with `--emit-relocs`) at its `#[lazy]`
//! functions, with `wasm_split_cli_support`, the library cargo-leptos uses:
//!
//! ```text
//! flourish-wasm-split IN.wasm OUT_DIR MAIN_JS
//! ```
//!
//! writes `OUT_DIR/main.wasm` (the module to run through wasm-bindgen, whose JS glue will be
//! `MAIN_JS`, a path relative to `OUT_DIR` such as `./flourish.js`), one `.wasm` file per
//! lazy function and per piece of code shared between them, the loader `__wasm_split.js`
//! that fetches them, and `manifest.json`: for each lazy function, the files it needs. The
//! manifest's keys and lists are sorted, so the same input always gives the same output.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, main_js] = args.as_slice() else {
        eprintln!("usage: flourish-wasm-split IN.wasm OUT_DIR MAIN_JS");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(out_dir), main_js) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-split: {e:?}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, out_dir: &Path, main_js: &str) -> eyre::Result<()> {
    let wasm = std::fs::read(input)?;
    std::fs::create_dir_all(out_dir)?;
    let main_out = out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = out_dir;
    options.main_out_path = &main_out;
    options.main_module = main_js;
    options.link_name = "./__wasm_split.js";
    let result = wasm_split_cli_support::transform(options)?;
    let manifest: BTreeMap<String, Vec<String>> = result
        .prefetch_map
        .into_iter()
        .map(|(split, mut files)| {
            files.sort();
            (split, files)
        })
        .collect();
    let mut text = String::from("{\n");
    for (i, (split, files)) in manifest.iter().enumerate() {
        let list: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
        let comma = if i + 1 < manifest.len() { "," } else { "" };
        text.push_str(&format!("  \"{split}\": [{}]{comma}\n", list.join(", ")));
    }
    text.push_str("}\n");
    std::fs::write(out_dir.join("manifest.json"), text)?;
    Ok(())
}
