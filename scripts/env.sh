# Sourced by the scripts: tool paths and switches shared by setup, dev and test.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# No background update check from trunk (only package registries are reachable).
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
