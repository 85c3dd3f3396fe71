//! Starts `copydesk-language-server --stdio` for Markdown, plain text and HTML.
//!
//! Zed runs language servers only from extensions; this one finds the server
//! the way a newsroom installs it: in the project (`npm install --save-dev
//! copydesk` puts it in `node_modules/.bin`) or on the PATH (a global install).

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Copydesk;

impl zed::Extension for Copydesk {
    fn new() -> Self {
        Copydesk
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        // The project's own copy first, so that each repository runs the version it pins.
        let local = format!("{}/node_modules/.bin/copydesk-language-server", worktree.root_path());
        let command = if worktree.read_text_file("node_modules/.bin/copydesk-language-server").is_ok() {
            local
        } else {
            worktree
                .which("copydesk-language-server")
                .ok_or_else(|| "copydesk-language-server was not found: run `npm install --save-dev copydesk` in the project, or install it globally".to_string())?
        };
        Ok(zed::Command { command, args: vec!["--stdio".to_string()], env: worktree.shell_env() })
    }
}

zed::register_extension!(Copydesk);
