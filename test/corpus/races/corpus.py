"""The corpus's programs and their labels, shared by score.py and
validate_tsan.py: one reading of the format README.md describes."""
import os
import re

COMPILE_ARGS = ["-std=c++20", "-pthread"]
HERE = os.path.dirname(os.path.abspath(__file__))
LABEL_RE = re.compile(r"^\s*//\s*(corpus|pattern|race):\s*(.*?)\s*$")


class Program:
    def __init__(self, name, main, sources):
        self.name, self.main, self.sources = name, main, sources
        self.kind, self.pattern, self.races = None, "", []


def read_labels(p):
    """Fills kind, pattern and races from the leading comments of p.main."""
    with open(p.main, encoding="utf-8") as f:
        for line in f:
            m = LABEL_RE.match(line)
            if not m:
                if line.strip().startswith("//") or not line.strip():
                    continue
                break
            key, value = m.groups()
            if key == "corpus":
                p.kind = value
            elif key == "pattern":
                p.pattern = value
            else:
                p.races.append(value)


def discover(corpus, make=Program):
    """Every program of the corpus, labels read, in name order."""
    programs = []
    for entry in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, entry)
        if os.path.isfile(path) and entry.endswith(".cpp"):
            programs.append(make(entry[:-4], path, [path]))
        elif os.path.isdir(path) and os.path.isfile(
                os.path.join(path, "main.cpp")):
            srcs = sorted(
                os.path.join(path, f) for f in os.listdir(path)
                if f.endswith(".cpp"))
            programs.append(make(entry, os.path.join(path, "main.cpp"), srcs))
    for p in programs:
        read_labels(p)
    return programs
