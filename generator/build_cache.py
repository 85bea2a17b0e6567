"""A content-addressed cache of loaded stories and rendered pages, kept between builds.

Every entry is found under the SHA-256 of everything its output depends on: the code, template
and config version (`version`), then the entry's own inputs (a story file's bytes and the
vocabularies; a page's URL, template and view). A changed input is a different key, so the
cache never changes what is built, only whether it is computed again. It lives outside the
output (`.cache/tori/` beside mkdocs.yml by default), so CI can keep it between builds.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

PACKAGE = Path(__file__).resolve().parent
# Distributions whose code shapes the output besides ours.
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pymdown-extensions",
                 "markdown-it-py", "nh3", "babel", "pyyaml")
PAGES = "pages"
STORIES = "stories.pickle"
DATA = "data"
T = TypeVar("T")


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of the parts, each length-prefixed so that no two lists collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def code_version(template_dirs: Iterable[str | Path]) -> str:
    """A digest of our code, the templates (overrides and the theme's) and the libraries."""
    parts: list[str | bytes] = [f"{name}={_version(name)}" for name in DISTRIBUTIONS]
    files = sorted(PACKAGE.rglob("*.py"))
    for folder in template_dirs:
        files += sorted(_templates(Path(folder)))
    for file in files:
        parts += [str(file), file.read_bytes()]
    return digest(*parts)


def _templates(folder: Path) -> Iterable[Path]:
    """The template files under a theme folder, skipping its assets and icons (thousands)."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "assets")
        for name in names:
            if name.endswith((".html", ".xml")):
                yield Path(root) / name


def files_version(paths: Iterable[Path]) -> str:
    """A digest of the names and bytes of files (the vocabularies, for instance)."""
    parts: list[str | bytes] = []
    for path in sorted(paths):
        parts += [path.name, path.read_bytes()]
    return digest(*parts)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `path` through a temporary file, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class PageCache:
    """Rendered pages by key, one file each under `folder/pages/`; unused ones pruned."""

    def __init__(self, folder: Path):
        self.folder = folder / PAGES
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def has(self, key: str) -> bool:
        """Whether a page is stored under `key`."""
        return self._path(key).is_file()

    def get(self, key: str) -> str | None:
        """The page stored under `key`, or None."""
        try:
            html = self._path(key).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        self.used.add(key)
        return html

    def put(self, key: str, html: str) -> None:
        """Store a page under `key`."""
        self.used.add(key)
        _write_atomically(self._path(key), html.encode("utf-8"))

    def prune(self) -> int:
        """Delete the pages this build did not use; returns how many went."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for sub in os.scandir(self.folder):
            if not sub.is_dir():
                continue
            for entry in os.scandir(sub.path):
                if entry.name.removesuffix(".html") not in self.used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
        return removed


class Memo:
    """Results of a pure function of a file's bytes, kept in memory and in one pickle file.

    Between `mkdocs serve` rebuilds the memory copy answers, and a file whose size and
    modification time are unchanged is not even read; a new process reads the pickle and
    hashes every file's bytes (timestamps do not survive a git checkout or a CI cache).
    """

    def __init__(self, path: Path | None):
        self.path = path
        self._by_key: dict[str, object] = {}
        self._stat: dict[str, tuple[tuple[int, int], str]] = {}  # file -> (size, mtime), key
        self._loaded = False
        self._used: dict[str, object] = {}
        self._unwritten = False  # saved in memory, not yet on disk

    def _load(self) -> None:
        if self._loaded or self.path is None:
            return
        self._loaded = True
        try:
            with self.path.open("rb") as stream:
                stored = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return
        if isinstance(stored, dict):
            self._by_key.update(stored)

    def get(self, file: Path, salt: str, compute: Callable[[], T]) -> T:
        """`compute()` for `file`, or the result kept for the same bytes and salt."""
        try:
            stat = os.stat(file)
            signature = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            return compute()  # gone or unreadable: let the loader report it
        known = self._stat.get(str(file))
        if known is not None and known[0] == signature and known[1].startswith(salt):
            key = known[1]
        else:
            try:
                key = salt + digest(str(file), file.read_bytes())
            except OSError:
                return compute()
            self._stat[str(file)] = (signature, key)
        self._load()
        if key in self._by_key:
            value = self._by_key[key]
        else:
            value = self._by_key[key] = compute()
        self._used[key] = value
        return value  # type: ignore[return-value]

    def used_keys(self) -> list[str]:
        """The keys of the results this build asked for, in the order asked."""
        return list(self._used)

    def save(self, write: bool = True) -> None:
        """Keep what this build used (and only that) for the next build, on disk too unless
        `write` is false (the preview writes when it stops, with `write()`)."""
        self._by_key = self._used
        self._used = {}
        self._unwritten = True
        if write:
            self.write()

    def write(self) -> None:
        """Write what the last build used to the pickle, unless it is written already."""
        if self.path is not None and self._unwritten:
            _write_atomically(self.path, pickle.dumps(self._by_key, pickle.HIGHEST_PROTOCOL))
        self._unwritten = False


def images_version(content_dir: Path) -> str:
    """A digest of the story images (a story's check reads its image's type and size)."""
    folder = Path(content_dir) / "stories" / "images"
    parts: list[str | bytes] = []
    if folder.is_dir():
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            parts.append(entry.name)
            if entry.is_symlink():
                parts.append("symlink:" + os.readlink(entry.path))
            elif entry.is_file():
                parts.append(Path(entry.path).read_bytes())
    return digest(*parts)


class Recent:
    """Values computed in this build or the one before, by hashable key (memory only).

    For what a `mkdocs serve` rebuild can reuse from the previous one: feeds and open-data
    rows whose stories (the same objects, kept by Memo) did not change.
    """

    def __init__(self) -> None:
        self._now: dict[Hashable, object] = {}
        self._before: dict[Hashable, object] = {}

    def __call__(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self._now:
            return self._now[key]  # type: ignore[return-value]
        value = self._before[key] if key in self._before else compute()
        self._now[key] = value
        return value  # type: ignore[return-value]

    def turn(self) -> None:
        """A new build: what the last one used is kept, the rest dropped."""
        self._before, self._now = self._now, {}


class BuildCache:
    """The caches of one site: loaded stories and rendered pages, under one folder.

    One instance lives as long as the MkDocs plugin, so `mkdocs serve` keeps the loaded
    stories in memory between rebuilds and reads only the files that changed.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.stories = Memo(folder / STORIES)
        self._code = code_version(())
        self._salts: dict[tuple[int, str, str], str] = {}
        self.content_key = ""  # a digest of the loaded stories, set by load_content
        self.recent = Recent()  # feeds and open-data rows, between serve rebuilds
        self._data_used: set[str] = set()

    def load_content(self, content_dir: Path, *, include_drafts: bool):
        """`validate.load_content`, each story file loaded once for its bytes and context."""
        from generator.validate import load_content, load_story

        self._salts.clear()
        self.recent.turn()
        images = images_version(content_dir)

        def load(file: Path, root: Path, vocab, today):
            context = (id(vocab), str(root), today.isoformat())
            salt = self._salts.get(context)
            if salt is None:
                salt = self._salts[context] = digest(
                    self._code, images, repr(vocab), str(Path(root).absolute()),
                    today.isoformat())
            return self.stories.get(file, salt, lambda: load_story(file, root, vocab, today))

        content = load_content(content_dir, include_drafts=include_drafts, load=load)
        self.content_key = digest(str(include_drafts), *self.stories.used_keys())
        return content

    def data(self, name: str, inputs: str, compute: Callable[[], T]) -> T:
        """`compute()`, kept for the loaded content, the code and `inputs` (e.g. site_url)."""
        key = digest(self._code, self.content_key, name, inputs)
        self._data_used.add(key)
        path = self.folder / DATA / f"{key}.pickle"
        try:
            with path.open("rb") as stream:
                return pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        value = compute()
        _write_atomically(path, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return value

    def flush(self) -> None:
        """Write the loaded stories that `finish` kept in memory only."""
        self.stories.write()

    def pages(self) -> PageCache:
        """A page cache for one build (it records which pages the build used)."""
        return PageCache(self.folder)

    def finish(self, pages: PageCache | None, prune: bool, write: bool = True) -> None:
        """After a successful build: keep the stories it loaded (on disk too unless `write` is
        false: then `flush` writes them); drop pages it did not use."""
        self.stories.save(write)
        if pages is not None and prune:
            pages.prune()
            for entry in os.scandir(self.folder / DATA) if (self.folder / DATA).is_dir() else ():
                if entry.name.removesuffix(".pickle") not in self._data_used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
        self._data_used = set()
