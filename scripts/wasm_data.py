#!/usr/bin/env python3
"""Prints a wasm's large data segments with what their text looks like.

twiggy gives a data segment to the first function it finds referring into it, so a merged
segment of unrelated strings (a whole message catalogue) can appear to be "retained" by any
small function. This shows what a segment really holds before a size is blamed on code.

    python3 scripts/wasm_data.py some.wasm [min_bytes]
"""
import re
import sys


def leb(data, i):
    """An unsigned LEB128 number at `i`, and the index after it."""
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def segments(data):
    """(index, bytes) of every data segment."""
    i = 8
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb(data, i)
        if section == 11:
            count, j = leb(data, i)
            for k in range(count):
                flags, j = leb(data, j)
                if flags == 2:
                    _, j = leb(data, j)
                if flags in (0, 2):
                    while data[j] != 0x0B:  # the offset expression ends with `end`
                        j += 1
                    j += 1
                length, j = leb(data, j)
                yield k, data[j:j + length]
                j += length
        i += size


def main(path, least=10_000):
    data = open(path, 'rb').read()
    for k, seg in segments(data):
        if len(seg) < least:
            continue
        text = seg.decode('utf-8', 'replace')
        runs = re.findall(r"[A-Za-z\u0100-\u017f\u0600-\u06ff ,'.]{25,}", text)
        arabic = len(re.findall(r'[\u0600-\u06ff]', text))
        print(f'segment {k}: {len(seg):,} B, {sum(map(len, runs)):,} chars of text, {arabic:,} Arabic letters')
        for run in runs[:2] + runs[len(runs) // 2:len(runs) // 2 + 2]:
            print(f'  {run[:70]!r}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
