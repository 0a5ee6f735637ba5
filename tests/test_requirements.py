"""The Python packages are locked in two files, so that previewing the site (scripts/serve → scripts/setup) installs only
what serving and building need, and the test tools come with scripts/setup --tests."""

from __future__ import annotations

import re
import tomllib

from sitebuild import ROOT

TEST_TOOLS = {"pytest", "playwright", "zensical", "sectxt"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!-]+)$")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503: PyYAML, pyyaml and py_yaml are one package


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if line:
            match = PIN.match(line)
            assert match, f"not an exact pin: {line!r}"
            pins[_name(match.group(1))] = match.group(2)
    return pins


def _lock(name: str) -> dict[str, str]:
    return _pins((ROOT / name).read_text(encoding="utf-8").splitlines())


def _pyproject():
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def test_runtime_lock_has_the_sites_dependencies_and_no_test_tools():
    project = _pyproject()
    runtime, tests = _lock("requirements.lock"), _lock("requirements-test.lock")
    wanted = _pins(project["project"]["dependencies"] + project["build-system"]["requires"])
    assert {name: runtime.get(name) for name in wanted} == wanted
    assert TEST_TOOLS & set(runtime) == set()
    assert TEST_TOOLS <= set(tests)


def test_test_lock_has_the_test_dependencies_at_their_pins_and_nothing_twice():
    runtime, tests = _lock("requirements.lock"), _lock("requirements-test.lock")
    wanted = _pins(_pyproject()["project"]["optional-dependencies"]["test"])
    assert {name: tests.get(name) for name in wanted} == wanted
    assert set(runtime) & set(tests) == set()


def test_setup_installs_the_test_lock_only_for_the_tests():
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    code = "\n".join(line for line in setup.splitlines() if not line.lstrip().startswith("#"))
    branch = re.search(r'^if \[ "\$\{1:-\}" = "--tests" \]; then\n(.*?)^fi$', code, re.S | re.M)
    assert branch and "requirements-test.lock" in branch.group(1)
    assert "requirements-test.lock" not in code.replace(branch.group(0), "")
