#!/usr/bin/env python3
"""Fails when two files of the library import each other.

Usage: import_cycles.py SRC_DIR

Reads every `use` and `pub use` declaration of the library's files (the command-line tool in
`bin/` and `#[cfg(test)] mod tests` blocks are left out), resolves each imported path to the
file that defines the item (a re-export through a `mod.rs` is followed to the child file that
defines it), and lists every pair of files that import each other. Exit status 1 if there is
one. This is a check of the layout (issue 15: no two files import each other), not a Rust
parser: it reads declarations as text, which the crate's formatting (rustfmt) keeps regular.
"""

import os
import re
import sys

DEFINITION = r"(?:fn|struct|enum|const|trait|type|static|macro_rules!)\s+{}\b"


def without_tests(text):
    cut = text.find("#[cfg(test)]\nmod tests")
    return text if cut < 0 else text[:cut]


def module_files(src):
    files = {}
    for folder, _, names in os.walk(src):
        if os.path.relpath(folder, src).split(os.sep)[0] == "bin":
            continue
        for name in names:
            if name.endswith(".rs"):
                path = os.path.join(folder, name)
                parts = os.path.relpath(path, src)[:-3].split(os.sep)
                if parts[-1] in ("mod", "lib"):
                    parts = parts[:-1]
                files[tuple(parts)] = path
    return files


def expand(tree):
    """`a::{b, c::{d, e}}` -> [`a::b`, `a::c::d`, `a::c::e`]."""
    tree = tree.strip()
    if "{" not in tree:
        return [tree]
    prefix, inner = tree[: tree.index("{")], tree[tree.index("{") + 1 : tree.rindex("}")]
    items, depth, current = [], 0, ""
    for ch in inner:
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [prefix + leaf for item in items if item.strip() for leaf in expand(item)]


def main(src):
    files = module_files(src)
    texts = {module: without_tests(open(path).read()) for module, path in files.items()}

    def defines(module, item):
        return re.search(DEFINITION.format(re.escape(item)), texts[module]) is not None

    def resolve(path):
        for n in range(len(path), 0, -1):
            module = tuple(path[:n])
            if module not in files:
                continue
            if n < len(path) and path[n] not in ("*", "self") and not defines(module, path[n]):
                for child in files:
                    if child[:n] == module and len(child) > n and defines(child, path[n]):
                        return child
            return module
        return None

    imports = {}
    for module, path in files.items():
        found = set()
        for m in re.finditer(r"^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", texts[module], re.M):
            for used in expand(m.group(1).replace("\n", " ")):
                segments = [s.strip() for s in used.split("::")]
                if segments[0] == "crate":
                    target = segments[1:]
                elif segments[0] == "super":
                    base = list(module[:-1])
                    i = 1
                    while i < len(segments) and segments[i] == "super":
                        base = base[:-1]
                        i += 1
                    target = base + segments[i:]
                elif segments[0] == "self":
                    target = list(module) + segments[1:]
                else:  # an external crate, or a child module of this one
                    target = list(module) + segments
                resolved = resolve(target)
                if resolved is not None and resolved != module:
                    found.add(resolved)
        imports[module] = found

    pairs = sorted(
        (a, b) for a in imports for b in imports[a] if a < b and a in imports.get(b, ())
    )
    for a, b in pairs:
        print("{} <-> {}".format(files[a], files[b]))
    print("{} pairs of files import each other".format(len(pairs)))
    return 1 if pairs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "src"))
