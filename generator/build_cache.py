"""A content-addressed cache of loaded stories and rendered pages, kept between builds.

Every entry is found under the SHA-256 of everything its output depends on: the code, template
and config version (`version`), then the entry's own inputs (a story file's bytes and the
vocabularies; a page's URL, template and view). A changed input is a different key, so the
cache never changes what is built, only whether it is computed again. It lives outside the
output (`.cache/tori/` beside mkdocs.yml by default), so CI can keep it between builds.

Everything is kept in one SQLite file (cache_store.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import shutil
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from generator.cache_store import DATABASE, Store

PACKAGE = Path(__file__).resolve().parent
# Distributions whose code shapes the output besides ours.
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "pymdown-extensions",
                 "markdown-it-py", "nh3", "babel", "pyyaml")
# What earlier versions kept in files beside it; removed when a build prunes.
OLD_ENTRIES = ("pages", "data", "stories.pickle")
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


class PageCache:
    """Rendered pages by key, in the cache's SQLite file; unused ones pruned."""

    def __init__(self, folder: Path, store: Store | None = None):
        self.store = store or Store(folder / DATABASE)
        self.used: set[str] = set()
        self._known: set[str] | None = None  # the stored keys, read once

    def has(self, key: str) -> bool:
        """Whether a page is stored under `key`."""
        if self._known is None:
            self._known = self.store.keys("pages")
        return key in self._known

    def get(self, key: str) -> str | None:
        """The page stored under `key`, or None."""
        data = self.store.get("pages", key)
        if data is None:
            return None
        self.used.add(key)
        return data.decode("utf-8", "surrogatepass")

    def put(self, key: str, html: str) -> None:
        """Store a page under `key`."""
        self.used.add(key)
        if self._known is not None:
            self._known.add(key)
        self.store.put("pages", key, html.encode("utf-8", "surrogatepass"))

    def flush(self) -> None:
        """Write the pages still pending."""
        self.store.flush()

    def prune(self) -> int:
        """Delete the pages this build did not use; returns how many went."""
        return self.store.keep_only("pages", self.used)


