"""Apply gist additions (bench/broaden_gist2.json: a list of {file, question, part, point, field: "gist", terms}) to the
bank's YAML as text, keeping its layout: `python bench/apply_gists.py . bench/broaden_gist2.json`. A point that already
has a gist is left alone (reported). Running it twice changes nothing."""
import json, re, sys
from pathlib import Path

def flow(group):
    out = []
    for t in group:
        t = str(t)
        out.append(f'"{t}"' if t.startswith('@') or re.search(r'[,:\[\]{}#&*!|>\'"%`]', t) else t)
    return "[" + ", ".join(out) + "]"

def apply(root, additions):
    files = {}
    for a in additions:
        files.setdefault(a["file"], []).append(a)
    done = skipped = 0
    for name, adds in files.items():
        path = Path(root) / name
        lines = path.read_text(encoding="utf-8").split("\n")
        for a in adds:
            # find question, then part, then point
            qi = next(i for i, l in enumerate(lines) if re.match(rf"\s*- id: {re.escape(a['question'])}\s*$", l))
            qind = len(lines[qi]) - len(lines[qi].lstrip())
            qend = next((i for i in range(qi + 1, len(lines)) if re.match(r"\s*- id: ", lines[i]) and len(lines[i]) - len(lines[i].lstrip()) == qind), len(lines))
            pi = next(i for i in range(qi, qend) if re.match(rf"\s*- id: {re.escape(a['part'])}\s*$", lines[i]) and lines[i+1].strip().startswith("prompt:"))
            pind = len(lines[pi]) - len(lines[pi].lstrip())
            pend = next((i for i in range(pi + 1, qend) if re.match(r"\s*- id: ", lines[i]) and len(lines[i]) - len(lines[i].lstrip()) == pind), qend)
            ri = next(i for i in range(pi, pend) if re.match(rf"\s*- id: {re.escape(a['point'])}\s*$", lines[i]) and lines[i+1].strip().startswith("text:"))
            rind = len(lines[ri]) - len(lines[ri].lstrip())
            # end of the point: next line at indent <= rind that is not blank
            j = ri + 1
            while j < pend and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > rind):
                j += 1
            # trim trailing blanks
            while not lines[j - 1].strip():
                j -= 1
            body = lines[ri:j]
            if any(l.strip().startswith("gist:") for l in body if len(l) - len(l.lstrip()) == rind + 2):
                skipped += 1
                print("has gist already:", a["question"], a["part"], a["point"], file=sys.stderr)
                continue
            new = [" " * (rind + 2) + "gist:"] + [" " * (rind + 4) + "- " + flow(g) for g in a["terms"]]
            lines[j:j] = new
            done += 1
        path.write_text("\n".join(lines), encoding="utf-8")
    print(f"applied {done}, skipped {skipped}")

if __name__ == "__main__":
    apply(sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8")))
