"""Write a bank back to YAML that imports again with no change."""
from pathlib import Path

import yaml

from .loader import SYNONYMS_FILE


class _BankDumper(yaml.SafeDumper):
    """Readable YAML: multi-line text as literal blocks, Chinese left as it is."""


def _represent_text(dumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BankDumper.add_representer(str, _represent_text)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_BankDumper, allow_unicode=True, sort_keys=False, width=110)


def write_bank(directory, questions: list[dict], papers: list[dict], synonyms: dict) -> list[Path]:
    """Write ``cases.yaml``, ``objective.yaml``, ``papers.yaml`` and ``synonyms.yaml``; returns the files."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "cases.yaml": {"questions": [q for q in questions if q["type"] == "case"]},
        "objective.yaml": {"questions": [q for q in questions if q["type"] != "case"]},
        "papers.yaml": {"papers": papers},
        SYNONYMS_FILE: {"sets": synonyms},
    }
    written = []
    for name, data in files.items():
        if not next(iter(data.values())):
            continue
        path = out / name
        path.write_text(dump(data), encoding="utf-8")
        written.append(path)
    return written
