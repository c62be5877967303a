"""Prints, per access in a facts dump (concur check --dump-facts), its line
and whether the facts find it on an object no other thread reaches yet."""
import json
import sys

accesses = [a for f in json.load(open(sys.argv[1])) for a in f["accesses"]]
for a in sorted(accesses, key=lambda a: a["loc"]["line"]):
    state = "unpublished" if a.get("unpublished") else "reachable"
    print(f'{a["loc"]["line"]}: {state}')
