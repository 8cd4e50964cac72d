"""The wheel installs and works in a fresh virtual environment with no cargo on PATH."""

import os
import pathlib
import shutil
import subprocess
import sys
import venv

import pytest


def test_wheel_installs_where_no_rust_is(tmp_path):
    wheel = os.environ.get("WHOSAID_WHEEL")
    if not wheel:
        pytest.skip("set WHOSAID_WHEEL to a wheel built by `maturin build --release` (ci.sh does)")
    wheel = pathlib.Path(wheel)
    assert wheel.name.startswith("whosaid-") and "-abi3-" in wheel.name, wheel.name
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    # A PATH with the environment and the system's directories, none holding cargo or rustc.
    path = [str(bin_dir)] + [d for d in ("/usr/bin", "/bin") if os.path.isdir(d)]
    env = {"PATH": os.pathsep.join(path), "HOME": str(tmp_path), "PIP_NO_INDEX": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    assert shutil.which("cargo", path=env["PATH"]) is None, "cargo is on the stripped PATH"
    assert shutil.which("rustc", path=env["PATH"]) is None
    python = str(bin_dir / "python")
    subprocess.run([python, "-m", "pip", "install", "--no-index", str(wheel)], env=env,
                   check=True, capture_output=True)
    code = (
        "import pickle, whosaid\n"
        "doc = whosaid.extract('\u201cWe will see,\u201d Putin said.')\n"
        "q = doc.quotes[0]\n"
        "assert (q.speaker.name, q.text, doc.text[q.start:q.end]) == "
        "('Vladimir Putin', 'We will see,', 'We will see,'), q\n"
        "assert pickle.loads(pickle.dumps(whosaid.Extractor())).extract(doc.text) == doc\n"
        "print(whosaid.__file__)\n"
    )
    out = subprocess.run([python, "-c", code], env=env, check=True, capture_output=True,
                         text=True, cwd=tmp_path)
    # The package came from the fresh environment, not from this checkout or this venv.
    assert out.stdout.strip().startswith(str(env_dir)), out.stdout
    assert sys.prefix not in out.stdout
