"""A non-editable install ships the rule packs and data inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_contains_every_pack_and_works_installed(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("copylint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.y*ml"))
    assert shipped, "the repository has no rule packs"
    assert [p for p in shipped if f"copylint/_packs/{p}" not in names] == []

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    listing = subprocess.run([str(venv / "bin" / "copylint"), "rules", "--format", "json"],
                             cwd=tmp_path, capture_output=True, check=True, timeout=120)
    origins = {r["origin"] for r in json.loads(listing.stdout)}
    assert any(o.startswith("pack:") for o in origins)
    where = subprocess.run(
        [str(python), "-c", "from copylint.resources import builtin_pack_dir; print(builtin_pack_dir())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert where.endswith("copylint/_packs") and str(venv) in where
