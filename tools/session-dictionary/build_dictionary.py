#!/usr/bin/env python3
"""Builds a raw-content zstd dictionary for stored session values from the shipped reply templates, exemplars and
safety texts, plus sample stored JSON (field names). zstd prefers recent dictionary content, so the most frequent
material (field names, templates) goes last. A shipped dictionary is frozen: stored values name theirs by id, so a
new build must be shipped under a new id (session-v2.dict) beside the old one.

usage: build_dictionary.py REPO_ROOT OUT [SAMPLE_JSON ...]"""
import json
import sys
from pathlib import Path


def strings(node, out):
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, list):
        for item in node:
            strings(item, out)
    elif isinstance(node, dict):
        for value in node.values():
            strings(value, out)


CLIENT_TEXT = {"client_input", "original_input", "cleaned_input", "corrected_input", "desired_state_phrase",
               "goal_content", "problem_content", "emotion_content", "request_id", "session_id", "seed"}


def blank(node):
    if isinstance(node, dict):
        return {k: ("" if k in CLIENT_TEXT else blank(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [blank(v) for v in node]
    return node


def main():
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    data = root / "src/Grains/Therapy/Data"
    parts = []
    for line in (data / "exemplars/project.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            parts.append(record.get("client_text", ""))
            parts.append(record.get("therapist_text", ""))
    templates = []
    strings(json.loads((data / "templates/replies.en.json").read_text(encoding="utf-8")), templates)
    parts.extend(t for t in templates if " " in t)
    for sample in sys.argv[3:]:
        # Samples give the field names and the engine's own strings; client text is blanked out, so the dictionary
        # favours no particular test input.
        parts.append(json.dumps(blank(json.loads(Path(sample).read_text(encoding="utf-8"))), separators=(",", ":")))
    blob = "\n".join(parts).encode("utf-8")
    limit = 110 * 1024
    out.write_bytes(blob[-limit:])
    print(f"{out}: {min(len(blob), limit)} bytes")


if __name__ == "__main__":
    main()
