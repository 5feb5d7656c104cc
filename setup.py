"""Ship the top-level resources/ folder inside the wheel as the package data gridkeeper/resources.

Everything else is configured in pyproject.toml; this only adds the one mapping pyproject cannot express
next to `packages.find`. An editable install and PyInstaller (build.spec) read resources/ in place.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["gridkeeper*"]) + ["gridkeeper.resources"],
    package_dir={"gridkeeper.resources": "resources"},
)
