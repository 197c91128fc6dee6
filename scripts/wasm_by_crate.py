#!/usr/bin/env python3
"""Rolls a wasm's functions and data up by crate, from `twiggy top -n 1000000 -f csv`.

Names must still be in the wasm: use rustc's output, or the shipped wasm rebuilt with names
(see docs/size-notes.md). Generic code is counted under the crate of its outermost path,
so a closure inlined into a router or tachys function counts there, not in the page.

    twiggy top -n 1000000 -f csv named.wasm > all.csv && python3 scripts/wasm_by_crate.py all.csv
"""
import collections
import csv
import re
import sys

STD = ('alloc', 'core', 'std')
GENERIC = {'impl', 'F', 'T', 'I', 'E', 'V', 'R', 'Fut', 'S', 'A', 'Box', 'Option', 'Vec',
           'str', 'u8', 'u32', 'usize', 'i32', 'i64', 'u64', 'f64', 'bool', 'String', 'char'}


def crate_of(name):
    """The crate a twiggy item belongs to, or None for custom sections (not shipped)."""
    if name.startswith('custom section') or 'subsection' in name or '__wbindgen_describe' in name:
        return None
    if name.startswith('data segment'):
        return '(data: strings, tables, vtables)'
    if '::' not in name and re.match(r'^(elem|table|type|global|import|export|code|func)\b', name):
        return '(wasm tables, types, imports)'
    inner = re.match(r'^core(\[[0-9a-f]+\])?::ptr::drop_in_place<(.*)>(::h[0-9a-f]+)?$', name)
    s = inner.group(2) if inner else name
    s = re.sub(r'^(<|&mut |&|dyn |\*const |\*mut |\(|\[)+', '', s)
    first = re.match(r'[A-Za-z_][A-Za-z0-9_]*', s)
    if not first:
        return '(other)'
    crate = first.group(0)
    if crate in STD:
        return 'std/core/alloc'
    if crate in GENERIC:
        # A generic parameter first: count it under the trait's crate.
        trait = re.search(r' as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::', name)
        return f'{trait.group(1)} (generic impls)' if trait else 'std/core/alloc'
    return crate


def main(path):
    by_crate, by_module = collections.Counter(), collections.Counter()
    for row in csv.DictReader(open(path)):
        crate = crate_of(row['Name'])
        if crate is None:
            continue
        size = int(row['ShallowSize'])
        by_crate[crate] += size
        if crate == 'flourish':
            parts = row['Name'].lstrip('<').split('::')
            deep = len(parts) > 2 and parts[1] in ('pages', 'components', 'domain')
            by_module['::'.join(parts[:3] if deep else parts[:2])] += size
    total = sum(by_crate.values())
    print(f'{"crate":44}{"bytes":>10}{"share":>8}')
    for crate, size in by_crate.most_common(30):
        print(f'{crate:44}{size:>10}{100 * size / total:>7.1f}%')
    print(f'{"total":44}{total:>10}')
    print()
    for module, size in by_module.most_common(25):
        print(f'{module:44}{size:>10}{100 * size / total:>7.1f}%')


if __name__ == '__main__':
    main(sys.argv[1])
