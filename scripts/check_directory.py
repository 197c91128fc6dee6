#!/usr/bin/env python3
"""Validates activity directory files against the Open Referral UK (HSDS v3 UK profile) schema.

Usage: scripts/check_directory.py [FILE ...]
With no files: public/directory.json and every tests/fixtures/directory*.json.

A file is either a JSON array of `service` records or a `service_list` page
({"contents": [...], ...}). Every record is checked with an independent validator (Python
`jsonschema`, Draft 7) against schemas/open-referral-uk/schema/compiled/service.json, with the
`uuid`, `uri` and `email` formats enforced. Phones, which the UK profile's service schema does
not place but HSDS 3.0 puts in `phones` on a service and on each contact, are checked against
schema/phone.json. Service ids must be unique within a file. Exits 1 on any error.
"""
import glob
import json
import os
import sys
import uuid
from urllib.parse import urlsplit

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "schemas", "open-referral-uk", "schema")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def format_checker():
    # A copy of Draft 7's checker (older jsonschema releases name it differently), plus uuid
    # and uri, which it leaves out.
    base = getattr(jsonschema.Draft7Validator, "FORMAT_CHECKER", None) or jsonschema.draft7_format_checker
    checker = jsonschema.FormatChecker()
    checker.checkers = dict(base.checkers)

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value):
        return not isinstance(value, str) or str(uuid.UUID(value)) == value.lower()

    @checker.checks("uri", raises=ValueError)
    def is_uri(value):
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("mailto", "tel", "urn"))

    return checker


def validators():
    checker = format_checker()
    service = jsonschema.Draft7Validator(
        load(os.path.join(SCHEMAS, "compiled", "service.json")), format_checker=checker
    )
    phone_schema = load(os.path.join(SCHEMAS, "phone.json"))
    # Inline the one relative reference, so any jsonschema version resolves it.
    phone_schema["properties"]["languages"]["items"] = load(os.path.join(SCHEMAS, "language.json"))
    phone = jsonschema.Draft7Validator(phone_schema, format_checker=checker)
    return service, phone


def records_of(data):
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    return None


def where(path):
    return "/".join(str(p) for p in path) or "(record)"


def check_file(path, service, phone):
    """Returns (records checked, list of error lines)."""
    try:
        data = load(path)
    except (OSError, ValueError) as e:
        return 0, [f"{path}: cannot be read as JSON: {e}"]
    records = records_of(data)
    if records is None:
        return 0, [f"{path}: neither a list of services nor a page with a 'contents' list"]
    errors = []
    seen = set()
    for i, record in enumerate(records, start=1):
        label = f"{path}: record {i}"
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            label += f" ({record['id']})"
            if record["id"] in seen:
                errors.append(f"{label}: the id is used by an earlier record")
            seen.add(record["id"])
        for e in sorted(service.iter_errors(record), key=lambda e: list(map(str, e.path))):
            errors.append(f"{label}: {where(e.path)}: {e.message}")
        if not isinstance(record, dict):
            continue
        phones = [("phones", record.get("phones"))]
        for j, contact in enumerate(record.get("contacts") or []):
            if isinstance(contact, dict):
                phones.append((f"contacts/{j}/phones", contact.get("phones")))
        for at, items in phones:
            if items is None:
                continue
            if not isinstance(items, list):
                errors.append(f"{label}: {at}: must be a list of phones")
                continue
            for k, item in enumerate(items):
                for e in phone.iter_errors(item):
                    errors.append(f"{label}: {at}/{k}/{where(e.path)}: {e.message}")
    return len(records), errors


def main(argv):
    files = argv[1:] or [os.path.join(ROOT, "public", "directory.json")] + sorted(
        glob.glob(os.path.join(ROOT, "tests", "fixtures", "directory*.json"))
    )
    service, phone = validators()
    total, failures = 0, []
    for path in files:
        count, errors = check_file(path, service, phone)
        inside = os.path.abspath(path).startswith(ROOT + os.sep)
        shown = os.path.relpath(os.path.abspath(path), ROOT) if inside else path
        print(f"{shown}: {count} records, {'valid' if not errors else f'{len(errors)} errors'}")
        total += count
        failures += errors
    for line in failures:
        print(line, file=sys.stderr)
    verdict = "valid" if not failures else f"{len(failures)} errors"
    print(f"directory check: {total} records in {len(files)} files against Open Referral UK service.json (Draft 7): {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
