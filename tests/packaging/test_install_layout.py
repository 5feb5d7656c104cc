"""`pip install .` (a wheel, not editable) ships resources/ and the migration scripts, and
`resource_root` finds resources in a wheel, a source checkout / editable install and a frozen app.

.ci/run proves the real thing (wheel into a fresh venv outside the tree, self-test, ledger PDF with the
font embedded); these tests catch a packaging slip in the normal test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gridkeeper import paths

REPO = Path(__file__).resolve().parents[2]


def test_the_built_package_holds_every_resource_and_the_migration_scripts(tmp_path):
    # build_py lays out exactly what the wheel's purelib holds.
    done = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shipped = tmp_path / "gridkeeper"
    wanted = [p.relative_to(REPO / "resources") for p in (REPO / "resources").rglob("*") if p.is_file()]
    assert any(p.suffix == ".ttf" for p in wanted) and any(p.suffix == ".qm" for p in wanted)
    missing = [str(p) for p in wanted if not (shipped / "resources" / p).is_file()]
    assert not missing, f"not in the package: {missing}"
    migrations = REPO / "gridkeeper" / "storage" / "migrations"
    scripts = [p.relative_to(migrations) for p in migrations.rglob("*")
               if p.is_file() and p.suffix in (".py", ".mako")]
    assert Path("env.py") in scripts
    missing = [str(p) for p in scripts if not (shipped / "storage" / "migrations" / p).is_file()]
    assert not missing, f"migration scripts not in the package: {missing}"
    # ... and from there, resource_root finds the package's copy.
    assert paths.resource_root(shipped) == shipped / "resources"


def _fonts(folder: Path) -> Path:
    (folder / "fonts").mkdir(parents=True)
    return folder


def test_an_installed_package_uses_its_own_resources_not_a_stray_one_in_site_packages(tmp_path):
    site = tmp_path / "site-packages"
    _fonts(site / "resources")  # some other distribution's top-level `resources`
    own = _fonts(site / "gridkeeper" / "resources")
    assert paths.resource_root(site / "gridkeeper") == own


def test_a_source_checkout_or_editable_install_uses_the_top_level_folder(tmp_path):
    (tmp_path / "gridkeeper").mkdir()
    top = _fonts(tmp_path / "resources")
    assert paths.resource_root(tmp_path / "gridkeeper") == top
    assert paths.resource_root() == REPO / "resources"  # this checkout


def test_a_frozen_app_uses_the_bundled_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_root() == tmp_path / "resources"
