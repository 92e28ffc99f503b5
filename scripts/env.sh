# Sourced by the scripts: puts the tools that scripts/setup installs first on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
