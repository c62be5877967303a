"""Prints a SARIF log as flat lines for FileCheck. A path relative to a
base id is shown as BASE:path."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
flags = sys.argv[2:]


def uri(artifact):
    if "uriBaseId" in artifact:
        return artifact["uriBaseId"] + ":" + artifact["uri"]
    return artifact["uri"]


def place(loc):
    p = loc["physicalLocation"]
    return "%s:%d:%d" % (uri(p["artifactLocation"]), p["region"]["startLine"],
                         p["region"]["startColumn"])


print("version", log["version"])
run = log["runs"][0]
print("tool", run["tool"]["driver"]["name"])
for rule in run["tool"]["driver"]["rules"]:
    print("rule", rule["id"])
    if "--rules" in flags:
        print("  name", rule["name"])
        print("  full", rule["fullDescription"]["text"])
        print("  help markdown", rule["help"]["markdown"].splitlines()[0])
        print("  helpUri", rule.get("helpUri"))
for r in run["results"]:
    loc = r["locations"][0]
    print("result", r["ruleId"], r["level"], place(loc))
    if "--fingerprints" in flags:
        for key, value in sorted(r.get("partialFingerprints", {}).items()):
            print("fingerprint", key, value)
    for rel in r.get("relatedLocations", []):
        print("  related", place(rel), rel.get("message", {}).get("text", ""))
    if "--flows" in flags:
        for flow in r.get("codeFlows", []):
            print("  flow", flow["message"]["text"])
            for thread in flow["threadFlows"]:
                print("    thread", thread.get("message", {}).get("text", ""))
                for step in thread["locations"]:
                    print("      step", step.get("nestingLevel", 0),
                          place(step["location"]),
                          step["location"]["message"]["text"])
inv = run["invocations"][0]
print("execution successful:", inv["executionSuccessful"])
if "--flows" in flags:
    print("exit code:", inv["exitCode"])
for n in inv.get("toolExecutionNotifications", []):
    print("notification", n["level"], n["message"]["text"])
    for l in n.get("locations", []):
        print("  at", uri(l["physicalLocation"]["artifactLocation"]))
