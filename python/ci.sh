#!/usr/bin/env bash
# The Python package's CI: a fresh virtual environment, the wheel built as the README says
# (`maturin build --release`), the package installed as the README says (`pip install
# ./python`), then pytest over python/tests, which also installs the wheel into another fresh
# environment with no cargo on PATH and runs the Dask recipe on two worker processes.
#
#   python/ci.sh            from anywhere; PYTHON picks the interpreter (default python3)
#
# Uses CARGO_TARGET_DIR when set (the wheel goes to $CARGO_TARGET_DIR/wheels-ci), else the
# workspace's target/. The virtual environment is made in a temporary directory and removed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
cd "$repo"
python="${PYTHON:-python3}"
target="${CARGO_TARGET_DIR:-$repo/target}"
wheels="$target/wheels-ci"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

echo "python/ci.sh: fresh virtual environment ($("$python" --version))"
"$python" -m venv "$work/venv"
venv_python="$work/venv/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$venv_python" -m pip install --quiet "maturin>=1.9.4,<2" pytest "dask[distributed]" pandas mypy

echo "python/ci.sh: maturin build --release"
rm -rf "$wheels"
(cd "$here" && "$work/venv/bin/maturin" build --release --quiet --out "$wheels")
wheel="$(ls "$wheels"/whosaid-*.whl)"

echo "python/ci.sh: pip install ./python"
"$venv_python" -m pip install --quiet ./python

# The crate's extract example, which the seed test compares to_json(pretty=True) with: the binary that
# `cargo test` built if it is there, else the test runs it through `cargo run`.
for profile in debug release; do
  if [[ -x "$target/$profile/examples/extract" ]]; then
    export WHOSAID_EXTRACT="$target/$profile/examples/extract"
    break
  fi
done
# And the `whosaid` command, which the seed test compares to_json() with: the binary that
# `cargo test --workspace` built for the command's own tests.
for profile in debug release; do
  if [[ -x "$target/$profile/whosaid" ]]; then
    export WHOSAID_CLI="$target/$profile/whosaid"
    break
  fi
done

echo "python/ci.sh: pytest"
# `python -m pytest` puts the current directory (the repository's root, with no `whosaid`
# package in it) first on sys.path, so the tests import the installed package.
WHOSAID_WHEEL="$wheel" "$venv_python" -m pytest -p no:cacheprovider "$here/tests" \
  --rootdir "$here/tests" -q
echo "python/ci.sh: done in $((SECONDS - start)) s" >&2