class Memo:
    """Results of a pure function of a file's bytes, kept in memory and in the cache's file.

    Between `mkdocs serve` rebuilds the memory copy answers, and a file whose size and
    modification time are unchanged is not even read; a new process hashes every file's bytes
    (timestamps do not survive a git checkout or a CI cache) and reads the stored result.
    """

    def __init__(self, path: Path | Store | None, table: str = "stories"):
        self.store = Store(path) if isinstance(path, Path) else path
        self.table = table
        self._by_key: dict[str, object] = {}
        self._stat: dict[str, tuple[tuple[int, int], str]] = {}  # file -> (size, mtime), key
        self._used: dict[str, object] = {}
        self._new: set[str] = set()  # keys computed since the last write
        self._unwritten = False  # saved in memory, not yet in the file

    def _stored(self, key: str) -> tuple[bool, object]:
        """Whether the file holds a result for `key`, and the result."""
        if self.store is None:
            return False, None
        return self.store.get_object(self.table, key)

    def _key(self, file: Path, salt: str) -> str | None:
        """The key of `file`'s result, or None when the file cannot be read."""
        try:
            stat = os.stat(file)
            signature = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            return None  # gone or unreadable: let the loader report it
        known = self._stat.get(str(file))
        if known is not None and known[0] == signature and known[1].startswith(salt):
            return known[1]
        try:
            key = salt + digest(str(file), file.read_bytes())
        except OSError:
            return None
        self._stat[str(file)] = (signature, key)
        return key

    def _known(self, key: str) -> tuple[bool, object]:
        """Whether a result for `key` is in memory or stored, and the result."""
        if key in self._by_key:
            return True, self._by_key[key]
        found, value = self._stored(key)
        if found:
            self._by_key[key] = value
        return found, value

    def get(self, file: Path, salt: str, compute: Callable[[], T]) -> T:
        """`compute()` for `file`, or the result kept for the same bytes and salt."""
        return self.get_many([file], salt, lambda files: [compute()])[0]

    def get_many(self, files: Sequence[Path], salt: str,
                 compute: Callable[[list[Path]], list[T]]) -> list[T]:
        """The results for `files` in order: kept ones, the others from one `compute` call."""
        keys = [self._key(file, salt) for file in files]
        values: list[object] = [None] * len(files)
        missing: list[int] = []
        for i, key in enumerate(keys):
            found, value = (False, None) if key is None else self._known(key)
            if found:
                values[i] = value
            else:
                missing.append(i)
        computed = compute([files[i] for i in missing]) if missing else []
        for i, value in zip(missing, computed, strict=True):
            values[i] = value
            if keys[i] is not None:
                self._by_key[keys[i]] = value
                self._new.add(keys[i])
        for key, value in zip(keys, values, strict=True):
            if key is not None:
                self._used[key] = value
        return values  # type: ignore[return-value]

    def key_of(self, file: Path) -> str | None:
        """The key `file`'s result was last looked up under, None if it never was."""
        known = self._stat.get(str(file))
        return known[1] if known is not None else None

    def used_keys(self) -> list[str]:
        """The keys of the results this build asked for, in the order asked."""
        return list(self._used)

    def save(self, write: bool = True) -> None:
        """Keep what this build used (and only that) for the next build, in the file too
        unless `write` is false (then `write()` does it later)."""
        self._by_key = self._used
        self._used = {}
        self._unwritten = True
        if write:
            self.write()

    def write(self) -> None:
        """Store the results the last build computed and drop the ones it did not use."""
        if self.store is None or not self._unwritten:
            return
        new, self._new = self._new, set()
        for key in sorted(new & set(self._by_key)):
            self.store.put_object(self.table, key, self._by_key[key])
        self.store.keep_only(self.table, self._by_key)
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
        self.store = Store(folder / DATABASE)
        self.stories = Memo(self.store)
        self._code = code_version(())
        self._salts: dict[tuple[int, str, str], str] = {}
        self.content_key = ""  # a digest of the loaded stories, set by load_content
        self.recent = Recent()  # feeds and open-data rows, between serve rebuilds
        self._data_used: set[str] = set()
        self._story_keys: dict[str, str] = {}  # a loaded story's source -> its file's key

    def load_content(self, content_dir: Path, *, include_drafts: bool, workers: int = 1):
        """`validate.load_content`, each story file loaded once for its bytes and context.

        The files not found in the cache are loaded with `workers` processes.
        """
        from generator.validate import load_content, load_stories

        self._salts.clear()
        self._story_keys = {}
        self.recent.turn()
        images = images_version(content_dir)

        def load_many(files: Sequence[Path], root: Path, vocab, today):
            context = (id(vocab), str(root), today.isoformat())
            salt = self._salts.get(context)
            if salt is None:
                salt = self._salts[context] = digest(
                    self._code, images, repr(vocab), str(Path(root).absolute()),
                    today.isoformat())
            loaded = self.stories.get_many(
                files, salt, lambda todo: load_stories(todo, root, vocab, today, workers=workers))
            for file, result in zip(files, loaded, strict=True):
                if result.story is not None:
                    self._story_keys[result.story.source] = self.stories.key_of(file) or ""
            return loaded

        content = load_content(content_dir, include_drafts=include_drafts, load_many=load_many)
        self.content_key = digest(str(include_drafts), *self.stories.used_keys())
        return content

    def data(self, name: str, inputs: str, compute: Callable[[], T]) -> T:
        """`compute()`, kept for the loaded content, the code and `inputs` (e.g. site_url)."""
        # a few large values: kept at once, like a page written
        return self._memo(digest(self._code, self.content_key, name, inputs), compute, flush=True)

    def kept(self, name: str, inputs: str, compute: Callable[[], T]) -> T:
        """`compute()`, kept for the code and `inputs` alone (whatever else the content is)."""
        return self._memo(digest(self._code, name, inputs), compute, flush=False)

    def _memo(self, key: str, compute: Callable[[], T], flush: bool) -> T:
        """The value stored under `key` in the data table, or `compute()` stored there."""
        self._data_used.add(key)
        found, value = self.store.get_object("data", key)
        if found:
            return value
        value = compute()
        self.store.put_object("data", key, value)
        if flush:
            self.store.flush()
        return value

    def related(self, index, limit: int):
        """`related.all_related`, kept while no story changes more than its body.

        A build after a story's body was edited ranks no related stories again (at 10 000
        stories the rankings were a third of building the pages' views).
        """
        from generator.related import all_related, ranking_inputs

        return self.kept("related", f"{limit}\n{ranking_inputs(index)}",
                         lambda: all_related(index, limit))

    def story_identity(self, entry) -> tuple[str, ...]:
        """A story as the keys of the files its versions were loaded from (same key, same
        story): what tells a new build process which stories changed since the last build."""
        return tuple(self._story_keys.get(version.source, "") for version in entry.versions)

    def page_keys(self, keys):
        """`keys` (page_keys.PageKeys) with the page keys the last build kept, if any."""
        found, state = self.store.get_object("data", self._page_keys_key())
        if found:
            keys.restored(state)
        return keys

    def keep_page_keys(self, keys) -> None:
        """Keep the page keys of this (successful) build for the next one."""
        key = self._page_keys_key()
        self._data_used.add(key)
        self.store.put_object("data", key, keys.state())

    def _page_keys_key(self) -> str:
        return digest(self._code, "page-keys")

    def compiled_templates(self):
        """Compiled Jinja templates kept in the cache's folder (Jinja checks each source's
        checksum, so an edited template is compiled anew)."""
        import jinja2

        folder = self.folder / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder))

    def pages(self) -> PageCache:
        """A page cache for one build (it records which pages the build used)."""
        return PageCache(self.folder, self.store)

    def flush(self) -> None:
        """Write the loaded stories that `finish` kept in memory only, and anything pending."""
        self.stories.write()
        self.store.flush()

    def finish(self, pages: PageCache | None, prune: bool, write: bool = True) -> None:
        """After a successful build: keep the stories it loaded (in the file too unless
        `write` is false: then `flush` writes them); drop pages it did not use."""
        self.stories.save(write)
        if pages is not None and prune:
            pages.prune()
            self.store.keep_only("data", self._data_used)
            self._remove_old_entries()
        self.store.flush()
        self._data_used = set()

    def _remove_old_entries(self) -> None:
        """Delete what an earlier version of the cache kept in files (one folder per page)."""
        for name in OLD_ENTRIES:
            path = self.folder / name
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                with contextlib.suppress(OSError):
                    path.unlink()
