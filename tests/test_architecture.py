"""The shape of the code (docs/architecture.md): apps import only the layers below them, no two files
import each other (directly or round a circle), only urls.py imports a views module, and no function is
longer than a screen. Read from the source with `ast`, so lazy imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "handlekraft"

# Lowest first. An app may import its own layer's and lower layers' apps, never a higher one; the project
# modules (handlekraft/*.py: settings, urls, the API root) sit above them all.
LAYERS = [
    {"lib", "synthesis"},  # libraries without models: text, documents, the theme engine
    {"notifications", "jobs"},  # platform apps: every domain app uses them, they know none
    {"organisation"},
    {"mandates"},
    {"experiments"},
    {"stories"},
    {"dialogue"},
    {"summaries"},
    {"pulse"},
    {"plan"},
]
LAYER_OF = {app: n for n, apps in enumerate(LAYERS) for app in apps}
MAX_LINES = 60


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = ("handlekraft", *path.relative_to(PACKAGE).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project's modules this module imports, anywhere in it."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            candidates = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {c for c in candidates if c in known and c != name}
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYER_OF) else None


def test_every_app_has_a_layer():
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps == set(LAYER_OF), "add the new app to LAYERS here and to docs/architecture.md"


def upward(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{source} imports {target}"
        for source, targets in graph.items()
        for target in targets
        if (a := app_of(source)) and (b := app_of(target)) and LAYER_OF[b] > LAYER_OF[a]
    ]


def views_imported(graph: dict[str, set[str]]) -> list[str]:
    def is_views(module: str) -> bool:
        last = module.rsplit(".", 1)[-1]
        return last == "views" or last.endswith("_views") or ".views." in module

    return [
        f"{source} imports {target}"
        for source, targets in graph.items()
        for target in targets
        if is_views(target) and not source.rsplit(".", 1)[-1].endswith("urls") and not is_views(source)
    ]


def test_no_app_imports_a_higher_layer(graph):
    assert upward(graph) == []


def test_no_two_files_import_each_other_even_round_a_circle(graph):
    assert cycles(graph) == []


def test_only_urls_import_a_views_module(graph):
    assert views_imported(graph) == []


DOMAIN_APPS = sorted(app for layer in LAYERS[2:] for app in layer)
LAYOUT = ["models.py", "rules.py", "forms.py", "urls.py", "views/__init__.py"]


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_every_domain_app_has_the_same_layout(app):
    missing = [part for part in LAYOUT if not (PACKAGE / app / part).exists()]
    assert missing == [] and not (PACKAGE / app / "views.py").exists()


def screens_outside_views(found: dict[str, Path]) -> list[str]:
    """Functions that answer a request with a page (`def x(request…) -> HttpResponse`) outside a views
    package: the API's endpoints return data, and the project's own views.py sits above the apps."""
    outside = []
    for name, path in found.items():
        app = app_of(name)
        if app not in DOMAIN_APPS or ".views" in name or name.endswith(".urls"):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and node.args.args
                and node.args.args[0].arg == "request"
                and isinstance(node.returns, ast.Name | ast.Constant)
                and "HttpResponse" in ast.unparse(node.returns)
            ):
                outside.append(f"{name}.{node.name}")
    return outside


def test_screens_live_in_the_views_packages():
    assert screens_outside_views(modules()) == []


def test_no_function_is_longer_than_a_screen():
    long = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert long == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_checks_find_what_they_look_for():
    """The cycle finder and the views rule on a made-up graph, so an empty answer above means something."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert app_of("handlekraft.mandates.views") == "mandates" and app_of("handlekraft.urls") is None
    assert upward({"handlekraft.jobs.rules": {"handlekraft.organisation.rules"}}) == [
        "handlekraft.jobs.rules imports handlekraft.organisation.rules"
    ]
    assert upward({"handlekraft.plan.status": {"handlekraft.pulse.models"}}) == []
    assert views_imported({"handlekraft.stories.api": {"handlekraft.stories.views"}}) != []
    assert views_imported({"handlekraft.stories.urls": {"handlekraft.stories.views"}}) == []


def test_the_graph_is_read_from_the_source(graph):
    assert "handlekraft.pulse.models" in graph["handlekraft.plan.status"]
    assert "handlekraft.pulse.codes" in graph["handlekraft.pulse.tasks"]  # a relative import


def test_the_screens_check_finds_a_screen_outside_views(tmp_path):
    module = tmp_path / "helpers.py"
    module.write_text("def page(request) -> HttpResponse:\n    return render(request, 'x.html')\n")
    assert screens_outside_views({"handlekraft.stories.helpers": module}) == [
        "handlekraft.stories.helpers.page"
    ]
    assert screens_outside_views({"handlekraft.stories.views.helpers": module}) == []
