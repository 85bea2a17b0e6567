"""The editors' web form end to end: Decap CMS in Chromium, decap-server over a throwaway copy of
the repository, then `tori check` and `mkdocs build` on what the form wrote."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import lxml.html
import pytest
from cms import decap_server, run_git, throwaway_repo
from conftest import DECAP_PORT

pytestmark = pytest.mark.browser

TITLE_FI = "Kokeilu lomakkeella: Hollolan ja Helsingin yhteinen latu"
TITLE_SV = "Försök med formuläret: ett gemensamt skidspår i Hollola och Helsingfors"
# Decap's slug of the Finnish title (ascii, accents cleaned, lower case, punctuation to hyphens),
# worked out by hand from the title and the config's slug settings.
SLUG = "kokeilu-lomakkeella-hollolan-ja-helsingin-yhteinen-latu"
SUMMARY_FI = "Lomakkeella kirjoitettu kokeilutarina, jossa kaksi kuntaa tekee yhteisen ladun."
SUMMARY_SV = "En provberättelse skriven i formuläret, där två kommuner gör ett gemensamt spår."
BODY_FI = ("## Mitä tehtiin\n\nLatu suunniteltiin yhdessä.\n\n- Suunnittelu\n  - Kartat\n"
           "  - Luvat\n- Toteutus\n\nLue lisää [kunnan sivuilta](https://www.hollola.fi/).\n")
BODY_SV = ("## Vad gjordes\n\nSpåret planerades tillsammans.\n\n- Planering\n  - Kartor\n"
           "  - Tillstånd\n- Genomförande\n\nLäs mer på [kommunens webbplats]"
           "(https://www.hollola.fi/).\n")
ALT = "Hiihtäjä ladulla talvisessa metsässä"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "admin"


def save_screenshot(page, name: str) -> None:
    """A full-page PNG for people to look at (test-artifacts/admin/, ignored by git)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def png(path: Path) -> Path:
    """A small valid PNG (2 x 2 pixels) written with the standard library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")
    header = (2).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"".join(b"\x00" + b"\x20\x60\x90" * 2 for _ in range(2)))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(
        b"IEND", b"")
    path.write_bytes(data)
    return path


def tori_check(repo: Path, *paths: str) -> subprocess.CompletedProcess:
    """`tori check` run in the throwaway repository."""
    return subprocess.run([sys.executable, "-m", "generator.cli", "check", *paths], cwd=repo,
                          capture_output=True, text=True, timeout=120)


def choose(page, field_index: int, label: str, names: list[str]) -> None:
    """Pick options of a select (react-select) by typing their names."""
    control = page.locator(f"[id^='{label}-field-']").nth(field_index)
    for name in names:
        control.click()
        page.keyboard.type(name)
        page.keyboard.press("Enter")


def write_body(page, pane: int, text: str) -> None:
    """Switch the body's editor of one language pane to Markdown and type the text."""
    toggle = page.locator("div:has(> span:text-is('Markdown')) > button[role=switch]")
    toggle.nth(pane).click()
    # Each language pane has one Slate editor, the body's; in Markdown mode it is plain text.
    editor = page.locator("[data-slate-editor]").nth(pane)
    editor.click()
    for number, line in enumerate(text.rstrip("\n").split("\n")):
        if number:
            page.keyboard.press("Enter")
        if line:
            page.keyboard.type(line)


def fill_story(page, *, summary: str = SUMMARY_FI, swedish: bool = True,
               image: Path | None = None) -> None:
    """Fill the bilingual new-story form (Finnish pane 0, Swedish pane 1)."""
    page.goto(page.url.split("#")[0] + "#/collections/stories/new")
    title = page.locator("[id^='title-field-']")
    title.first.wait_for()
    title.nth(0).fill(TITLE_FI)
    page.locator("[id^='summary-field-']").nth(0).fill(summary)
    page.locator("[id^='date-field-']").nth(0).fill("2025-05-20")
    page.locator("[id^='organisation-field-']").nth(0).fill("Hollolan kunta")
    choose(page, 0, "municipalities", ["Helsingfors", "Hollola"])
    choose(page, 0, "categories", ["Digitalisaatio"])
    if image is not None:
        page.get_by_role("button", name="Valitse kuva").first.click()
        page.locator("input[type=file]").set_input_files(str(image))
        page.get_by_role("button", name="Käytä valittua").click()
        page.locator("[id^='image_alt-field-']").nth(0).fill(ALT)
    write_body(page, 0, BODY_FI)
    if swedish:
        page.locator("[id^='title-field-']").nth(1).fill(TITLE_SV)
        page.locator("[id^='summary-field-']").nth(1).fill(SUMMARY_SV)
        page.locator("[id^='organisation-field-']").nth(1).fill("Hollola kommun")
        if image is not None:
            page.locator("[id^='image_alt-field-']").nth(1).fill(
                "En skidåkare på spåret i en vinterskog")
        write_body(page, 1, BODY_SV)


def save_and_wait(page) -> None:
    """Save the entry: Publish now with the file system backend, Save with the git one."""
    save = page.get_by_role("button", name="Tallenna", exact=True)
    if save.count():
        save.click()
    else:
        page.get_by_role("button", name="Julkaise", exact=True).click()
        page.get_by_role("menuitem", name="Julkaise nyt").click()


