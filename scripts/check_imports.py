#!/usr/bin/env python3
"""Checks two rules of the code's shape, reading src/ as text:

1. No module imports a module that imports it back, directly or round a longer loop. An
   import is a `use`, a `pub use`, or a path written out in the code
   (`crate::state::use_records()`); each counts as an edge to the file of the deepest module
   it names. An inline module (`mod tests { ... }`) is a module of its own.
2. No page file (under src/pages/, other than a folder's mod.rs) imports another file under
   src/pages/.

Prints what it finds and exits 1 when either rule is broken. Give a checkout's folder to
check another tree: `scripts/check_imports.py ../main`.
"""
import re
import sys
from pathlib import Path

# Loops that landed with work still in progress, each to be untangled by the module's owner
# (and then deleted from here). Any loop not listed fails the check. None today.
KNOWN_LOOPS = []

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent) / "src"


def module_of(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts in (["lib"], ["main"]):
        return ("crate",)
    if parts[-1] == "mod":
        parts = parts[:-1]
    return ("crate", *parts)


FILES = {module_of(p): p for p in ROOT.rglob("*.rs") if p.name != "main.rs"}


def strip_comments(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def split_inline_modules(text):
    """The file's own code, and each inline `mod name { ... }` (such as `mod tests`) apart:
    an inline module is a module of its own, whose imports are its own."""
    own, inline, i = [], {}, 0
    for m in re.finditer(r"\bmod\s+(\w+)\s*\{", text):
        if m.start() < i:
            continue
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        own.append(text[i : m.start()])
        inline[m.group(1)] = text[m.end() : j - 1]
        i = j
    own.append(text[i:])
    return "".join(own), inline


def expand(tree):
    """`a::{b, c::{d}}` -> [a::b, a::c::d]."""
    tree = tree.strip()
    depth, at = 0, None
    for i, ch in enumerate(tree):
        if ch == "{":
            if depth == 0:
                at = i
            depth += 1
        elif ch == "}":
            depth -= 1
    if at is None:
        return [tree]
    prefix, inner = tree[:at], tree[at + 1 : tree.rindex("}")]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(inner):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    return [x for p in parts if p.strip() for x in expand(prefix + p.strip())]


def resolve(here, path):
    """The deepest module file that `path`, written in module `here`, names."""
    segs = [s for s in re.split(r"::", path.split(" as ")[0].strip()) if s]
    if not segs:
        return None
    if segs[0] == "crate":
        base, rest = ("crate",), segs[1:]
    elif segs[0] in ("super", "self"):
        base = here
        while segs and segs[0] in ("super", "self"):
            if segs.pop(0) == "super":
                base = base[:-1]
        rest = segs
    elif here + (segs[0],) in FILES:
        base, rest = here, segs
    elif here not in FILES and here[:-1] + (segs[0],) in FILES:
        base, rest = here[:-1], segs
    else:
        return None  # another crate
    best = base if base in FILES else None
    for s in rest:
        base = base + (s,)
        if base in FILES:
            best = base
        else:
            break
    return best


def edges(here, text):
    found = set()
    for m in re.finditer(r"\buse\s+([^;]+);", text):
        for p in expand(m.group(1)):
            found.add(resolve(here, p))
    for m in re.finditer(r"\b(?:crate|super|self)(?:::\w+)+", text):
        found.add(resolve(here, m.group(0)))
    found.discard(None)
    found.discard(here)
    return {f for f in found if f in FILES}


GRAPH, INLINE = {}, {}
for mod, path in FILES.items():
    own, inline = split_inline_modules(strip_comments(path.read_text()))
    GRAPH[mod] = edges(mod, own)
    for name_, text in inline.items():
        # `super` in an inline module is the file's own module.
        node = mod + (name_,)
        INLINE[node] = f"{path.relative_to(ROOT.parent)} (mod {name_})"
        GRAPH[node] = edges(node, text)


def cycles():
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(group)

    sys.setrecursionlimit(10000)
    for v in GRAPH:
        if v not in index:
            visit(v)
    return out


def name(mod):
    return INLINE.get(mod) or str(FILES[mod].relative_to(ROOT.parent))


def is_page(mod):
    return mod in FILES and mod[:2] == ("crate", "pages") and FILES[mod].name != "mod.rs"


broken = False
loops = cycles()
for group in loops:
    names = {name(m) for m in group}
    known = names in KNOWN_LOOPS
    broken |= not known
    print("known, to be untangled:" if known else "modules that import each other:",
          ", ".join(sorted(names)))
page_imports = [
    (a, b)
    for a in GRAPH
    if is_page(a)
    for b in GRAPH[a]
    if b[:2] == ("crate", "pages")
]
for a, b in page_imports:
    broken = True
    print(f"page file {name(a)} imports {name(b)}")
edge_count = sum(len(v) for v in GRAPH.values())
pages = sum(1 for m in FILES if is_page(m))
print(f"{len(FILES)} modules, {edge_count} imports: {len(loops)} import loops; "
      f"{pages} page files, {len(page_imports)} imports between them")
sys.exit(1 if broken else 0)
