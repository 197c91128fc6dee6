#!/usr/bin/env python3
"""Checks a Flourish check-in calendar (.ics) with an independent reader.

Parses the file with the `icalendar` package (pip install icalendar) and checks what
calendar apps rely on: CRLF line ends, lines of at most 75 octets, VERSION and PRODID, and
for every event a unique UID, a DTSTAMP, an all-day DTSTART (a date, not a date-time) and a
DTEND on the next day. Optionally checks the number of events and their dates.

Usage: check_ics.py FILE [--count N] [--dates 2026-03-30,2026-04-27,...]
Exits 0 when every check passes, 1 with one line per problem otherwise.
"""

import argparse
import datetime
import sys

try:
    import icalendar
except ImportError:
    sys.exit("check_ics.py needs the icalendar package: pip install icalendar")


def raw_problems(data: bytes) -> list[str]:
    """Line-level rules that a parser forgives but RFC 5545 requires."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number} has a bare LF or CR")
        if len(line) > 75:
            problems.append(f"line {number} is {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} is not valid UTF-8 (a fold split a character?)")
    return problems


def event_problems(cal) -> tuple[list[str], list[datetime.date]]:
    problems, dates, uids = [], [], set()
    if str(cal.get("VERSION")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not cal.get("PRODID"):
        problems.append("there is no PRODID")
    for n, event in enumerate(cal.walk("VEVENT"), 1):
        uid = str(event.get("UID", ""))
        if not uid:
            problems.append(f"event {n} has no UID")
        elif uid in uids:
            problems.append(f"event {n} repeats UID {uid}")
        uids.add(uid)
        if event.get("DTSTAMP") is None:
            problems.append(f"event {n} has no DTSTAMP")
        start = event.decoded("DTSTART", None)
        end = event.decoded("DTEND", None)
        if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime):
            problems.append(f"event {n} DTSTART is not an all-day date: {start!r}")
            continue
        if end != start + datetime.timedelta(days=1) or isinstance(end, datetime.datetime):
            problems.append(f"event {n} DTEND {end!r} is not the day after {start}")
        if not event.get("SUMMARY"):
            problems.append(f"event {n} has no SUMMARY")
        dates.append(start)
    return problems, dates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--count", type=int, help="the number of events expected")
    parser.add_argument("--dates", help="the expected dates, comma-separated, YYYY-MM-DD")
    args = parser.parse_args()

    with open(args.file, "rb") as f:
        data = f.read()
    problems = raw_problems(data)
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as e:
        print(f"{args.file}: icalendar could not parse it: {e}")
        return 1
    found, dates = event_problems(cal)
    problems += found
    if args.count is not None and len(dates) != args.count:
        problems.append(f"expected {args.count} events, found {len(dates)}")
    if args.dates:
        expected = [datetime.date.fromisoformat(d) for d in args.dates.split(",")]
        if dates != expected:
            problems.append(f"expected dates {expected}, found {dates}")

    for p in problems:
        print(f"{args.file}: {p}")
    if problems:
        return 1
    print(f"{args.file}: ok, {len(dates)} all-day events from {min(dates, default='-')} "
          f"to {max(dates, default='-')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
