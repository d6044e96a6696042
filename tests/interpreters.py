"""Find an installed interpreter for a generated project's ``python_version``.

uv is never allowed to download Python (``UV_PYTHON_DOWNLOADS=never``), so the interpreter must
already be on the machine. Candidates, in order: ``pythonX.Y`` on PATH, pyenv's
``~/.pyenv/versions/X.Y*/bin/pythonX.Y``, then ``uv python find X.Y``. Each candidate is run
before it is trusted: a pyenv shim exists on PATH even when it cannot start that version.

Also a script, for the Makefile: ``python tests/interpreters.py 3.12`` or
``python tests/interpreters.py --answers build/demo/.copier-answers.yml`` prints the path.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

_PROBE = "import sys; print('%d.%d' % sys.version_info[:2])"


def _version_key(path: Path) -> tuple[int, ...]:
    """Sort pyenv folders by their numeric version (3.12.10 after 3.12.9)."""
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.parent.name))


def runs_as(interpreter: Path, version: str) -> bool:
    """True when ``interpreter`` starts and reports ``version`` (X.Y)."""
    try:
        result = subprocess.run(
            [str(interpreter), "-c", _PROBE],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == version


def uv_executable() -> str:
    """The uv installed beside the running Python (the tooling venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "uv"
    if beside.exists():
        return str(beside)
    found = shutil.which("uv")
    if found is None:
        raise FileNotFoundError("uv is not installed; run `make install`")
    return found


def _uv_find(version: str) -> Path | None:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    try:
        result = subprocess.run(
            [uv_executable(), "python", "find", version],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    except (OSError, FileNotFoundError):
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None


def candidates(version: str) -> list[Path]:
    """Every place an interpreter for ``version`` may be, in the order they are tried."""
    found: list[Path] = []
    on_path = shutil.which(f"python{version}")
    if on_path is not None:
        found.append(Path(on_path))
    pyenv = Path.home() / ".pyenv" / "versions"
    found.extend(
        sorted(pyenv.glob(f"{version}*/bin/python{version}"), key=_version_key, reverse=True)
    )
    return found


def find_python(version: str) -> Path | None:
    """The first working interpreter for ``version`` (X.Y), or None."""
    for candidate in candidates(version):
        if runs_as(candidate, version):
            return candidate
    from_uv = _uv_find(version)
    if from_uv is not None and runs_as(from_uv, version):
        return from_uv
    return None


def _main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", nargs="?", help="X.Y, e.g. 3.12")
    parser.add_argument("--answers", type=Path, help="read python_version from this answers file")
    args = parser.parse_args()
    version = args.version
    if args.answers is not None:
        version = str(yaml.safe_load(args.answers.read_text(encoding="utf-8"))["python_version"])
    if not version:
        parser.error("give a version or --answers")
    interpreter = find_python(version)
    if interpreter is None:
        print(f"No working Python {version} found (PATH, ~/.pyenv, uv)", file=sys.stderr)
        return 1
    print(interpreter)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
