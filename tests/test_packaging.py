"""Packaging: pyproject.toml is the single source; environment.yml and the Makefile agree with it."""
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=~!;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_installs_the_project_with_existing_extras():
    env = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "python=3.11" in conda and "pip" in conda
    project = _pyproject()
    assert project["requires-python"] == ">=3.11"
    install = [line for line in pip if line.startswith("-e .")]
    assert len(install) == 1, "environment.yml must install the project itself"
    extras = set(re.search(r"\[(.*)\]", install[0]).group(1).split(","))
    assert extras <= set(project["optional-dependencies"])
    # Any package environment.yml names beyond the project must be one pyproject names too.
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for reqs in project["optional-dependencies"].values() for r in reqs}
    others = {_name(d) for d in conda if not d.startswith(("python", "pip"))}
    others |= {_name(d) for d in pip if not d.startswith("-e")}
    assert others <= declared, others - declared


def test_makefile_installs_the_extras_environment_yml_names():
    env_line = next(l for l in (ROOT / "environment.yml").read_text().splitlines() if "-e ." in l)
    env_extras = set(re.search(r"\[(.*)\]", env_line).group(1).split(","))
    make_extras = set(re.search(r'-e "\.\[(.*?)\]"', (ROOT / "Makefile").read_text()).group(1).split(","))
    assert env_extras == make_extras


def test_every_dependency_is_pinned():
    project = _pyproject()
    reqs = project["dependencies"] + [r for k, v in project["optional-dependencies"].items()
                                      if k != "nlp" for r in v]
    unpinned = [r for r in reqs if not re.search(r"(~=|==)", r)]
    assert not unpinned, f"pin these (~= or ==): {unpinned}"


def test_citation_cff_names_authors_and_matches_the_package_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert cff["version"] == _pyproject()["version"]
    assert cff["authors"] and all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    assert cff["license"] == _pyproject()["license"]


def test_licence_is_an_spdx_expression_with_its_file():
    project = _pyproject()
    assert project["license"] == "MIT"  # PEP 639 string: no setuptools deprecation warning
    assert all((ROOT / f).is_file() for f in project["license-files"])