@pytest.fixture(scope="module")
def fs_result(browser, site_server, tmp_path_factory):
    """The form filled and saved with MODE=fs; the throwaway repository and its new build."""
    root = tmp_path_factory.mktemp("form-fs")
    repo = throwaway_repo(root / "repo", git=False)
    image = png(root / "latu-lomake.png")
    watched = Watched(browser)
    page = watched.page
    with decap_server(repo, "fs", DECAP_PORT):
        page.goto(site_server + "admin/")
        page.get_by_role("button", name="Kirjaudu sisään").click()
        fill_story(page, image=image)
        save_screenshot(page, "admin-form-filled-fi")
        save_and_wait(page)
        stories = repo / "content" / "stories"
        page.wait_for_function("() => !document.body.innerText.includes('Julkaistaan')")
        page.wait_for_timeout(500)
    watched.close()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for written in stories.glob(f"{SLUG}.*.md"):  # for people to read beside the screenshots
        (SHOTS / written.name).write_bytes(written.read_bytes())
    site = root / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                           cwd=repo, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return {"repo": repo, "stories": stories, "site": site, "build": build}


class Watched:
    """A browser context on the form: requests off 127.0.0.1 and CSP violations recorded."""

    def __init__(self, browser, locale: str = "fi-FI"):
        self.offsite: list[str] = []
        self.csp: list[str] = []
        self.context = browser.new_context(locale=locale,
                                           viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", lambda route: _guard(route, self.offsite))
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp.append(message.text)

    def close(self) -> None:
        """Close the context; fail if anything left 127.0.0.1 or broke the policy."""
        self.context.close()
        assert self.offsite == [], f"the form tried to reach other hosts: {self.offsite}"
        assert self.csp == [], "\n".join(self.csp)


def _guard(route, offsite: list[str]) -> None:
    """Let requests to 127.0.0.1 through; record and abort any other."""
    url = route.request.url
    if url.startswith("http://127.0.0.1:") or url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        offsite.append(url)
        route.abort()


def test_form_writes_both_files_under_the_contract_names(fs_result):
    stories = fs_result["stories"]
    assert (stories / f"{SLUG}.fi.md").is_file()
    assert (stories / f"{SLUG}.sv.md").is_file()
    assert (stories / "images" / "latu-lomake.png").is_file()
    fi = (stories / f"{SLUG}.fi.md").read_text(encoding="utf-8")
    assert "image: images/latu-lomake.png" in fi
    assert "- helsinki" in fi and "- hollola" in fi


def test_what_the_form_wrote_passes_tori_check(fs_result):
    repo = fs_result["repo"]
    done = tori_check(repo, f"content/stories/{SLUG}.fi.md", f"content/stories/{SLUG}.sv.md")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_built_site_shows_the_new_story_in_both_languages(fs_result):
    build = fs_result["build"]
    assert build.returncode == 0, build.stderr[-3000:]
    site = fs_result["site"]
    fi = lxml.html.parse(str(site / "fi" / "tarinat" / SLUG / "index.html")).getroot()
    sv = lxml.html.parse(str(site / "sv" / "berattelser" / SLUG / "index.html")).getroot()
    assert fi.xpath("string(//h1)") == TITLE_FI
    assert sv.xpath("string(//h1)") == TITLE_SV
    assert fi.xpath("//div[@class='tori-body']//h2[.='Mitä tehtiin']")
    assert fi.xpath("//div[@class='tori-body']//a[@href='https://www.hollola.fi/']")
    assert fi.xpath("//img[@alt=$alt]", alt=ALT)
    assert "Helsinki" in fi.xpath("string(//aside[@class='tori-facts'])")


def test_the_nested_list_of_the_body_is_nested(fs_result):
    site = fs_result["site"]
    fi = lxml.html.parse(str(site / "fi" / "tarinat" / SLUG / "index.html")).getroot()
    assert fi.xpath("//div[@class='tori-body']//ul/li/ul/li[.='Kartat']")


def test_git_mode_save_makes_one_commit_on_a_cms_branch(browser, site_server, tmp_path):
    repo = throwaway_repo(tmp_path / "repo", git=True)
    watched = Watched(browser)
    page = watched.page
    with decap_server(repo, "git", DECAP_PORT):
        page.goto(site_server + "admin/")
        page.get_by_role("button", name="Kirjaudu sisään").click()
        fill_story(page)
        page.get_by_role("button", name="Tallenna", exact=True).click()
        page.get_by_text("Muutokset tallennettu").wait_for(timeout=30_000)
    watched.close()
    branches = run_git(repo, "branch", "--list", "cms/*", "--format=%(refname:short)").split()
    assert branches == [f"cms/stories/{SLUG}"]
    commits = run_git(repo, "rev-list", f"main..{branches[0]}").split()
    assert len(commits) == 1
    changed = run_git(repo, "show", "--name-only", "--format=", commits[0]).split()
    assert sorted(changed) == [f"content/stories/{SLUG}.fi.md", f"content/stories/{SLUG}.sv.md"]
    assert run_git(repo, "status", "--porcelain") == ""


def test_a_too_short_summary_is_refused_in_finnish_and_nothing_is_written(
        browser, site_server, tmp_path):
    repo = throwaway_repo(tmp_path / "repo", git=False)
    before = sorted(p.name for p in (repo / "content" / "stories").iterdir())
    watched = Watched(browser)
    page = watched.page
    with decap_server(repo, "fs", DECAP_PORT):
        page.goto(site_server + "admin/")
        page.get_by_role("button", name="Kirjaudu sisään").click()
        fill_story(page, summary="Liian lyhyt.", swedish=False)
        save_and_wait(page)
        message = page.get_by_text("Tiivistelmä: kirjoita 20–400 merkkiä tekstiä")  # noqa: RUF001
        message.first.wait_for(timeout=10_000)
        message.first.scroll_into_view_if_needed()
        save_screenshot(page, "admin-form-error-fi")
        page.wait_for_timeout(1000)
    watched.close()
    assert sorted(p.name for p in (repo / "content" / "stories").iterdir()) == before
