"""Tests for generator.csp: the Content-Security-Policy of built pages."""

from __future__ import annotations

import pytest

from generator import csp

EMPTY_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # SHA-256 of ""

PAGE = f"""<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}">
<script>var a=1</script>
<script id="__config" type="application/json">{{"base": "."}}</script>
<script src="assets/x.js"></script><SCRIPT type="module">var b=2</SCRIPT>
</head><body>{csp.CONTENT_START} tabindex="-1"><p>x</p><script>alert(1)</script>
</article><script>alert(2)</script></article></div><script>var c=3</script></body></html>"""


def test_inline_scripts_are_those_a_browser_runs() -> None:
    assert csp.inline_scripts(PAGE) == ["var a=1", "var b=2", "alert(1)", "alert(2)", "var c=3"]


def test_script_hash_is_the_csp_source_of_the_sha256() -> None:
    assert csp.script_hash("") == EMPTY_HASH


def test_the_base_policy_allows_script_from_the_site_only() -> None:
    directives = dict(part.split(" ", 1) for part in csp.policy().split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["frame-src"] == "'none'"
    assert all("unsafe" not in sources for sources in directives.values())


def test_hashes_and_extra_sources_widen_only_their_directive() -> None:
    text = csp.policy(["", "", "x"], {"script-src": ["'wasm-unsafe-eval'"],
                                      "connect-src": ["'self'", "https://api.example"]})
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["script-src"] == (f"'self' 'wasm-unsafe-eval' {EMPTY_HASH} "
                                        f"{csp.script_hash('x')}")
    assert directives["connect-src"] == "'self' https://api.example"
    assert directives["img-src"] == "'self' data: https:"


def test_a_page_policy_hashes_the_frame_but_not_the_content() -> None:
    text = csp.page_policy(PAGE)
    for frame in ("var a=1", "var b=2", "var c=3"):
        assert csp.script_hash(frame) in text
    # Content, even after a fake </article> meant to move a script out of the content region.
    assert csp.script_hash("alert(1)") not in text and csp.script_hash("alert(2)") not in text
    assert "'wasm-unsafe-eval'" not in text
    assert "'wasm-unsafe-eval'" in csp.page_policy(PAGE, wasm=True)


def test_a_page_without_a_content_region_is_all_frame() -> None:
    page = "<html><head><script>var a=1</script></head><body><script>var b=2</script></body>"
    assert csp.page_policy(page) == csp.policy(["var a=1", "var b=2"])


def test_with_policy_fills_the_placeholder_or_fails() -> None:
    filled = csp.with_policy(PAGE, "default-src 'self'")
    assert 'content="default-src \'self\'"' in filled and csp.PLACEHOLDER not in filled
    with pytest.raises(ValueError, match="placeholder"):
        csp.with_policy("<html></html>", "x")
