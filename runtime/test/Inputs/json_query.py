"""Reads JSON on stdin and prints the value of a dotted path, or whether a
comparison on it holds: json_query.py "workloads.0.name" or
json_query.py "workloads.0.executors.1.speedup > 3"."""
import json
import operator
import sys

expression = sys.argv[1].split()
value = json.load(sys.stdin)
for part in expression[0].split("."):
    value = value[int(part)] if isinstance(value, list) else value[part]
if len(expression) == 3:
    ops = {">": operator.gt, "<": operator.lt, "==": operator.eq}
    print("true" if ops[expression[1]](value, float(expression[2])) else
          "false (%s is %r)" % (expression[0], value))
else:
    print(json.dumps(value))
